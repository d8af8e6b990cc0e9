package dev.outpost.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.outpost.model.Validation;
import dev.outpost.store.ConflictRow;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.StoreException;
import dev.outpost.sync.ConflictResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

@Command(name = "resolve", description = "Decides a conflict; the decision reaches the server at the next sync.")
final class ResolveCommand extends StoreCommand {

    enum Side { mine, server, both }

    @Parameters(index = "0", paramLabel = "ID", description = "The conflict's number, from 'outpost conflicts'.")
    long id;

    @Option(names = "--keep", required = true, description = "mine, server or both (both: your version becomes a second record).")
    Side keep;

    @Option(names = "--field", paramLabel = "NAME=mine|server", description = "Per field, which side's value to keep; the rest follows --keep.")
    List<String> fields = List.of();

    @Override
    int run(OfflineStore store) {
        ConflictResolver resolver = new ConflictResolver(store.sync(), Validation.inSystemZone());
        ConflictRow conflict = store.sync().openConflicts(Optional.empty()).stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new StoreException("There is no open conflict " + id + ". List them with: outpost conflicts"));
        if (fields.isEmpty()) {
            switch (keep) {
                case mine -> resolver.keepMine(id);
                case server -> resolver.keepServer(id);
                case both -> resolver.keepBoth(id);
            }
        } else {
            if (keep == Side.both || conflict.localValues().isEmpty() || conflict.remoteValues().isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--field needs --keep mine or server, and a record "
                        + "that exists on both sides.");
            }
            resolver.merge(id, merged(conflict));
        }
        out().println("Conflict " + id + " decided; the result is sent at the next sync.");
        return OutpostCommand.DONE;
    }

    private Map<String, String> merged(ConflictRow c) {
        Map<String, String> mine = c.localValues().orElseThrow();
        Map<String, String> server = c.remoteValues().orElseThrow();
        Map<String, String> values = new HashMap<>(keep == Side.mine ? mine : server);
        for (String choice : fields) {
            String[] parts = choice.split("=", 2);
            if (parts.length != 2 || !(parts[1].equals("mine") || parts[1].equals("server"))
                    || c.type().field(parts[0]).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "'" + choice + "' is not NAME=mine or NAME=server "
                        + "with a field of a " + c.type().id() + " (" + String.join(", ", c.type().fieldNames()) + ").");
            }
            String value = (parts[1].equals("mine") ? mine : server).getOrDefault(parts[0], "");
            values.put(parts[0], value);
        }
        return values;
    }
}
