package dev.outpost.cli;

import java.nio.file.Path;

import dev.outpost.store.ImportSummary;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.UnsyncedImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = "Applies a file written by 'outpost export-unsynced' as local changes; the next "
        + "sync sends them. Exit code 1 when some entries could not be imported (the others are).")
final class ImportCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The file 'outpost export-unsynced' wrote.")
    Path file;

    @Override
    int run(OfflineStore store) {
        ImportSummary summary = UnsyncedImport.read(store, file);
        for (ImportSummary.Entry entry : summary.entries()) {
            String line = entry.outcome().name().toLowerCase(java.util.Locale.ROOT) + "  " + entry;
            if (entry.outcome() == ImportSummary.Outcome.FAILED) {
                spec.commandLine().getErr().println(line);
            } else {
                out().println(line);
            }
        }
        out().println(summary.counts() + ".");
        long failed = summary.count(ImportSummary.Outcome.FAILED);
        if (failed > 0) {
            spec.commandLine().getErr().println(failed + " entr" + (failed == 1 ? "y" : "ies")
                    + " not imported: correct them in the file and import it again (what was imported is not doubled).");
            return OutpostCommand.FAILED;
        }
        return OutpostCommand.DONE;
    }
}
