package dev.outpost.cli;

import java.util.List;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "update", description = "Changes fields of a record; FIELD= with no value empties a field.")
final class UpdateCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "TYPE")
    RecordType type;

    @Parameters(index = "1", paramLabel = "ID")
    String id;

    @Parameters(index = "2..*", arity = "1..*", paramLabel = "FIELD=VALUE")
    List<String> assignments;

    @Override
    int run(OfflineStore store) {
        var changes = FieldAssignments.parse(spec.commandLine(), type, assignments);
        Record current = store.records().findLive(type, id);
        Record updated = store.records().update(current.id(), changes);
        out().println(updated.rev() == current.rev()
                ? "Nothing changed in " + type.id() + " " + updated.id() + "."
                : "Updated " + type.id() + " " + updated.id() + ".");
        return OutpostCommand.DONE;
    }
}
