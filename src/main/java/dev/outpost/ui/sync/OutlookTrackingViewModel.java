package dev.outpost.ui.sync;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.outlook.OutlookPair;
import dev.outpost.store.SyncStore;
import dev.outpost.ui.ErrorReporter;
import dev.outpost.ui.UiText;
import dev.outpost.ui.concurrent.BackgroundTasks;

/**
 * Whether the record open in the form is synced with Outlook, and the user's choice to start or stop that: the
 * window's side of {@code outpost track|untrack}. Shown only for the types the CRM sends to Outlook, and only
 * while the profile has a mailbox connected.
 *
 * <p>The words are the user's, seen from this copy of the CRM: <em>Sync with Outlook</em> and <em>Stop syncing
 * with Outlook</em>. The Outlook add-in's <em>Track in CRM</em> names the other direction (an Outlook item going
 * into the CRM), so borrowing it here would say the opposite of what the button does.
 *
 * <p>The choice is written on the sync's own worker: queued behind a sync that is running, never in the middle
 * of one, so the run cannot write back a link the choice has just paused. It reaches Outlook at the next sync.
 */
public final class OutlookTrackingViewModel {

    /** What the line says about the open record. */
    public enum State { HIDDEN, SYNCED, NOT_SYNCED, OVER_LIMIT }

    /** The types the CRM sends to Outlook; e-mail goes only the other way, accounts and opportunities not at all. */
    static final Set<RecordType> TYPES = EnumSet.of(RecordType.CONTACT, RecordType.TASK, RecordType.APPOINTMENT);

