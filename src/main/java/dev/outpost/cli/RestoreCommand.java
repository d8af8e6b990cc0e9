package dev.outpost.cli;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.RecordNotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "restore", description = "Brings back a deleted record whose deletion has not been synced yet.")
final class RestoreCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "TYPE")
    RecordType type;

    @Parameters(index = "1", paramLabel = "ID", description = "The full id printed by 'outpost delete'.")
    String id;

    @Override
    int run(OfflineStore store) {
        store.records().find(id.trim()).filter(r -> r.type() != type).ifPresent(r -> {
            throw new RecordNotFoundException("Record " + id + " is a " + r.type().id() + ", not a " + type.id() + ".");
        });
        Record restored = store.records().restore(id.trim());
        out().println("Restored " + type.id() + " " + restored.id() + ".");
        return OutpostCommand.DONE;
    }
}
