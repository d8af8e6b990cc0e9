package dev.outpost.ui.conflicts;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.outpost.model.FieldFormat;
import dev.outpost.ui.UiText;
import dev.outpost.ui.concurrent.BackgroundTasks;

/**
 * The conflict dialog's state for one record changed on both sides: what changed where and when, a row per field
 * that differs, and the decisions. Rows of fields changed on both sides start unchosen and Merge waits until each
 * has a side; Keep mine and Keep server's decide those rows at once, and the fields changed on one side only keep
 * their row's choice (that side, unless the user changed it). Decide later changes nothing.
 */
public final class ConflictViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ConflictViewModel.class);

    /** How the dialog ended. */
    public enum Outcome { KEPT_MINE, KEPT_SERVER, MERGED, KEPT_BOTH, DECIDED_LATER }

    private final ConflictSnapshot snapshot;
    private final Conflicts conflicts;
    private final Decision<Outcome> decision;
    private final Places places;
    private final List<ConflictFieldViewModel> collisions;
    private final List<ConflictFieldViewModel> automatic;
    private final BooleanProperty applyToOthers = new SimpleBooleanProperty(this, "applyToOthers");
    private final BooleanBinding allChosen;
    private final StringBinding mergeHint;

    /**
     * @param onResolved runs on the UI thread after a decision was saved (not after Decide later), so the window
     *                   can refresh its lists and sync at once
     */
    public ConflictViewModel(ConflictSnapshot snapshot, Conflicts conflicts, BackgroundTasks tasks, ZoneId zone,
                             Runnable onResolved) {
        if (snapshot.deletedOnOneSide()) {
            throw new IllegalArgumentException("An update/delete conflict belongs in the DeleteConflictViewModel");
        }
        this.snapshot = snapshot;
        this.conflicts = conflicts;
        this.decision = new Decision<>(this, snapshot.row().id(), tasks, onResolved);
        this.places = new Places(zone);
        ValueText text = new ValueText(new FieldFormat(zone), snapshot.referenceTitles());
        List<ConflictFieldViewModel> rows = snapshot.differences().stream().map(d -> new ConflictFieldViewModel(d, text)).toList();
        this.collisions = rows.stream().filter(ConflictFieldViewModel::collision).toList();
        this.automatic = rows.stream().filter(r -> !r.collision()).toList();
        javafx.beans.Observable[] choices = collisions.stream().map(ConflictFieldViewModel::choiceProperty)
                .toArray(javafx.beans.Observable[]::new);
        this.allChosen = Bindings.createBooleanBinding(() -> collisions.stream().allMatch(r -> r.choice() != null), choices);
        this.mergeHint = Bindings.createStringBinding(() -> allChosen.get() ? "" : UiText.get("conflict.chooseAll",
                collisions.stream().filter(r -> r.choice() == null).count()), choices);
    }

    public long conflictId() {
        return snapshot.row().id();
    }

    /** The window's title, e.g. "Conflict: Anna Berg". */
    public String windowTitle() {
        return UiText.get("conflict.windowTitle", snapshot.title());
    }

    /** E.g. "Contact “Anna Berg” was changed on this computer and in the CRM". */
    public String heading() {
        return UiText.get("conflict.heading", snapshot.row().type().label(), snapshot.title(), Places.server(snapshot.row().pair()));
    }

    /** When this computer's version changed, or that this is not recorded. */
    public String mineWhen() {
        return places.when("conflict.mineWhen", snapshot.mineChangedAt());
    }

    /** Where and when the server's version changed, or that the time is not recorded. */
    public String serverWhen() {
        return places.when("conflict.serverWhen", snapshot.row().remoteChangedAt(), Places.server(snapshot.row().pair()));
    }

    /** The fields changed on both sides to different values: the user decides each. */
    public List<ConflictFieldViewModel> collisions() {
        return collisions;
    }

    /** The fields changed on one side only, merged without asking (shown collapsed). */
    public List<ConflictFieldViewModel> automatic() {
        return automatic;
    }

    /** How many other conflicts "do the same" would settle; 0 hides the choice. */
    public int othersCount() {
        return snapshot.othersOfKind().size();
    }

    /** "Do the same for the other N conflicts of this kind" (Keep mine and Keep server's only). */
    public BooleanProperty applyToOthersProperty() {
        return applyToOthers;
    }

    public String applyToOthersText() {
        return UiText.get("conflict.applyToOthers", othersCount());
    }

    public String applyToOthersHelp() {
        return UiText.get("conflict.applyToOthersHelp", snapshot.row().type().pluralLabel().toLowerCase(java.util.Locale.ROOT),
                Places.server(snapshot.row().pair()));
    }

    /** Whether every field changed on both sides has a side, so Merge can run. */
    public ObservableBooleanValue allChosenProperty() {
        return allChosen;
    }

    /** What Merge still needs, e.g. "Choose mine or the server's for each of the 2 fields…"; empty once it can run. */
    public ObservableStringValue mergeHintProperty() {
        return mergeHint;
    }

    /** Whether a decision is being saved: the buttons wait. */
    public ReadOnlyBooleanProperty busyProperty() {
        return decision.busyProperty();
    }

    /** What the user should know now (what Merge still needs, or why saving failed); empty when nothing. */
    public ReadOnlyStringProperty messageProperty() {
        return decision.messageProperty();
    }

    /** Set once the dialog should close. */
    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return decision.outcomeProperty();
    }

    /** Text for the record type, e.g. "Contact", for the Keep both help. */
    public String typeLabel() {
        return snapshot.row().type().label();
    }

    /** Keeps my value of each field changed on both sides (and of the others when that box is ticked). */
    public void keepMine() {
        keepOneSide(Side.MINE, Outcome.KEPT_MINE);
    }

    /** Keeps the server's value of each field changed on both sides (and of the others when that box is ticked). */
    public void keepServer() {
        keepOneSide(Side.SERVER, Outcome.KEPT_SERVER);
    }

    /** Keeps the value chosen in each row; says what is missing while a field changed on both sides has no side. */
    public void merge() {
        if (!allChosen.get()) {
            decision.say(mergeHint.get());
            return;
        }
        Map<String, Side> choices = choices();
        decision.save(() -> {
            conflicts.settle(snapshot, choices, Optional.empty());
            return Boolean.TRUE;
        }, Outcome.MERGED);
    }

    /** My version becomes a second record; this one takes the server's. */
    public void keepBoth() {
        decision.save(() -> conflicts.keepBoth(conflictId()), Outcome.KEPT_BOTH);
    }

    /** Closes without changing anything; the record stays held until the user decides. */
    public void decideLater() {
        decision.later(Outcome.DECIDED_LATER);
    }

    private void keepOneSide(Side side, Outcome done) {
        Map<String, Side> choices = choices();
        collisions.forEach(r -> choices.put(r.name(), side));
        List<Long> others = applyToOthers.get() ? snapshot.othersOfKind() : List.of();
        decision.save(() -> {
            conflicts.settle(snapshot, choices, Optional.of(side));
            if (!others.isEmpty()) {
                List<String> left = conflicts.settleOthers(others, side);
                if (!left.isEmpty()) {
                    LOG.info("{} of {} other conflicts stay open: {}", left.size(), others.size(), left);
                }
            }
            return Boolean.TRUE;
        }, done);
    }

    private Map<String, Side> choices() {
        Map<String, Side> choices = new HashMap<>();
        for (ConflictFieldViewModel row : collisions) {
            if (row.choice() != null) {
                choices.put(row.name(), row.choice());
            }
        }
        automatic.forEach(r -> choices.put(r.name(), r.choice()));
        return choices;
    }
}
