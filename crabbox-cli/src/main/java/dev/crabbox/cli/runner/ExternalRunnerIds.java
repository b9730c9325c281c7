package dev.crabbox.cli.runner;

import dev.crabbox.cli.error.UsageException;
import java.util.regex.Pattern;

/**
 * Recognises the ids of external runners among lease references. Crabbox only shows external
 * runners: it never stops, releases or expires them, so a command that would end a lease refuses
 * such an id and says how the operator stops it themselves.
 */
public final class ExternalRunnerIds {
  private static final Pattern TESTBOX_ID = Pattern.compile("tbx_[A-Za-z0-9_-]+");

  private ExternalRunnerIds() {
  }

  /** True for a Blacksmith Testbox id ({@code tbx_...}). */
  public static boolean isTestbox(String reference) {
    return reference != null && TESTBOX_ID.matcher(reference).matches();
  }

  /** A usage error when {@code reference} is a testbox id; nothing otherwise. */
  public static void refuseStop(String reference) {
    if (isTestbox(reference)) {
      throw new UsageException(reference + " is a Blacksmith Testbox, not a Crabbox lease: Crabbox "
          + "only lists testboxes and never stops them. Stop it with the Blacksmith CLI: "
          + "blacksmith testbox stop --id " + reference);
    }
  }
}
