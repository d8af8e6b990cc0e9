package dev.outpost.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import dev.outpost.model.Field;
import dev.outpost.model.FieldKind;
import dev.outpost.model.RecordType;
import dev.outpost.store.Link;
import dev.outpost.store.SyncStore;

/**
 * Translates reference fields (a contact's account, an activity's "regarding") between the local ids
 * this computer uses and the ids the endpoint uses, through the pair's links. Wraps the endpoint, so the
 * engine, its base snapshots and its journal all speak local ids. A reference that cannot be translated
 * is passed through unchanged: a remote id of a record not kept here stays that id (nothing is lost), and
 * a local record not yet sent is refused by the endpoint and retried once its target is linked.
 *
 * <p>A remote id with no link in scope is first offered to the {@link Targets} (the engine brings the
 * record in, see {@link ReferencedRecords}), so a record of mine that refers to a colleague's account finds
 * that account here.
 */
final class ReferenceMapping extends ForwardingEndpoint {

    /** Brings in records referred to but not kept here; answers remote id to local id for those it could. */
    interface Targets {
        Map<String, String> bringIn(Map<String, Set<RecordType>> wanted);
    }

    private final SyncStore store;
    private final String pair;
    private Targets targets = wanted -> Map.of();

    ReferenceMapping(Endpoint endpoint, SyncStore store, String pair) {
        super(endpoint);
        this.store = store;
        this.pair = pair;
    }

    void bringTargetsWith(Targets targets) {
        this.targets = targets;
    }

    @Override
    public ChangePage changes(RecordType type, Optional<String> from) {
        ChangePage page = inner.changes(type, from);
        if (!hasReferences(type)) {
            return page;
        }
        List<RemoteRecord> records = page.changes().stream().filter(c -> c instanceof RemoteChange.Upsert)
                .map(c -> ((RemoteChange.Upsert) c).record()).toList();
        Function<String, String> toLocal = toLocal(type, records.stream().map(RemoteRecord::values).toList());
        List<RemoteChange> changes = new ArrayList<>(page.changes().size());
        for (RemoteChange change : page.changes()) {
            changes.add(change instanceof RemoteChange.Upsert u ? new RemoteChange.Upsert(local(type, u.record(), toLocal)) : change);
        }
        return new ChangePage(changes, page.next(), page.anchor());
    }

    @Override
    public Optional<RemoteRecord> fetch(RecordType type, String remoteId) {
        return inner.fetch(type, remoteId).map(r -> translated(type, r));
    }

    @Override
    public List<RemoteRecord> fetchReferenced(RecordType type, Set<String> remoteIds) {
        return inner.fetchReferenced(type, remoteIds).stream().map(r -> translated(type, r)).toList();
    }

    @Override
    public List<RemoteRecord> findByUserKey(RecordType type, UserKey key) {
        return inner.findByUserKey(type, key).stream().map(r -> translated(type, r)).toList();
    }

    @Override
    public Optional<RemoteRecord> findCreated(RecordType type, String clientId) {
        return inner.findCreated(type, clientId).map(r -> translated(type, r));
    }

    @Override
    public List<WriteOutcome> write(RecordType type, List<RemoteWrite> batch) {
        if (!hasReferences(type)) {
            return inner.write(type, batch);
        }
        Set<String> localIds = new HashSet<>();
        for (RemoteWrite write : batch) {
            values(write).ifPresent(v -> localIds.addAll(referenceValues(type, v)));
        }
        Map<String, Link> links = store.linksByRecordId(pair, localIds);
        Function<String, String> toRemote = id -> links.containsKey(id) ? links.get(id).remoteId() : id;
        List<RemoteWrite> mapped = batch.stream().map(w -> switch (w) {
            case RemoteWrite.Create c -> (RemoteWrite) new RemoteWrite.Create(c.clientId(), map(type, c.values(), toRemote));
            case RemoteWrite.Update u -> new RemoteWrite.Update(u.remoteId(), u.expectedVersion(), map(type, u.values(), toRemote));
            case RemoteWrite.Delete d -> d;
        }).toList();
        return inner.write(type, mapped);
    }

    private RemoteRecord translated(RecordType type, RemoteRecord record) {
        return hasReferences(type) ? local(type, record, toLocal(type, List.of(record.values()))) : record;
    }

    private Function<String, String> toLocal(RecordType type, List<Map<String, String>> valuesList) {
        Map<String, Set<RecordType>> wanted = new HashMap<>();
        for (Map<String, String> values : valuesList) {
            for (Field field : type.fields()) {
                String value = values.get(field.name());
                if (field.kind() == FieldKind.REFERENCE && value != null && !value.isEmpty()) {
                    wanted.computeIfAbsent(value, v -> java.util.EnumSet.noneOf(RecordType.class)).addAll(field.refersTo());
                }
            }
        }
        if (wanted.isEmpty()) {
            return Function.identity();
        }
        Map<String, String> local = new HashMap<>();
        store.linksByRemoteId(pair, wanted.keySet()).forEach((remoteId, link) -> {
            local.put(remoteId, link.recordId());
            if (link.inScope()) {
                wanted.remove(remoteId);
            }
        });
        if (!wanted.isEmpty()) {
            local.putAll(targets.bringIn(wanted));
        }
        return id -> local.getOrDefault(id, id);
    }

    private static RemoteRecord local(RecordType type, RemoteRecord record, Function<String, String> toLocal) {
        return new RemoteRecord(record.remoteId(), record.version(), map(type, record.values(), toLocal), record.modifiedAt());
    }

    private static Map<String, String> map(RecordType type, Map<String, String> values, Function<String, String> idMap) {
        Map<String, String> mapped = new TreeMap<>(values);
        for (Field field : type.fields()) {
            String value = mapped.get(field.name());
            if (field.kind() == FieldKind.REFERENCE && value != null && !value.isEmpty()) {
                mapped.put(field.name(), idMap.apply(value));
            }
        }
        return mapped;
    }

    private static List<String> referenceValues(RecordType type, Map<String, String> values) {
        List<String> ids = new ArrayList<>();
        for (Field field : type.fields()) {
            String value = values.get(field.name());
            if (field.kind() == FieldKind.REFERENCE && value != null && !value.isEmpty()) {
                ids.add(value);
            }
        }
        return ids;
    }

    private static Optional<Map<String, String>> values(RemoteWrite write) {
        return switch (write) {
            case RemoteWrite.Create c -> Optional.of(c.values());
            case RemoteWrite.Update u -> Optional.of(u.values());
            case RemoteWrite.Delete d -> Optional.empty();
        };
    }

    private static boolean hasReferences(RecordType type) {
        return type.fields().stream().anyMatch(f -> f.kind() == FieldKind.REFERENCE);
    }
}
