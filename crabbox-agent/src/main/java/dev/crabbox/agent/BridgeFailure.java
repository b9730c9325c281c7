package dev.crabbox.agent;

/**
 * Why a bridge gave up for good: a fatal upgrade refusal (401 without a way to mint a new ticket,
 * 403, 404, 409, 410) or a fatal close (1012 replaced, 1008 lease ended). Agents exit with
 * {@link #exitCode()}.
 *
 * @param message user-facing reason, never containing credentials
 */
public record BridgeFailure(String message) {

  /** The process exit code for a fatal bridge error, as in the original Crabbox. */
  public static final int EXIT_CODE = 4;

  public int exitCode() {
    return EXIT_CODE;
  }
}
