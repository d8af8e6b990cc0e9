package dev.outpost.sync.properties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.ConflictRow;
import dev.outpost.store.Link;
import dev.outpost.store.OfflineStore;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.memory.MemoryEndpoint;

/** Both sides of the pair read at one moment, so that every check of a sync looks at the same instant. */
final class BothSides {

    final Map<RecordType, Map<String, Record>> local = new HashMap<>();
    final Map<RecordType, Map<String, RemoteRecord>> remote = new HashMap<>();
    final Map<RecordType, List<Link>> links = new HashMap<>();
    final List<ConflictRow> conflicts;
    private final Map<String, Record> liveById = new HashMap<>();
    private final Map<String, RemoteRecord> remoteById = new HashMap<>();
    private final Map<String, Link> linkByLocal = new HashMap<>();
    private final Map<String, List<Link>> linksByRemote = new HashMap<>();
    private final Map<String, ConflictRow> conflictByLocal = new HashMap<>();
    final Set<String> heldLocal = new HashSet<>();
    final Set<String> heldRemote = new HashSet<>();

    private BothSides(OfflineStore store, MemoryEndpoint endpoint) {
        for (RecordType type : EditedFields.TYPES) {
            Map<String, Record> live = new LinkedHashMap<>();
            store.records().list(type, "").forEach(r -> live.put(r.id(), r));
            local.put(type, live);
            liveById.putAll(live);
            Map<String, RemoteRecord> there = new LinkedHashMap<>();
            endpoint.all(type).forEach(r -> there.put(r.remoteId(), r));
            remote.put(type, there);
            remoteById.putAll(there);
            List<Link> ofType = store.sync().links(SyncWorld.PAIR, type);
            links.put(type, ofType);
            for (Link link : ofType) {
                linkByLocal.put(link.recordId(), link);
                linksByRemote.computeIfAbsent(link.remoteId(), id -> new ArrayList<>()).add(link);
            }
        }
        conflicts = store.sync().openConflicts(Optional.of(SyncWorld.PAIR));
        for (ConflictRow c : conflicts) {
            conflictByLocal.put(c.recordId(), c);
            heldLocal.add(c.recordId());
            if (c.remoteId() != null) {
                heldRemote.add(c.remoteId());
            }
            link(c.recordId()).ifPresent(l -> heldRemote.add(l.remoteId()));
        }
    }

    static BothSides read(OfflineStore store, MemoryEndpoint endpoint) {
        return new BothSides(store, endpoint);
    }

    Optional<Record> live(String localId) {
        return Optional.ofNullable(liveById.get(localId));
    }

    Optional<RemoteRecord> remote(String remoteId) {
        return Optional.ofNullable(remoteById.get(remoteId));
    }

    Optional<Link> link(String localId) {
        return Optional.ofNullable(linkByLocal.get(localId));
    }

    List<Link> linksTo(String remoteId) {
        return linksByRemote.getOrDefault(remoteId, List.of());
    }

    /** The local record linked to a remote one, when exactly one is. */
    Optional<String> localOf(String remoteId) {
        List<Link> to = linksTo(remoteId);
        return to.size() == 1 ? Optional.of(to.getFirst().recordId()) : Optional.empty();
    }

    Optional<ConflictRow> conflictOf(String localId) {
        return Optional.ofNullable(conflictByLocal.get(localId));
    }

    /** The open conflict holding a remote record, found by its id or by the local record linked to it. */
    Optional<ConflictRow> conflictOfRemote(String remoteId) {
        return conflicts.stream().filter(c -> remoteId.equals(c.remoteId())
                || link(c.recordId()).map(l -> l.remoteId().equals(remoteId)).orElse(false)).findFirst();
    }

    boolean heldLocal(String localId) {
        return heldLocal.contains(localId);
    }

    boolean heldRemote(String remoteId) {
        return heldRemote.contains(remoteId);
    }

    /** Whether an edit's value is in the local record and in the remote record linked to it. */
    boolean onBothSides(Ledger.Entry edit) {
        Optional<Record> here;
        Optional<RemoteRecord> there;
        if (edit.side == Ledger.Side.LOCAL) {
            here = live(edit.handle);
            there = link(edit.handle).filter(Link::inScope).flatMap(l -> remote(l.remoteId()));
        } else {
            there = remote(edit.handle);
            here = localOf(edit.handle).flatMap(this::live);
        }
        return here.isPresent() && there.isPresent() && value(here.get().values(), edit.field).equals(edit.value)
                && value(there.get().values(), edit.field).equals(edit.value);
    }

    /**
     * Whether an edit's value reached the other side, linked or not yet (a create the app died before
     * recording). Values are unique within a try, so any record there holding it got it from this edit.
     */
    boolean reachedBothSides(Ledger.Entry edit) {
        if (onBothSides(edit)) {
            return true;
        }
        if (edit.value.isEmpty()) {
            return false;
        }
        boolean here = edit.side == Ledger.Side.LOCAL
                ? live(edit.handle).map(r -> value(r.values(), edit.field).equals(edit.value)).orElse(false)
                : remote(edit.handle).map(r -> value(r.values(), edit.field).equals(edit.value)).orElse(false);
        boolean there = edit.side == Ledger.Side.LOCAL
                ? remote.get(edit.type).values().stream().anyMatch(r -> value(r.values(), edit.field).equals(edit.value))
                : local.get(edit.type).values().stream().anyMatch(r -> value(r.values(), edit.field).equals(edit.value));
        return here && there;
    }

    static String value(Map<String, String> values, String field) {
        return values.getOrDefault(field, "");
    }

    /** The record as a reader would want it in a failure message. */
    String describeLocal(String localId) {
        return live(localId).map(r -> r.values() + " rev " + r.rev()).orElse("(not live here)")
                + link(localId).map(l -> " linked to " + l.remoteId() + " (version " + l.remoteVersion() + ", base "
                        + l.base() + ", synced rev " + l.syncedRev() + ")").orElse(" (unlinked)")
                + (heldLocal(localId) ? " held by a conflict" : "");
    }

    String describeRemote(String remoteId) {
        return remote(remoteId).map(r -> r.values() + " version " + r.version()).orElse("(absent on the endpoint)")
                + " linked from " + linksTo(remoteId).stream().map(Link::recordId).toList();
    }
}
