package dev.outpost.ui.sync;

import java.util.List;
import java.util.Optional;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import dev.outpost.model.Record;
import dev.outpost.store.ConflictRow;
import dev.outpost.store.SyncStore;
import dev.outpost.ui.concurrent.BackgroundTasks;

/**
 * Whether the record open in the editor waits for a conflict decision: the engine holds such a record (it is not
 * sent) until the user decides, so the editor says so and offers the conflict dialog right there.
 */
public final class HeldRecordViewModel {

    private final SyncStore store;
    private final BackgroundTasks reads;
    private final ReadOnlyObjectWrapper<Optional<ConflictRow>> conflict = new ReadOnlyObjectWrapper<>(Optional.empty());
    private String shownId;

    /** @param reads the window's worker for store reads */
    public HeldRecordViewModel(SyncStore store, BackgroundTasks reads) {
        this.store = store;
        this.reads = reads;
    }

    /** The editor opened {@code record} (null: none, or a new one not saved yet). */
    public void show(Record record) {
        shownId = record == null ? null : record.id();
        conflict.set(Optional.empty());
        check();
    }

    /** Looks in the store again. */
    public void check() {
        String id = shownId;
        if (id == null) {
            return;
        }
        reads.run(() -> heldBy(store.openConflicts(Optional.empty()), id),
                found -> {
                    if (id.equals(shownId)) { // the user may have moved on meanwhile
                        conflict.set(found);
                    }
                }, failure -> conflict.set(Optional.empty()));
    }

    /** The open conflicts as a sync's (or a decision's) read of the store found them: no second read. */
    void check(List<ConflictRow> open) {
        if (shownId != null) {
            conflict.set(heldBy(open, shownId));
        }
    }

    private static Optional<ConflictRow> heldBy(List<ConflictRow> open, String id) {
        return open.stream().filter(row -> row.recordId().equals(id)).findFirst();
    }

    /** The conflict that holds the shown record, if any. */
    public ReadOnlyObjectProperty<Optional<ConflictRow>> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }
}
