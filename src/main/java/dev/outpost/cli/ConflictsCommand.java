package dev.outpost.cli;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.store.ConflictRow;
import dev.outpost.store.OfflineStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "conflicts", description = "Lists the conflicts waiting for your decision.")
final class ConflictsCommand extends StoreCommand {

    @Option(names = "--json", description = "Print them as JSON: base, mine and the server's values whole.")
    boolean json;

    @Override
    int run(OfflineStore store) throws Exception {
        List<ConflictRow> open = store.sync().openConflicts(Optional.empty());
        if (json) {
            ArrayNode array = RecordJson.MAPPER.createArrayNode();
            for (ConflictRow c : open) {
                ObjectNode node = array.addObject();
                node.put("id", c.id());
                node.put("type", c.type().id());
                node.put("recordId", c.recordId());
                node.put("kind", c.kind());
                node.putPOJO("fields", c.fields());
                node.putPOJO("base", c.baseValues());
                node.putPOJO("mine", c.localValues().orElse(null));
                node.putPOJO("server", c.remoteValues().orElse(null));
            }
            out().println(RecordJson.MAPPER.writeValueAsString(array));
            return OutpostCommand.DONE;
        }
        if (open.isEmpty()) {
            out().println("No conflicts.");
            return OutpostCommand.DONE;
        }
        for (ConflictRow c : open) {
            String title = c.type().titleOf(c.localValues().or(c::remoteValues).orElse(c.baseValues()));
            out().printf("%d  %s '%s': %s%n", c.id(), c.type().id(), title, describe(c));
            for (String field : c.fields()) {
                out().printf("      %-14s mine: %-25s server: %s%n", field, c.localValues().map(v -> v.getOrDefault(field, "")).orElse(""),
                        c.remoteValues().map(v -> v.getOrDefault(field, "")).orElse(""));
            }
        }
        out().println("Decide with: outpost resolve <id> --keep mine|server|both [--field name=mine|server ...]");
        return OutpostCommand.DONE;
    }

    private static String describe(ConflictRow c) {
        return switch (c.kind()) {
            case "LOCAL_CHANGED_REMOTE_DELETED" -> "changed here, deleted on the server";
            case "LOCAL_DELETED_REMOTE_CHANGED" -> "deleted here, changed on the server";
            default -> "changed on both sides";
        };
    }
}
