package dev.outpost.sync.properties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.ConflictRow;
import dev.outpost.store.Link;
import dev.outpost.store.LocalRecord;
import dev.outpost.store.SyncStore;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncReport;
import dev.outpost.sync.properties.Ledger.Entry;
import dev.outpost.sync.properties.Ledger.Side;

/**
 * What must hold after every sync without faults: both sides hold the same records, none twice, apart from
 * records held by open conflicts; no edit or deletion is lost unless the pair's policy overruled it in a
 * race; the journal is empty; and a second sync right after writes nothing anywhere.
 */
final class Agreement {

    private final SyncWorld world;
    private final BothSides now;

    Agreement(SyncWorld world, BothSides now) {
        this.world = world;
        this.now = now;
    }

    void holds() {
        for (RecordType type : EditedFields.TYPES) {
            noRecordTwice(type);
            bothSidesHoldTheSameRecords(type);
        }
        noEditIsLost();
        SyncStore sync = world.store().sync();
        if (!sync.openJournal(SyncWorld.PAIR).isEmpty()) {
            fail("The journal still holds writes after a complete sync: " + sync.openJournal(SyncWorld.PAIR));
        }
    }

    // ---- (d) no record exists twice

    private void noRecordTwice(RecordType type) {
        Map<String, List<String>> localsByRemote = new HashMap<>();
        for (Link link : now.links.get(type)) {
            localsByRemote.computeIfAbsent(link.remoteId(), id -> new ArrayList<>()).add(link.recordId());
        }
        localsByRemote.forEach((remoteId, locals) -> {
            if (locals.size() > 1) {
                fail("The " + type.id() + " " + remoteId + " on the endpoint is linked from " + locals.size()
                        + " records here (a duplicate here): " + locals);
            }
        });
        for (RemoteRecord r : now.remote.get(type).values()) {
            if (!now.heldRemote(r.remoteId()) && now.linksTo(r.remoteId()).isEmpty()) {
                fail("The " + type.id() + " " + r.remoteId() + " " + r.values() + " exists on the endpoint with no "
                        + "record here (never pulled, or a create sent twice)");
            }
        }
    }

    // ---- (a) both sides hold the same records

    private void bothSidesHoldTheSameRecords(RecordType type) {
        for (Record here : now.local.get(type).values()) {
            if (now.heldLocal(here.id())) {
                continue;
            }
            Optional<Link> link = now.link(here.id());
            if (link.isEmpty() || !link.get().inScope()) {
                fail("The " + type.id() + " " + here.id() + " " + here.values() + " is here but was never sent to "
                        + "the endpoint" + link.map(l -> " (its link is out of scope)").orElse(""));
            }
            Optional<RemoteRecord> there = now.remote(link.get().remoteId());
            if (there.isEmpty()) {
                fail("The " + type.id() + " " + here.id() + " " + here.values() + " is here, linked to "
                        + link.get().remoteId() + ", which the endpoint no longer has");
            }
            if (!there.get().values().equals(here.values())) {
                fail("The two copies of " + type.id() + " " + here.id() + " / " + there.get().remoteId()
                        + " differ:\n  here  " + here.values() + "\n  there " + there.get().values());
            }
        }
        for (Link link : now.links.get(type)) {
            if (now.live(link.recordId()).isEmpty() && !now.heldLocal(link.recordId())) {
                fail("The " + type.id() + " " + link.recordId() + " was deleted here but is still linked to "
                        + link.remoteId() + " (" + now.describeRemote(link.remoteId()) + "): the deletion never finished");
            }
        }
    }

    // ---- (c) no edit is lost

    private void noEditIsLost() {
        for (Entry e : world.ledger.unsettled()) {
            if (e.isDeletion()) {
                deletionArrived(e);
            } else {
                editArrived(e);
            }
        }
    }

