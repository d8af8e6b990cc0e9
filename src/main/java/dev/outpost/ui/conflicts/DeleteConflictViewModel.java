package dev.outpost.ui.conflicts;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import dev.outpost.model.FieldFormat;
import dev.outpost.ui.UiText;
import dev.outpost.ui.concurrent.BackgroundTasks;

/**
 * The update/delete dialog's state: a record deleted on one side and changed on the other. *Restore it* keeps
 * the changed version (it is sent where it was deleted); *Delete it* accepts the deletion, and the changes listed
 * are what that loses. Decide later changes nothing.
 */
public final class DeleteConflictViewModel {

    /** How the dialog ended. */
    public enum Outcome { RESTORED, DELETED, DECIDED_LATER }

    private final ConflictSnapshot snapshot;
    private final Conflicts conflicts;
    private final Decision<Outcome> decision;
    private final Places places;
    private final boolean deletedHere;
    private final List<LostValue> lost;

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
        this.decision = new Decision<>(this, snapshot.row().id(), tasks, onResolved);
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
        return decision.busyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return decision.messageProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return decision.outcomeProperty();
    }

    /** Keeps the changed version; the next sync brings it back where it was deleted. */
    public void restore() {
        decision.save(() -> {
            conflicts.restore(snapshot);
            return Boolean.TRUE;
        }, Outcome.RESTORED);
    }

    /** Accepts the deletion on both sides; the listed changes are lost. */
    public void delete() {
        decision.save(() -> {
            conflicts.delete(snapshot);
            return Boolean.TRUE;
        }, Outcome.DELETED);
    }

    /** Closes without changing anything. */
    public void decideLater() {
        decision.later(Outcome.DECIDED_LATER);
    }
}
