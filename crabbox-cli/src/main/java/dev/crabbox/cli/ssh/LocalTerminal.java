package dev.crabbox.cli.ssh;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts this process's terminal in raw mode for an interactive remote shell (keys go to the lease
 * as typed, the remote terminal echoes) and restores the saved settings afterwards, through
 * {@code stty} on {@code /dev/tty}.
 */
public final class LocalTerminal implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalTerminal.class);
  private static final File TTY = new File("/dev/tty");

  private static final int DEFAULT_COLUMNS = 80;
  private static final int DEFAULT_ROWS = 24;

  private final String saved;
  private final int columns;
  private final int rows;

  private LocalTerminal(String saved, int columns, int rows) {
    this.saved = saved;
    this.columns = columns;
    this.rows = rows;
  }

  /** The terminal's width in characters (80 when unknown). */
  public int columns() {
    return columns;
  }

  /** The terminal's height in lines (24 when unknown). */
  public int rows() {
    return rows;
  }

  /** Raw mode when a terminal and {@code stty} are there; otherwise a terminal left as it was. */
  public static LocalTerminal raw() {
    if (!TTY.exists()) {
      return new LocalTerminal(null, DEFAULT_COLUMNS, DEFAULT_ROWS);
    }
    int columns = DEFAULT_COLUMNS;
    int rows = DEFAULT_ROWS;
    try {
      String[] size = stty("size").trim().split("\\s+");
      rows = Integer.parseInt(size[0]);
      columns = Integer.parseInt(size[1]);
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot read the terminal size", e);
    }
    try {
      String saved = stty("-g").trim();
      stty("raw", "-echo");
      return new LocalTerminal(saved, columns, rows);
    } catch (IOException e) {
      LOG.debug("cannot switch the terminal to raw mode", e);
      return new LocalTerminal(null, columns, rows);
    }
  }

  @Override
  public void close() {
    if (saved == null || saved.isEmpty()) {
      return;
    }
    try {
      stty(saved);
    } catch (IOException e) {
      LOG.warn("could not restore the terminal settings; run `stty sane`");
    }
  }

  private static String stty(String... arguments) throws IOException {
    String[] command = new String[arguments.length + 1];
    command[0] = "stty";
    System.arraycopy(arguments, 0, command, 1, arguments.length);
    Process process = new ProcessBuilder(command).redirectInput(TTY).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (process.waitFor() != 0) {
        throw new IOException("stty failed: " + output.trim());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running stty", e);
    }
    return output;
  }
}
