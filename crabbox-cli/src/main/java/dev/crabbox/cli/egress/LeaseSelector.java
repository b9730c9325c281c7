package dev.crabbox.cli.egress;

import dev.crabbox.cli.error.UsageException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The lease a command acts on, given as {@code --id <lease>} or as the one positional argument
 * (a {@code cbx_} id or a slug such as {@code blue-lobster}); exactly one of the two.
 */
public final class LeaseSelector {
  @Option(names = "--id", paramLabel = "<lease-id-or-slug>",
      description = "The lease, by id (cbx_...) or slug (blue-lobster).")
  String id;

  @Parameters(index = "0", arity = "0..1", paramLabel = "<lease>",
      description = "The lease, as an alternative to --id.")
  String positional;

  /** The lease reference; a usage error when given both ways or not at all. */
  public String lease() {
    boolean hasId = id != null && !id.isBlank();
    boolean hasPositional = positional != null && !positional.isBlank();
    if (hasId && hasPositional) {
      throw new UsageException("give the lease once: --id " + id + " or the argument " + positional
          + ", not both");
    }
    if (!hasId && !hasPositional) {
      throw new UsageException("a lease is required: pass --id <lease-id-or-slug> or the lease as an argument");
    }
    return (hasId ? id : positional).trim();
  }
}
