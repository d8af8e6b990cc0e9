package dev.outpost.cli;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "list", description = "Lists the records of a type, optionally only those matching a search.")
final class ListCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "TYPE", description = "account, contact, opportunity, task, appointment or email (singular or plural)")
    RecordType type;

    @Option(names = "--search", paramLabel = "TEXT", description = "Only records containing every word of TEXT.")
    String search;

    @Option(names = "--json", description = "Print the records as a JSON array.")
    boolean json;

    @Override
    int run(OfflineStore store) throws Exception {
        List<Record> records = store.records().list(type, search);
        if (json) {
            ArrayNode array = RecordJson.MAPPER.createArrayNode();
            records.forEach(r -> array.add(RecordJson.of(r)));
            out().println(RecordJson.MAPPER.writeValueAsString(array));
        } else {
            TextTable.print(out(), type, records);
        }
        return OutpostCommand.DONE;
    }
}
