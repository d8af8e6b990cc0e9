package dev.outpost.ui.conflicts;

import java.time.ZoneId;
import java.util.function.Consumer;

import javafx.stage.Window;

import dev.outpost.ui.concurrent.BackgroundTasks;

/**
 * Opens the right dialog for one conflict: the field-by-field {@link ConflictDialog} when both sides still have
 * the record, the {@link DeleteConflictDialog} when one side deleted it. The conflict is read in the background.
 */
public final class ConflictPrompt {

    private final Conflicts conflicts;
    private final BackgroundTasks tasks;
    private final ZoneId zone;

    public ConflictPrompt(Conflicts conflicts, BackgroundTasks tasks, ZoneId zone) {
        this.conflicts = conflicts;
        this.tasks = tasks;
        this.zone = zone;
    }

    /**
     * Reads the conflict and opens its dialog, modal to {@code owner}.
     *
     * @param onResolved runs on the UI thread once a decision is saved (not on Decide later): refresh, sync
     * @param onError    runs on the UI thread when the conflict cannot be read (e.g. resolved meanwhile)
     */
    public void open(Window owner, long conflictId, Runnable onResolved, Consumer<? super Exception> onError) {
        tasks.run(() -> conflicts.read(conflictId), snapshot -> {
            if (snapshot.deletedOnOneSide()) {
                DeleteConflictDialog.open(owner, new DeleteConflictViewModel(snapshot, conflicts, tasks, zone, onResolved));
            } else {
                ConflictDialog.open(owner, new ConflictViewModel(snapshot, conflicts, tasks, zone, onResolved));
            }
        }, onError);
    }
}
