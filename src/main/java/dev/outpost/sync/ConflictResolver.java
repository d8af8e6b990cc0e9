package dev.outpost.sync;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.outpost.model.Record;
import dev.outpost.model.Validation;
import dev.outpost.store.ConflictRow;
import dev.outpost.store.InvalidRecordException;
import dev.outpost.store.Link;
import dev.outpost.store.StoreException;
import dev.outpost.store.SyncStore;

/**
 * Carries out the user's decision on a conflict. Nothing is sent here: the decision is written to the
 * store so that the next run sends it (the record is no longer held), the same way as any local change.
 */
public final class ConflictResolver {

    private final SyncStore store;
    private final Validation validation;

    public ConflictResolver(SyncStore store, Validation validation) {
        this.store = store;
        this.validation = validation;
    }

    /** Keep this computer's version: it is sent at the next sync, over the endpoint's. */
    public void keepMine(long conflictId) {
        ConflictRow c = open(conflictId);
        store.inTransaction(() -> {
            Optional<Link> link = store.link(c.pair(), c.recordId());
            if (c.remoteValues().isEmpty()) {
                // The remote record is gone (whatever the conflict's kind: it may have been deleted there after the
                // conflict was found). Unlinked, a live record is created there again and a tombstone is dropped.
                store.removeLink(c.pair(), c.recordId());
                store.purgeIfUnlinked(c.recordId());
            } else {
                link.ifPresent(l -> store.putLinks(c.type(), List.of(new Link(c.pair(), l.recordId(), l.remoteId(),
                        c.remoteVersion(), l.syncedRev(), c.remoteValues().get(), true))));
            }
            store.resolveConflict(c.id(), "mine");
        });
    }

    /** Keep the endpoint's version: it replaces this computer's (or the deletion is accepted). */
    public void keepServer(long conflictId) {
        ConflictRow c = open(conflictId);
        store.inTransaction(() -> {
            takeServer(c);
            store.resolveConflict(c.id(), "server");
        });
    }

    /**
     * Keep the given merged values (the per-field choices of the conflict dialog); they are sent at the
     * next sync.
     *
     * @throws InvalidRecordException when the merged values break the model's rules; nothing is written
     */
    public void merge(long conflictId, Map<String, String> values) {
        ConflictRow c = open(conflictId);
        Validation.ValidationResult checked = validation.check(c.type(), values);
        if (!checked.valid()) {
            throw new InvalidRecordException(c.type(), checked.problems());
        }
        store.inTransaction(() -> {
            store.putRecords(List.of(new Record(c.recordId(), c.type(), checked.values(), 0, false)));
            store.link(c.pair(), c.recordId()).ifPresent(l -> store.putLinks(c.type(), List.of(new Link(c.pair(), l.recordId(),
                    l.remoteId(), c.remoteVersion(), l.syncedRev(), c.remoteValues().orElse(Map.of()), true))));
            if (c.remoteValues().isEmpty()) {
                store.removeLink(c.pair(), c.recordId()); // deleted there: the merged record is created again
            }
            store.resolveConflict(c.id(), "merged");
        });
    }

    /**
     * Keep both: this computer's version becomes a second record (sent as new at the next sync) and the
     * original takes the endpoint's version.
     *
     * @return the id of the new record, or empty when this side had deleted the record (nothing to copy)
     */
    public Optional<String> keepBoth(long conflictId) {
        ConflictRow c = open(conflictId);
        return store.inTransaction(() -> {
            // The record as it is now, not as the conflict found it: the user may have edited it while it was held.
            Optional<Map<String, String>> mine = store.record(c.recordId()).filter(r -> !r.record().deleted())
                    .map(r -> r.record().values());
            Optional<String> copy = mine.map(values -> {
                String id = UUID.randomUUID().toString();
                store.putRecords(List.of(new Record(id, c.type(), values, 0, false)));
                return id;
            });
            takeServer(c);
            store.resolveConflict(c.id(), "both");
            return copy;
        });
    }

    private void takeServer(ConflictRow c) {
        Optional<Link> link = store.link(c.pair(), c.recordId());
        if (c.remoteValues().isEmpty()) {
            store.markDeleted(c.recordId());
            store.removeLink(c.pair(), c.recordId());
            store.purgeIfUnlinked(c.recordId());
            return;
        }
        Map<String, String> remote = c.remoteValues().get();
        Record written = store.putRecords(List.of(new Record(c.recordId(), c.type(), remote, 0, false))).getFirst();
        String remoteId = link.map(Link::remoteId).orElse(c.remoteId());
        store.putLinks(c.type(), List.of(new Link(c.pair(), c.recordId(), remoteId, c.remoteVersion(), written.rev(), remote, true)));
    }

    private ConflictRow open(long conflictId) {
        return store.openConflicts(Optional.empty()).stream().filter(c -> c.id() == conflictId).findFirst()
                .orElseThrow(() -> new StoreException("Conflict " + conflictId + " is not open any more; it may have "
                        + "been resolved already. List the open ones with: outpost conflicts"));
    }
}
