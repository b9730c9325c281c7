package dev.crabbox.coordinator.provider.aws;

/** What the fake EC2 endpoint answers: an HTTP status and an XML body. */
record Ec2Reply(int status, String body) {

  static Ec2Reply ok(String body) {
    return new Ec2Reply(200, body);
  }

  /** EC2's error document, e.g. 400 {@code InvalidInstanceID.NotFound}. */
  static Ec2Reply error(int status, String code, String message) {
    return new Ec2Reply(status, Ec2Xml.error(code, message));
  }
}
