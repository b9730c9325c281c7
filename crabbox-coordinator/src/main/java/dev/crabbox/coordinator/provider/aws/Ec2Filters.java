package dev.crabbox.coordinator.provider.aws;

import software.amazon.awssdk.services.ec2.model.Filter;

/** EC2 describe filters ({@code Filter.N.Name}, {@code Filter.N.Value.M} on the wire). */
final class Ec2Filters {

  private Ec2Filters() {}

  /** Matches resources whose {@code name} is any of {@code values}. */
  static Filter filter(String name, String... values) {
    return Filter.builder().name(name).values(values).build();
  }
}
