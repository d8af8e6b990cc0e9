package dev.outpost.cli;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.outlook.OutlookPair;
import dev.outpost.store.OfflineStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code outpost track} and {@code outpost untrack}: whether a record is synced with Outlook. Untracking deletes
 * nothing anywhere; the record stays here and in the CRM, and its Outlook item is left as it is.
 */
final class TrackCommand {

    private TrackCommand() {
    }

    @Command(name = "track", description = "Syncs a record with Outlook again (it appears there at the next sync).")
    static final class Track extends StoreCommand {

        @Parameters(index = "0", paramLabel = "TYPE")
        RecordType type;

        @Parameters(index = "1", paramLabel = "ID", description = "The record's id, or its first 8 or more characters.")
        String id;

        @Override
        int run(OfflineStore store) {
            Record record = store.records().findLive(type, id);
            store.sync().track(OutlookPair.NAME, record.id());
            out().println("Tracking " + type.id() + " '" + record.title() + "' in Outlook from the next sync.");
            return OutpostCommand.DONE;
        }
    }

    @Command(name = "untrack", description = "Stops syncing a record with Outlook; nothing is deleted anywhere.")
    static final class Untrack extends StoreCommand {

        @Parameters(index = "0", paramLabel = "TYPE")
        RecordType type;

        @Parameters(index = "1", paramLabel = "ID", description = "The record's id, or its first 8 or more characters.")
        String id;

        @Override
        int run(OfflineStore store) {
            Record record = store.records().findLive(type, id);
            store.sync().untrack(OutlookPair.NAME, record.id());
            out().println("No longer syncing " + type.id() + " '" + record.title() + "' with Outlook. It stays here and "
                    + "in the CRM; its Outlook item, if any, is left as it is.");
            return OutpostCommand.DONE;
        }
    }
}
