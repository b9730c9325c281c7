package dev.crabbox.cli.ssh;

/** Receives a remote stream's text as it arrives, chunk by chunk (decoded as UTF-8). */
@FunctionalInterface
public interface OutputSink {
  /** Discards everything. */
  OutputSink NONE = text -> { };

  void write(String text);
}
