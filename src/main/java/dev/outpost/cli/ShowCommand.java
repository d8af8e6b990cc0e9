package dev.outpost.cli;

import dev.outpost.model.Field;
import dev.outpost.model.FieldFormat;
import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Shows one record with all its fields.")
final class ShowCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "TYPE")
    RecordType type;

    @Parameters(index = "1", paramLabel = "ID", description = "The record's id, or its first 8 or more characters.")
    String id;

    @Option(names = "--json", description = "Print the record as JSON.")
    boolean json;

    @Override
    int run(OfflineStore store) throws Exception {
        Record record = store.records().findLive(type, id);
        if (json) {
            out().println(RecordJson.MAPPER.writeValueAsString(RecordJson.of(record)));
            return OutpostCommand.DONE;
        }
        FieldFormat format = new FieldFormat(java.time.ZoneId.systemDefault());
        int width = type.fields().stream().mapToInt(f -> f.label().length()).max().orElse(10);
        out().println(type.label() + ": " + record.title());
        out().printf("%-" + width + "s  %s%n", "Id", record.id());
        for (Field field : type.fields()) {
            String value = format.display(field, record.get(field.name()));
            String shown = value.isEmpty() ? "" : value.replace("\n", "\n" + " ".repeat(width + 2));
            out().printf("%-" + width + "s  %s%n", field.label(), shown);
        }
        return OutpostCommand.DONE;
    }
}
