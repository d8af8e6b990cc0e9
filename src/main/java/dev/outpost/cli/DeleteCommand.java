package dev.outpost.cli;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = "Deletes a record; it can be restored until the deletion is synced.")
final class DeleteCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "TYPE")
    RecordType type;

    @Parameters(index = "1", paramLabel = "ID")
    String id;

    @Override
    int run(OfflineStore store) {
        Record record = store.records().delete(store.records().findLive(type, id).id());
        out().println("Deleted " + type.id() + " " + record.id() + ". Undo with: outpost restore "
                + type.id() + " " + record.id());
        return OutpostCommand.DONE;
    }
}
