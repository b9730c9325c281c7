package dev.crabbox.cli.work;

import dev.crabbox.cli.error.UsageException;
import picocli.CommandLine.Option;

/**
 * {@code --id <lease>} for commands whose positional arguments are a remote command
 * ({@code run}, {@code ssh}), so the lease cannot also be positional.
 */
public final class LeaseRef {
  @Option(names = "--id", paramLabel = "<lease-id-or-slug>",
      description = "The lease, by id (cbx_...) or slug (blue-lobster).")
  String id;

  String lease() {
    if (id == null || id.isBlank()) {
      throw new UsageException("a lease is required: pass --id <lease-id-or-slug>");
    }
    return id.trim();
  }
}
