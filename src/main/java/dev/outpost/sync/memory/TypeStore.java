package dev.outpost.sync.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import dev.outpost.model.RecordType;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.UserKey;

/**
 * The records of one type: the live ones in id order (so a listing can page by "after this id" without a
 * snapshot), a short history of earlier states (so a faulty feed can replay a stale one), the create
 * markers, a user-key index (so first-sync matching stays fast at 100,000 records) and the scope.
 */
final class TypeStore {

    /** How many earlier states of a record are kept for stale duplicates. */
    static final int HISTORY = 3;

    private final RecordType type;
    private final TreeMap<String, RemoteRecord> live = new TreeMap<>();
    private final Map<String, List<RemoteRecord>> past = new HashMap<>();
    private final Map<String, String> markers = new HashMap<>();
    private final Map<UserKey, Set<String>> byKey = new HashMap<>();
    private Predicate<Map<String, String>> scope = values -> true;

    TypeStore(RecordType type) {
        this.type = type;
    }

    Optional<RemoteRecord> live(String remoteId) {
        return Optional.ofNullable(remoteId == null ? null : live.get(remoteId));
    }

    boolean inScope(RemoteRecord record) {
        return scope.test(record.values());
    }

    Predicate<Map<String, String>> scope() {
        return scope;
    }

    void scope(Predicate<Map<String, String>> scope) {
        this.scope = scope;
    }

    /** The live records after the given id, in id order; a view, not a copy. */
    Collection<RemoteRecord> after(String remoteId) {
        return live.tailMap(remoteId, false).values();
    }

    Collection<RemoteRecord> all() {
        return live.values();
    }

    int size() {
        return live.size();
    }

    /** Makes this the record's current state, keeping the one it replaces in the history. */
    void put(RemoteRecord record) {
        RemoteRecord old = live.put(record.remoteId(), record);
        if (old != null) {
            unindex(old);
            remember(old);
        }
        UserKey.of(type, record.values())
                .ifPresent(key -> byKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(record.remoteId()));
    }

    /** Deletes the record; its last state stays in the history. */
    Optional<RemoteRecord> delete(String remoteId) {
        RemoteRecord old = live.remove(remoteId);
        if (old != null) {
            unindex(old);
            remember(old);
        }
        return Optional.ofNullable(old);
    }

    /** Earlier states of the record, oldest first (the deleted state last for a deleted record). */
    List<RemoteRecord> history(String remoteId) {
        return past.getOrDefault(remoteId, List.of());
    }

    List<RemoteRecord> withKey(UserKey key) {
        List<RemoteRecord> found = new ArrayList<>();
        for (String id : byKey.getOrDefault(key, Set.of())) {
            found.add(live.get(id));
        }
        return found;
    }

    Optional<String> marked(String clientId) {
        return Optional.ofNullable(clientId == null ? null : markers.get(clientId));
    }

    void mark(String clientId, String remoteId) {
        if (clientId != null) {
            markers.put(clientId, remoteId);
        }
    }

    Map<String, String> markers() {
        return markers;
    }

    private void remember(RemoteRecord old) {
        List<RemoteRecord> states = new ArrayList<>(past.getOrDefault(old.remoteId(), List.of()));
        states.add(old);
        if (states.size() > HISTORY) {
            states.removeFirst();
        }
        past.put(old.remoteId(), List.copyOf(states));
    }

    private void unindex(RemoteRecord old) {
        UserKey.of(type, old.values()).ifPresent(key -> {
            Set<String> ids = byKey.get(key);
            if (ids != null && ids.remove(old.remoteId()) && ids.isEmpty()) {
                byKey.remove(key);
            }
        });
    }
}
