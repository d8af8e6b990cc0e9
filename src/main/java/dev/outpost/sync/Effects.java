package dev.outpost.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.ConflictRow;
import dev.outpost.store.Link;
import dev.outpost.store.LocalRecord;
import dev.outpost.store.SyncStore;

/**
 * The local side of the planner's decisions, gathered for a page (or a write's answer) and then written
 * in one transaction, so a page's records, their links and the anchor that ends it land together.
 */
final class Effects {

    private final SyncStore store;
    private final String pair;
    private final RecordType type;
    private final Tally tally;

    private final List<Record> puts = new ArrayList<>();
    private final List<Function<Record, Link>> linksForPuts = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<String> deletions = new ArrayList<>();
    private final List<String> unlinks = new ArrayList<>();
    private final List<ConflictRow> conflicts = new ArrayList<>();
    private final List<Runnable> more = new ArrayList<>();
    /** Records whose merged values must still be sent: the push phase picks them up. */
    int awaitingPush;
    private final java.util.Set<String> newIds = new java.util.HashSet<>();
    private final List<Long> syncedRevs = new ArrayList<>();

    Effects(SyncStore store, String pair, RecordType type, Tally tally) {
        this.store = store;
        this.pair = pair;
        this.type = type;
        this.tally = tally;
    }

    /**
     * Gathers what a decision means here.
     *
     * @param recordId the local record, or empty for a record new to this computer
     * @param remote   the remote record the decision is about, when there is one
     */
    void add(Decision decision, Optional<Link> link, Optional<LocalRecord> local, Optional<String> recordId,
             Optional<RemoteRecord> remote) {
        switch (decision) {
            case Decision.Nothing n -> link.filter(l -> !l.inScope() && remote.isPresent())
                    .ifPresent(l -> links.add(new Link(pair, l.recordId(), l.remoteId(), l.remoteVersion(), l.syncedRev(),
                            l.base(), true)));
            case Decision.TakeRemote t -> {
                String id = recordId.orElseGet(() -> {
                    String made = UUID.randomUUID().toString();
                    newIds.add(made);
                    return made;
                });
                RemoteRecord r = t.remote();
                put(id, r.values(), rec -> new Link(pair, rec.id(), r.remoteId(), r.version(), rec.rev(), r.values(), true));
                if (recordId.isPresent()) {
                    tally.pulledUpdated++;
                } else {
                    tally.pulledCreated++;
                }
            }
            case Decision.DeleteLocal d -> {
                deletions.add(recordId.orElseThrow());
                tally.pulledDeleted++;
            }
            case Decision.Merge m -> {
                long keptRev = link.map(Link::syncedRev).orElse(0L);
                RemoteRecord r = m.remote();
                put(recordId.orElseThrow(), m.values(), rec -> new Link(pair, rec.id(), r.remoteId(), r.version(),
                        m.needsPush() ? keptRev : rec.rev(), r.values(), true));
                if (m.needsPush()) {
                    awaitingPush++;
                }
                tally.merged++;
            }
            case Decision.Conflict c -> conflict(c, link, local, recordId.orElseThrow());
            case Decision.DropLink d -> deletions.add(recordId.orElseThrow()); // already a tombstone: unlink, purge
            case Decision.RestoreLocal r -> {
                RemoteRecord rr = r.remote();
                put(recordId.orElseThrow(), rr.values(), rec -> new Link(pair, rec.id(), rr.remoteId(), rr.version(),
                        rec.rev(), rr.values(), true));
                tally.pulledUpdated++;
            }
            case Decision.RecreateRemote r -> {
                unlinks.add(recordId.orElseThrow()); // unlinked and live: the push creates it again
                awaitingPush++;
            }
            case Decision.DeleteRemoteAt d -> {
                Link l = link.orElseThrow();
                links.add(new Link(pair, l.recordId(), l.remoteId(), d.remote().version(), l.syncedRev(),
                        d.remote().values(), true));
                awaitingPush++;
            }
            case Decision.PushCreate p -> throw new IllegalStateException("pushes are not local effects");
            case Decision.PushUpdate p -> throw new IllegalStateException("pushes are not local effects");
            case Decision.PushDelete p -> throw new IllegalStateException("pushes are not local effects");
        }
    }

