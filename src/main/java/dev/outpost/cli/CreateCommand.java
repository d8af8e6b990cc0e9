package dev.outpost.cli;

import java.util.List;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "create", description = "Creates a record and prints its id.")
final class CreateCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "TYPE")
    RecordType type;

    @Parameters(index = "1..*", paramLabel = "FIELD=VALUE", description = "Field values, e.g. lastName=Berg email=berg@example.com")
    List<String> assignments = List.of();

    @Override
    int run(OfflineStore store) {
        var values = FieldAssignments.parse(spec.commandLine(), type, assignments);
        Record record = store.records().create(type, values);
        out().println(record.id());
        return OutpostCommand.DONE;
    }
}
