package dev.crabbox.cli.bench;

import picocli.CommandLine.Command;

/** {@code crabbox bench}: benchmarks that print ratios against a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Run benchmarks; each prints its figures against a baseline measured in the same run.",
    subcommands = {BenchEgressCommand.class})
public final class BenchCommand {
}
