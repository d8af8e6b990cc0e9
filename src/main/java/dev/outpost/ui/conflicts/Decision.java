package dev.outpost.ui.conflicts;

import java.util.concurrent.Callable;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.outpost.ui.UiText;
import dev.outpost.ui.concurrent.BackgroundTasks;

/**
 * The user's decision on one conflict, as both conflict dialogs save it: in the background, once (a second click
 * while saving does nothing), saying so meanwhile; it ends with an outcome, or says why saving failed and lets the
 * user try again.
 *
 * @param <O> how the dialog ends
 */
final class Decision<O> {

    private static final Logger LOG = LoggerFactory.getLogger(Decision.class);

    private final long conflictId;
    private final BackgroundTasks tasks;
    private final Runnable onResolved;
    private final ReadOnlyBooleanWrapper busy;
    private final ReadOnlyStringWrapper message;
    private final ReadOnlyObjectWrapper<O> outcome;

    /** @param onResolved runs on the UI thread after a decision was saved (not after Decide later) */
    Decision(Object bean, long conflictId, BackgroundTasks tasks, Runnable onResolved) {
        this.conflictId = conflictId;
        this.tasks = tasks;
        this.onResolved = onResolved;
        this.busy = new ReadOnlyBooleanWrapper(bean, "busy");
        this.message = new ReadOnlyStringWrapper(bean, "message", "");
        this.outcome = new ReadOnlyObjectWrapper<>(bean, "outcome");
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<O> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Tells the user what the decision still needs. */
    void say(String text) {
        message.set(text);
    }

    /** Ends without saving anything; not while a decision is being saved. */
    void later(O decidedLater) {
        if (!busy.get()) {
            outcome.set(decidedLater);
        }
    }

    void save(Callable<?> work, O done) {
        if (busy.get() || outcome.get() != null) {
            return; // one decision per conflict: a second click while saving does nothing
        }
        busy.set(true);
        message.set(UiText.get("conflict.saving"));
        tasks.run(work, result -> {
            busy.set(false);
            message.set("");
            outcome.set(done);
            onResolved.run();
        }, failure -> {
            busy.set(false);
            LOG.warn("Could not save the decision on conflict {}", conflictId, failure);
            message.set(UiText.get("conflict.failed", failure.getMessage()));
        });
    }
}
