package dev.outpost.cli;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.outlook.OutlookPair;
import dev.outpost.store.OfflineStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code outpost track} and {@code outpost untrack}: whether a record is synced with Outlook. Untracking deletes
 * nothing anywhere: the record stays here and in the CRM, and its Outlook item stays too, without the sharing
 * category (the next sync takes it off). Only what the window offers: contacts, tasks and appointments.
 */
final class TrackCommand {

    private static final java.util.Set<RecordType> TRACKABLE = java.util.EnumSet.of(RecordType.CONTACT, RecordType.TASK,
            RecordType.APPOINTMENT);

    private TrackCommand() {
    }

    private static void checkTrackable(RecordType type, picocli.CommandLine.Model.CommandSpec spec) {
        if (!TRACKABLE.contains(type)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Only contacts, tasks and appointments "
                    + "are synced with Outlook; " + type.plural() + " are not.");
        }
    }

    @Command(name = "track", description = "Syncs a record with Outlook again (it appears there at the next sync).")
    static final class Track extends StoreCommand {

        @Parameters(index = "0", paramLabel = "TYPE")
        RecordType type;

        @Parameters(index = "1", paramLabel = "ID", description = "The record's id, or its first 8 or more characters.")
        String id;

        @Override
        int run(OfflineStore store) {
            checkTrackable(type, spec);
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
            checkTrackable(type, spec);
            Record record = store.records().findLive(type, id);
            store.sync().untrack(OutlookPair.NAME, record.id());
            out().println("No longer syncing " + type.id() + " '" + record.title() + "' with Outlook. It stays here and "
                    + "in the CRM; its Outlook item stays too, and loses the sharing category at the next sync.");
            return OutpostCommand.DONE;
        }
    }
}
