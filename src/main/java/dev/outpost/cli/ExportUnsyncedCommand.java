package dev.outpost.cli;

import java.nio.file.Path;

import dev.outpost.store.OfflineStore;
import dev.outpost.store.UnsyncedExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "export-unsynced", description = "Writes the local changes not yet synced, with the open conflicts, to a "
        + "JSON file you can read and re-import with 'outpost import FILE'.")
final class ExportUnsyncedCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to write (replaced if it exists).")
    Path file;

    @Override
    int run(OfflineStore store) {
        UnsyncedExport.Written written = UnsyncedExport.write(store, file);
        out().println("Wrote " + written.changes() + " unsynced change" + (written.changes() == 1 ? "" : "s")
                + (written.conflicts() > 0 ? " (" + written.conflicts() + " in an open conflict, with your side)" : "")
                + " to " + written.file());
        if (written.syncIssues() > 0) {
            out().println(written.syncIssues() + " open sync issue" + (written.syncIssues() == 1 ? " is" : "s are")
                    + " listed in the file for reference; they are not re-imported.");
        }
        return OutpostCommand.DONE;
    }
}
