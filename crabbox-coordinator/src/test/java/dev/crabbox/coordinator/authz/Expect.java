package dev.crabbox.coordinator.authz;

/**
 * An expected answer: the status, and for the list routes whether the subject shows up in the
 * list (a list never refuses a caller; it leaves out what the caller may not see).
 */
record Expect(int status, Boolean listed, String label) {
  static final Expect OK = new Expect(200, null, "200");
  static final Expect CREATED = new Expect(201, null, "201");
  static final Expect LISTED = new Expect(200, true, "200 listed");
  static final Expect HIDDEN = new Expect(200, false, "200 not listed");
  static final Expect FORBIDDEN = new Expect(403, null, "403");
  static final Expect NOT_FOUND = new Expect(404, null, "404");
  static final Expect UNAUTHORIZED = new Expect(401, null, "401");

  @Override
  public String toString() {
    return label;
  }
}