    /**
     * The endpoint deleted the record and the pair's {@link RemovalRule} keeps it here: forget the link and mark
     * the record untracked for the pair, so it is not sent there again.
     */
    void stopTracking(String recordId) {
        unlinks.add(recordId);
        more.add(() -> store.untrack(pair, recordId));
        tally.stoppedTracking++;
    }

    /** The endpoint deleted a record the pair no longer syncs (untracked, over its limit): only the link goes. */
    void forgetLink(String recordId) {
        unlinks.add(recordId);
    }

    /** A link to write as it is (e.g. marked out of scope). */
    void link(Link link) {
        links.add(link);
    }

    /** Other writes that belong to the same transaction (an anchor, a journal entry to close). */
    void also(Runnable write) {
        more.add(write);
    }

    private void put(String id, Map<String, String> values, Function<Record, Link> linkFor) {
        puts.add(new Record(id, type, values, 0, false));
        linksForPuts.add(linkFor);
    }

    private void conflict(Decision.Conflict c, Optional<Link> link, Optional<LocalRecord> local, String recordId) {
        Optional<RemoteRecord> remote = c.remote();
        if (link.isEmpty()) {
            // Matched by user key on a first sync: remember the pairing now, with no base to merge against.
            RemoteRecord r = remote.orElseThrow();
            links.add(new Link(pair, recordId, r.remoteId(), r.version(), 0, Map.of(), true));
        }
        Optional<Map<String, String>> localValues = local.filter(l -> !l.record().deleted()).map(l -> l.record().values());
        conflicts.add(new ConflictRow(0, pair, recordId, type, c.kind().name(), List.copyOf(c.fields()),
                link.map(Link::base).orElse(Map.of()), localValues, remote.map(RemoteRecord::values),
                remote.map(RemoteRecord::remoteId).orElse(link.map(Link::remoteId).orElse(null)),
                remote.map(RemoteRecord::version).orElse(link.map(Link::remoteVersion).orElse(null)),
                local.map(LocalRecord::modifiedAt).orElse(null), remote.map(RemoteRecord::modifiedAt).orElse(Instant.now()),
                Instant.now()));
        tally.conflicts++;
    }

    /** The revs written already in step with the pair (after {@link #commit()}). */
    List<Long> syncedRevs() {
        return syncedRevs;
    }

    boolean isEmpty() {
        return puts.isEmpty() && links.isEmpty() && deletions.isEmpty() && unlinks.isEmpty() && conflicts.isEmpty()
                && more.isEmpty();
    }

    /** Writes everything gathered as one transaction. */
    void commit() {
        store.inTransaction(() -> {
            List<Record> written = store.putRecords(puts, newIds);
            List<Link> all = new ArrayList<>(links);
            for (int i = 0; i < written.size(); i++) {
                Link link = linksForPuts.get(i).apply(written.get(i));
                all.add(link);
                if (link.syncedRev() == written.get(i).rev()) {
                    syncedRevs.add(link.syncedRev());
                }
            }
            store.putLinks(type, all, newIds);
            for (String id : deletions) {
                store.record(id).filter(r -> !r.record().deleted()).ifPresent(r -> store.markDeleted(id));
                store.removeLink(pair, id);
                store.purgeIfUnlinked(id);
            }
            for (String id : unlinks) {
                store.removeLink(pair, id);
                store.purgeIfUnlinked(id); // a tombstone no pair links any more
            }
            conflicts.forEach(store::addConflict);
            more.forEach(Runnable::run);
        });
    }
}
