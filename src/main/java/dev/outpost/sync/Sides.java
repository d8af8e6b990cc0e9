package dev.outpost.sync;

import java.util.Optional;

import dev.outpost.model.Record;
import dev.outpost.store.Link;
import dev.outpost.store.LocalRecord;

/** Reads the planner's view of the local side from a record and the pair's link. */
final class Sides {

    private Sides() {
    }

    static LocalSide local(Optional<LocalRecord> local, Optional<Link> link) {
        if (local.isEmpty()) {
            return new LocalSide.Absent();
        }
        Record record = local.get().record();
        boolean changed = link.isEmpty() || record.rev() > link.get().syncedRev();
        if (record.deleted()) {
            return new LocalSide.Deleted(local.get().modifiedAt());
        }
        return changed ? new LocalSide.Changed(record.values(), local.get().modifiedAt())
                : new LocalSide.Unchanged(record.values());
    }
}
