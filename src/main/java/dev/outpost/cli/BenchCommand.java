package dev.outpost.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench", description = "Measures Outpost on this machine.", subcommands = {StoreBenchmark.class, SyncBenchmark.class, CrmBenchmark.class,
        OutlookBenchmark.class})
final class BenchCommand {

    @ParentCommand
    OutpostCommand root;
}