    private final SyncStore store;
    private final BackgroundTasks reads;
    private final BackgroundTasks writes;
    private final ErrorReporter errors;
    private final ObservableBooleanValue mailbox;
    private final ObservableBooleanValue syncRunning;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.HIDDEN);
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText", "");
    private final ReadOnlyStringWrapper actionText = new ReadOnlyStringWrapper(this, "actionText", "");
    private final ReadOnlyStringWrapper actionHelp = new ReadOnlyStringWrapper(this, "actionHelp", "");
    private final ReadOnlyStringWrapper noteText = new ReadOnlyStringWrapper(this, "noteText", "");
    /**
     * Records whose choice the user changed and no sync has sent yet: the store's over-limit mark is older. A choice
     * is written on the sync's worker, so one made during a run is written, and added here, after that run ended.
     */
    private final Set<String> changedSinceSync = new HashSet<>();
    private Record record;
    private long request;

    /**
     * @param reads       reads the record's state (the window's worker: answers while a sync runs)
     * @param writes      writes the choice (the sync's worker: after a running sync, never during it)
     * @param mailbox     whether the profile has a mailbox connected
     * @param syncRunning whether a sync runs now (the choice then waits for it)
     */
    OutlookTrackingViewModel(SyncStore store, BackgroundTasks reads, BackgroundTasks writes, ErrorReporter errors,
                             ObservableBooleanValue mailbox, ObservableBooleanValue syncRunning) {
        this.store = store;
        this.reads = reads;
        this.writes = writes;
        this.errors = errors;
        this.mailbox = mailbox;
        this.syncRunning = syncRunning;
        state.addListener((obs, old, now) -> describe());
        mailbox.addListener((obs, was, now) -> show(record));
    }

    /** Shows the line for a record opened in the form; null (a new record, or none) hides it. */
    public void show(Record opened) {
        boolean same = record != null && opened != null && record.id().equals(opened.id());
        record = opened;
        long asked = ++request;
        if (!same) {
            busy.set(false);
            updateNote();
        }
        if (opened == null || !TYPES.contains(opened.type()) || !mailbox.get()) {
            state.set(State.HIDDEN);
            return;
        }
        String id = opened.id();
        boolean justTracked = changedSinceSync.contains(id);
        reads.run(() -> read(id, justTracked), read -> {
            if (asked == request) {
                state.set(read);
            }
        }, errors::report);
    }

    /** The button: starts or stops syncing the open record with Outlook, from the next sync. */
    public void toggle() {
        State now = state.get();
        if (busy.get() || record == null || now == State.HIDDEN) {
            return;
        }
        boolean track = now != State.SYNCED;
        String id = record.id();
        busy.set(true);
        updateNote();
        writes.run(() -> {
            if (track) {
                store.track(OutlookPair.NAME, id);
            } else {
                store.untrack(OutlookPair.NAME, id);
            }
            return Boolean.TRUE;
        }, ok -> {
            changedSinceSync.add(id);
            if (record != null && record.id().equals(id)) {
                busy.set(false);
                request++; // a read started before the write must not put the old state back
                state.set(track ? State.SYNCED : State.NOT_SYNCED);
                updateNote();
            }
        }, failure -> {
            if (record != null && record.id().equals(id)) {
                busy.set(false);
                updateNote();
            }
            errors.report(failure);
        });
    }

    /** After a sync ran: the choices written before it have reached Outlook, and the over-limit marks are new. */
    void synced() {
        changedSinceSync.clear();
        Record open = record;
        if (open != null && !busy.get()) {
            record = null; // read again, as for a record just opened
            show(open);
        }
    }

    /** "Saving…" while the choice is written, then "Outlook gets this change at the next sync." until it has. */
    private void updateNote() {
        if (busy.get()) {
            noteText.set(UiText.get(syncRunning.get() ? "tracking.waitingForSync" : "tracking.saving"));
        } else if (record != null && changedSinceSync.contains(record.id())) {
            noteText.set(UiText.get("tracking.nextSync"));
        } else {
            noteText.set("");
        }
    }

    /** Runs on the reads worker. */
    private State read(String id, boolean justTracked) {
        boolean tracked = store.tracked(OutlookPair.NAME, id);
        if (!tracked) {
            return State.NOT_SYNCED;
        }
        // Tracked and still left out: the limit left it out. A record the user has just tracked ranks first at
        // the next sync, so the line already says what that sync will do.
        boolean overLimit = !store.excluded(OutlookPair.NAME, Set.of(id)).isEmpty();
        return overLimit && !justTracked ? State.OVER_LIMIT : State.SYNCED;
    }

    private void describe() {
        State now = state.get();
        shown.set(now != State.HIDDEN);
        String type = record == null ? "" : record.type().label().toLowerCase(Locale.ROOT);
        switch (now) {
            case HIDDEN -> {
                stateText.set("");
                actionText.set("");
                actionHelp.set("");
            }
            case SYNCED -> {
                stateText.set(UiText.get("tracking.synced"));
                actionText.set(UiText.get("tracking.stop"));
                actionHelp.set(UiText.get("tracking.stopHelp", type));
            }
            case NOT_SYNCED -> {
                stateText.set(UiText.get("tracking.notSynced"));
                actionText.set(UiText.get("tracking.start"));
                actionHelp.set(UiText.get("tracking.startHelp", type));
            }
            case OVER_LIMIT -> {
                stateText.set(UiText.get("tracking.overLimit"));
                actionText.set(UiText.get("tracking.start"));
                actionHelp.set(UiText.get("tracking.overLimitHelp", type));
            }
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Whether the line is shown: a contact, task or appointment, with a mailbox connected. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** While the choice is being written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "Synced with Outlook", "Not synced with Outlook", "Over the Outlook limit — not synced". */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** "Sync with Outlook" or "Stop syncing with Outlook". */
    public ReadOnlyStringProperty actionTextProperty() {
        return actionText.getReadOnlyProperty();
    }

    /** What the button does, and when: for its tooltip and screen readers. */
    public ReadOnlyStringProperty actionHelpProperty() {
        return actionHelp.getReadOnlyProperty();
    }

    /** "Outlook gets this change at the next sync." after a choice; empty otherwise. */
    public ReadOnlyStringProperty noteTextProperty() {
        return noteText.getReadOnlyProperty();
    }
}
