package dev.outpost.ui.conflicts;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.outpost.model.FieldFormat;
import dev.outpost.ui.UiText;
import dev.outpost.ui.concurrent.BackgroundTasks;

/**
 * The update/delete dialog's state: a record deleted on one side and changed on the other. *Restore it* keeps
 * the changed version (it is sent where it was deleted); *Delete it* accepts the deletion, and the changes listed
 * are what that loses. Decide later changes nothing.
 */
public final class DeleteConflictViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(DeleteConflictViewModel.class);

    /** How the dialog ended. */
    public enum Outcome { RESTORED, DELETED, DECIDED_LATER }

    private final ConflictSnapshot snapshot;
    private final Conflicts conflicts;
    private final BackgroundTasks tasks;
    private final Runnable onResolved;
    private final Places places;
    private final boolean deletedHere;
    private final List<LostValue> lost;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");

    /** A change the deletion would drop: the field, its last synced value and the value it was changed to. */
    public record LostValue(String name, String label, String base, String changed) {
    }

    /** @param onResolved runs on the UI thread after Restore it or Delete it was saved */
    public DeleteConflictViewModel(ConflictSnapshot snapshot, Conflicts conflicts, BackgroundTasks tasks, ZoneId zone,
                                   Runnable onResolved) {
        if (!snapshot.deletedOnOneSide()) {
            throw new IllegalArgumentException("The record exists on both sides: that is the ConflictViewModel's");
        }
        this.snapshot = snapshot;
        this.conflicts = conflicts;
        this.tasks = tasks;
        this.onResolved = onResolved;
        this.places = new Places(zone);
        this.deletedHere = snapshot.mine().isEmpty();
        Map<String, String> changed = (deletedHere ? snapshot.server() : snapshot.mine()).orElse(Map.of());
        ValueText text = new ValueText(new FieldFormat(zone), snapshot.referenceTitles());
        this.lost = FieldDifference.changedOn(snapshot.row().type(), snapshot.row().baseValues(), changed, !deletedHere).stream()
                .map(d -> new LostValue(d.field().name(), d.field().label(), text.of(d.field(), d.base()),
                        text.of(d.field(), deletedHere ? d.server() : d.mine())))
                .toList();
    }

    public long conflictId() {
        return snapshot.row().id();
    }

    /** Whether this computer deleted the record (and the server changed it), rather than the other way round. */
    public boolean deletedHere() {
        return deletedHere;
    }

    public String windowTitle() {
        return UiText.get("conflict.deleteWindowTitle", snapshot.title());
    }

    /** E.g. "Contact “Anna Berg” was deleted in the CRM and changed on this computer". */
    public String heading() {
        return UiText.get(deletedHere ? "conflict.deletedHere" : "conflict.deletedThere", snapshot.row().type().label(),
                snapshot.title(), Places.server(snapshot.row().pair()));
    }

    /** When and where each side acted, as far as it is recorded. */
    public String deletedWhen() {
        String server = Places.server(snapshot.row().pair());
        return deletedHere ? places.when("conflict.deletedHereWhen", snapshot.mineChangedAt())
                : places.when("conflict.deletedThereWhen", snapshot.row().detectedAt(), server);
    }

    public String changedWhen() {
        String server = Places.server(snapshot.row().pair());
        return deletedHere ? places.when("conflict.changedThereWhen", snapshot.row().remoteChangedAt(), server)
                : places.when("conflict.changedHereWhen", snapshot.mineChangedAt());
    }

    /** The changes Delete it would drop, in the type's field order; empty when the changed side only re-saved it. */
    public List<LostValue> lost() {
        return lost;
    }

    public String lostHeading() {
        return UiText.get(lost.isEmpty() ? "conflict.nothingLost" : "conflict.lostHeading");
    }

    public String restoreHelp() {
        return deletedHere ? UiText.get("conflict.restoreHereHelp")
                : UiText.get("conflict.restoreThereHelp", Places.server(snapshot.row().pair()));
    }

    public String deleteHelp() {
        return deletedHere ? UiText.get("conflict.deleteHereHelp", Places.server(snapshot.row().pair()))
                : UiText.get("conflict.deleteThereHelp");
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Keeps the changed version; the next sync brings it back where it was deleted. */
    public void restore() {
        save(() -> conflicts.restore(snapshot), Outcome.RESTORED);
    }

    /** Accepts the deletion on both sides; the listed changes are lost. */
    public void delete() {
        save(() -> conflicts.delete(snapshot), Outcome.DELETED);
    }

    /** Closes without changing anything. */
    public void decideLater() {
        if (!busy.get()) {
            outcome.set(Outcome.DECIDED_LATER);
        }
    }

    private void save(Runnable work, Outcome done) {
        if (busy.get() || outcome.get() != null) {
            return;
        }
        busy.set(true);
        message.set(UiText.get("conflict.saving"));
        tasks.run(() -> {
            work.run();
            return Boolean.TRUE;
        }, ok -> {
            busy.set(false);
            message.set("");
            outcome.set(done);
            onResolved.run();
        }, failure -> {
            busy.set(false);
            LOG.warn("Could not save the decision on conflict {}", conflictId(), failure);
            message.set(UiText.get("conflict.failed", failure.getMessage()));
        });
    }
}
