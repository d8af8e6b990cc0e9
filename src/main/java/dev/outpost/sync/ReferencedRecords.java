package dev.outpost.sync;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.outpost.model.RecordType;

/**
 * Keeps the records that records in scope refer to. With the CRM's default filter ("records I own") a contact
 * of mine at a colleague's account would otherwise point at an account this computer does not have; instead
 * the account is fetched by id, whatever the scope, and taken in like any pulled record (matched by user key
 * on a first sync, merged, or held in a conflict). Each type is written in its own transaction before the
 * page that needs it, so after a crash that page finds its targets linked.
 */
final class ReferencedRecords implements ReferenceMapping.Targets {

    private final Endpoint endpoint;
    private final Map<RecordType, TypeRun> runs;
    /** Asked for in this run and not there: not asked again for every page that names them. */
    private final Set<String> absent = new HashSet<>();
    /** Being brought in: a reference back to one of them (a cycle) is left as it is. */
    private final Set<String> underWay = new HashSet<>();

    /**
     * @param endpoint the pair's endpoint with references translated, so a target's own references are kept too
     * @param runs     the run's types; a record of a type the pair does not sync is not brought in
     */
    ReferencedRecords(Endpoint endpoint, Map<RecordType, TypeRun> runs) {
        this.endpoint = endpoint;
        this.runs = runs;
    }

    @Override
    public Map<String, String> bringIn(Map<String, Set<RecordType>> wanted) {
        Map<String, Set<RecordType>> asked = new HashMap<>(wanted);
        asked.keySet().removeIf(id -> absent.contains(id) || underWay.contains(id));
        if (asked.isEmpty()) {
            return Map.of();
        }
        underWay.addAll(asked.keySet());
        try {
            Map<String, String> local = new HashMap<>();
            Map<RecordType, Set<String>> byType = new EnumMap<>(RecordType.class);
            asked.forEach((id, types) -> types.forEach(t -> byType.computeIfAbsent(t, x -> new HashSet<>()).add(id)));
            for (var entry : byType.entrySet()) {
                TypeRun run = runs.get(entry.getKey());
                Set<String> ids = new HashSet<>(entry.getValue());
                ids.removeAll(local.keySet()); // found as an earlier target type already
                if (run == null || ids.isEmpty()) {
                    continue;
                }
                List<RemoteRecord> found = endpoint.fetchReferenced(entry.getKey(), ids);
                if (!found.isEmpty()) {
                    local.putAll(new PullPhase(run).take(found));
                }
            }
            asked.keySet().stream().filter(id -> !local.containsKey(id)).forEach(absent::add);
            return local;
        } finally {
            underWay.removeAll(asked.keySet());
        }
    }
}
