package dev.crabbox.coordinator.provider.bootstrap;

import java.util.List;
import java.util.Objects;

/**
 * One part of a lease's bootstrap: a script the bootstrap runs, in order, and the files it needs
 * (units, helpers, secrets) written by cloud-init beforehand.
 *
 * @param script the step's script; its file name is what the bootstrap runs
 * @param files everything else the step needs on disk
 */
record BootstrapStep(WriteFile script, List<WriteFile> files) {

  BootstrapStep {
    Objects.requireNonNull(script, "script");
    files = List.copyOf(files);
  }

  /** The script's file name inside the bootstrap directory. */
  String scriptName() {
    return script.path().substring(script.path().lastIndexOf('/') + 1);
  }
}