    private void editArrived(Entry e) {
        if (world.ledger.deletion(e.side, e.handle).isPresent()) {
            return; // the same side deleted the record afterwards
        }
        Optional<ConflictRow> held = e.side == Side.LOCAL ? now.conflictOf(e.handle) : now.conflictOfRemote(e.handle);
        if (held.isPresent()) {
            if (!keptBy(held.get(), e)) {
                fail("An edit of a record held by a conflict is neither in the record nor in the conflict: " + e
                        + "\n  conflict " + held.get());
            }
            return;
        }
        if (now.onBothSides(e) || overruledByPolicy(e) || raceInDoubt(e)) {
            return;
        }
        String otherCopy = e.side == Side.LOCAL
                ? Optional.ofNullable(world.remoteOf.get(e.handle)).map(now::describeRemote).orElse("(never linked)")
                : Optional.ofNullable(world.localOf.get(e.handle)).map(now::describeLocal).orElse("(never linked)");
        String thisCopy = e.side == Side.LOCAL ? now.describeLocal(e.handle) : now.describeRemote(e.handle);
        fail("An edit was lost: " + e + "\n  this side:  " + thisCopy + "\n  other side: " + otherCopy
                + "\n  the other side's changes: " + world.ledger.of(e.side.other(), counterpart(e)));
    }

    private boolean keptBy(ConflictRow c, Entry e) {
        if (e.side == Side.LOCAL) {
            return now.live(e.handle).map(r -> r.get(e.field).equals(e.value)).orElse(false)
                    || c.localValues().map(v -> BothSides.value(v, e.field).equals(e.value)).orElse(false);
        }
        return now.remote(e.handle).map(r -> BothSides.value(r.values(), e.field).equals(e.value)).orElse(false)
                || c.remoteValues().map(v -> BothSides.value(v, e.field).equals(e.value)).orElse(false);
    }

    /**
     * The other side's handle of the record an entry is about: for a deletion the one it had when deleted,
     * else the last link seen.
     */
    private String counterpart(Entry e) {
        String other = e.counterpart != null ? e.counterpart : (e.side == Side.LOCAL ? world.remoteOf : world.localOf).get(e.handle);
        return other == null ? "" : other;
    }

    /**
     * Whether a policy other than {@code ask} settled a race this entry lost: the other side changed the same
     * field to another value, or deleted the record, before this entry reached it.
     */
    private boolean overruledByPolicy(Entry e) {
        ConflictPolicy policy = world.policy;
        boolean otherSideMayWin = switch (policy) {
            case ASK -> false;
            case SERVER_WINS -> e.side == Side.LOCAL;
            case LOCAL_WINS -> e.side == Side.REMOTE;
            case NEWEST_WINS -> true;
        };
        if (!otherSideMayWin) {
            return false;
        }
        boolean rivalEdit = counterparts(e).stream().anyMatch(other -> world.ledger.edit(e.side.other(), other, e.field)
                .filter(o -> !o.value.equals(e.value) && o.racedWith(e)).isPresent());
        // Under newest-wins an edit here beats a deletion there (a deletion carries no time); an edit there may
        // lose to a later deletion here.
        boolean deletionWins = (policy != ConflictPolicy.NEWEST_WINS || e.side == Side.REMOTE)
                && counterparts(e).stream().anyMatch(other -> world.ledger.deletion(e.side.other(), other)
                        .filter(o -> o.racedWith(e)).isPresent());
        if (rivalEdit || deletionWins) {
            world.counts.overruled++;
            return true;
        }
        return false;
    }

    /** A race with an edit in doubt after a crash (see {@link Entry#inDoubt()}) may go either way. */
    private boolean raceInDoubt(Entry e) {
        return counterparts(e).stream().anyMatch(other -> world.ledger.edit(e.side.other(), other, e.field)
                .filter(o -> !o.value.equals(e.value) && o.racedWith(e) && (o.inDoubt() || e.inDoubt())).isPresent());
    }

    /** Every handle the other side ever had for the record an entry is about. */
    private Set<String> counterparts(Entry e) {
        Set<String> all = new HashSet<>(world.linkedEver.getOrDefault(e.handle, Set.of()));
        if (!counterpart(e).isEmpty()) {
            all.add(counterpart(e));
        }
        return all;
    }

