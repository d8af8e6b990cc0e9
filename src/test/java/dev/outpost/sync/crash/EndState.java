package dev.outpost.sync.crash;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.outpost.model.RecordType;
import dev.outpost.store.ConflictRow;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncReport;
import dev.outpost.sync.memory.MemoryEndpoint;

/**
 * Where a run left both sides: per side and type every record's values, and the open conflicts. Ids and
 * versions are left out (a restarted run makes other ones); values and counts are not, so a lost edit or a
 * record sent twice shows.
 *
 * @param records   "here account", "there contact", ... to the records' values, sorted
 * @param conflicts the open conflicts: type, kind, fields, both sides' values; sorted
 */
record EndState(Map<String, List<String>> records, List<String> conflicts) {

    private static final String PAIR = "crm";

    static EndState read(Path profile) {
        Map<String, List<String>> records = new TreeMap<>();
        try (OfflineStore store = OfflineStore.open(new ProfileFolder(profile))) {
            MemoryEndpoint endpoint = MemoryEndpoint.persistentIn(KillAtEveryStepTest.endpointFile(profile));
            for (RecordType type : SyncKilledAtStep.pair(endpoint).types()) {
                records.put("here " + type.id(), sorted(store.records().list(type, "").stream().map(r -> r.values()).toList()));
                records.put("there " + type.id(), sorted(endpoint.all(type).stream().map(r -> r.values()).toList()));
            }
            List<String> conflicts = store.sync().openConflicts(Optional.of(PAIR)).stream().map(EndState::describe)
                    .sorted().toList();
            return new EndState(records, conflicts);
        }
    }

    private static List<String> sorted(List<Map<String, String>> values) {
        return values.stream().map(v -> new TreeMap<>(v).toString()).sorted().toList();
    }

    private static String describe(ConflictRow c) {
        return c.type().id() + " " + c.kind() + " " + c.fields() + " here " + c.localValues().map(TreeMap::new).orElse(null)
                + " there " + c.remoteValues().map(TreeMap::new).orElse(null);
    }

    /** What differs from the expected end state, one sentence each. */
    List<String> differencesFrom(EndState expected, String where) {
        List<String> differences = new ArrayList<>();
        expected.records.forEach((side, values) -> {
            List<String> actual = records.getOrDefault(side, List.of());
            if (!actual.equals(values)) {
                differences.add(where + ", the " + side.replace("here ", "").replace("there ", "") + " records "
                        + (side.startsWith("here") ? "here" : "on the endpoint") + " differ (" + actual.size() + " instead of "
                        + values.size() + "):\n    expected " + values + "\n    but were " + actual);
            }
        });
        if (!conflicts.equals(expected.conflicts)) {
            differences.add(where + ", the open conflicts differ:\n    expected " + expected.conflicts + "\n    but were "
                    + conflicts);
        }
        return differences;
    }

    /** What a second run, right after, finds to do: nothing may be left in the journal or to send or take. */
    static List<String> secondSyncProblems(Path profile) {
        List<String> problems = new ArrayList<>();
        try (OfflineStore store = OfflineStore.open(new ProfileFolder(profile))) {
            if (!store.sync().openJournal(PAIR).isEmpty()) {
                problems.add("the journal still holds " + store.sync().openJournal(PAIR));
            }
            MemoryEndpoint endpoint = MemoryEndpoint.persistentIn(KillAtEveryStepTest.endpointFile(profile));
            SyncReport again = new SyncEngine(store.sync()).run(SyncKilledAtStep.pair(endpoint), RunOptions.normal());
            if (endpoint.writeCount() != 0 || again.pulled() != 0 || again.conflicts() != 0) {
                problems.add("a second run still had work: " + endpoint.writeCount() + " write(s) to the endpoint, "
                        + again.types());
            }
        }
        return problems;
    }
}