    private void deletionArrived(Entry d) {
        if (d.side == Side.LOCAL) {
            String localId = d.handle;
            String remoteId = counterpart(d).isEmpty() ? null : counterpart(d);
            if (now.heldLocal(localId)) {
                return;
            }
            boolean here = now.live(localId).isPresent();
            boolean there = remoteId != null && now.remote(remoteId).isPresent();
            if (!here && there) {
                fail("A deletion here never reached the endpoint: " + d + "\n  there " + now.describeRemote(remoteId));
            }
            if (here && !restoredByPolicy(d, remoteId)) {
                fail("A record deleted here is back after the sync: " + d + "\n  here " + now.describeLocal(localId));
            }
            return;
        }
        String remoteId = d.handle;
        String localId = counterpart(d).isEmpty() ? null : counterpart(d);
        if (localId == null || now.heldLocal(localId) || now.live(localId).isEmpty()) {
            return;
        }
        if (!recreatedByPolicy(d, localId) && !d.inDoubt()) {
            fail("A deletion on the endpoint never reached this computer: " + d + "\n  here " + now.describeLocal(localId));
        }
    }

    /** server-wins and newest-wins bring back a record deleted here that the endpoint changed in a race. */
    private boolean restoredByPolicy(Entry d, String remoteId) {
        return remoteId != null && (world.policy == ConflictPolicy.SERVER_WINS || world.policy == ConflictPolicy.NEWEST_WINS)
                && world.ledger.of(Side.REMOTE, remoteId).stream().anyMatch(o -> !o.isDeletion() && o.racedWith(d));
    }

    /** local-wins and newest-wins create again on the endpoint a record changed here that it deleted in a race. */
    private boolean recreatedByPolicy(Entry d, String localId) {
        boolean linkedAnew = now.link(localId).map(l -> !l.remoteId().equals(d.handle) && now.remote(l.remoteId()).isPresent())
                .orElse(false);
        return linkedAnew && (world.policy == ConflictPolicy.LOCAL_WINS || world.policy == ConflictPolicy.NEWEST_WINS)
                && world.ledger.of(Side.LOCAL, localId).stream().anyMatch(o -> !o.isDeletion() && o.racedWith(d));
    }

    // ---- (b) a second sync writes nothing

    void secondSyncWritesNothing() {
        SyncStore sync = world.store().sync();
        Map<String, String> before = localState(sync);
        world.remote.resetCounters();
        SyncReport again = new SyncEngine(sync).run(world.pair(), RunOptions.normal());
        Map<String, String> after = localState(sync);
        if (world.remote.writeCount() != 0 || again.pushed() != 0) {
            fail("A second sync right after a complete one wrote " + world.remote.writeCount() + " time(s) to the "
                    + "endpoint: " + again.types());
        }
        if (again.pulled() != 0 || again.conflicts() != 0 || !after.equals(before)) {
            fail("A second sync right after a complete one changed records here: " + again.types()
                    + "\n  before " + before + "\n  after  " + after);
        }
        int pending = world.store().records().status().totalPending();
        int heldPending = heldPending(sync);
        if (pending != heldPending) {
            fail("After two syncs " + pending + " local change(s) still wait to be sent; only the " + heldPending
                    + " held by open conflicts may");
        }
    }

    /** Every record of the pair's types here and its link, as text: any write changes it. */
    private Map<String, String> localState(SyncStore sync) {
        Set<String> ids = new HashSet<>();
        Map<String, String> links = new HashMap<>();
        for (RecordType type : EditedFields.TYPES) {
            world.store().records().list(type, "").forEach(r -> ids.add(r.id()));
            sync.links(SyncWorld.PAIR, type).forEach(l -> {
                ids.add(l.recordId());
                links.put(l.recordId(), l.toString());
            });
        }
        Map<String, String> state = new java.util.TreeMap<>();
        sync.records(ids).forEach((id, r) -> state.put(id, "rev " + r.record().rev() + (r.record().deleted() ? " deleted" : "")
                + " " + links.getOrDefault(id, "unlinked")));
        return state;
    }

    private static int heldPending(SyncStore sync) {
        int count = 0;
        for (String id : sync.openConflicts(Optional.of(SyncWorld.PAIR)).stream().map(ConflictRow::recordId).distinct().toList()) {
            Optional<LocalRecord> record = sync.record(id);
            Optional<Link> link = sync.link(SyncWorld.PAIR, id);
            if (record.isPresent() && (link.isEmpty() ? !record.get().record().deleted()
                    : link.get().inScope() && record.get().record().rev() > link.get().syncedRev())) {
                count++;
            }
        }
        return count;
    }

    private void fail(String message) {
        throw new AssertionError(message + world.storyText());
    }
}
