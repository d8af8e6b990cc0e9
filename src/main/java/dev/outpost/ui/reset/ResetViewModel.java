package dev.outpost.ui.reset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.outpost.ui.UiText;
import dev.outpost.ui.concurrent.BackgroundTasks;

/**
 * The reset warning shown before the offline copy of one identity (CRM address, user, tenant) is removed to make
 * room for another: what would be lost, and the four ways on — sync first, export, remove, cancel. Nothing is
 * removed unless the user says so; every slow step runs on a background thread and the buttons wait for it.
 */
public final class ResetViewModel {

    /** How the warning ended. */
    public enum Outcome {
        /** The old copy is gone: go on with the new identity. */
        REMOVED,
        /** Nothing changed: the profile keeps its identity and its copy. */
        CANCELLED
    }

    private final OfflineCopy copy;
    private final BackgroundTasks tasks;
    private final String leaving;
    private final String joining;
    private final Consumer<Outcome> onDone;
    private final ObjectProperty<Unsynced> unsynced = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(true);
    private final BooleanProperty syncFirstPossible = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageIsProblem = new SimpleBooleanProperty(false);
    private Path exportedTo;
    private boolean done;

    /**
     * @param leaving what the profile syncs with now, in the user's words (e.g. "contoso.crm.dynamics.com as ann@contoso.com")
     * @param joining what it is to sync with instead
     * @param onDone  told once, on the UI thread, how the warning ended
     */
    public ResetViewModel(OfflineCopy copy, BackgroundTasks tasks, String leaving, String joining, Consumer<Outcome> onDone) {
        this.copy = Objects.requireNonNull(copy);
        this.tasks = Objects.requireNonNull(tasks);
        this.leaving = leaving;
        this.joining = joining;
        this.onDone = Objects.requireNonNull(onDone);
    }

    /** Counts what is waiting and whether the old server can still be synced with. */
    public void load() {
        busy.set(true);
        tasks.run(() -> new Loaded(copy.unsynced(), copy.canSyncFirst()), loaded -> {
            unsynced.set(loaded.unsynced());
            syncFirstPossible.set(loaded.canSyncFirst());
            busy.set(false);
        }, failure -> problem(UiText.get("reset.countFailed", reason(failure))));
    }

    private record Loaded(Unsynced unsynced, boolean canSyncFirst) {
    }

    public String heading() {
        return UiText.get("reset.heading", joining);
    }

    public String explanation() {
        return UiText.get("reset.explanation", leaving, joining);
    }

    /** One line per kind of work that would be lost; none when nothing would be. */
    public List<String> lossLines() {
        Unsynced now = unsynced.get();
        List<String> lines = new ArrayList<>();
        if (now == null) {
            return lines;
        }
        if (now.changes() > 0) {
            lines.add(UiText.get("reset.changes", now.changes()));
        }
        if (now.conflicts() > 0) {
            lines.add(UiText.get("reset.conflicts", now.conflicts()));
        }
        if (now.issues() > 0) {
            lines.add(UiText.get("reset.issues", now.issues()));
        }
        return lines;
    }

    /** Sends what is waiting to the old server first, then counts again. */
    public void syncFirst() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        message.set(UiText.get("reset.syncing", leaving));
        messageIsProblem.set(false);
        tasks.run(copy::syncFirst, after -> {
            unsynced.set(after);
            busy.set(false);
            info(after.isEmpty() ? UiText.get("reset.syncedAll") : UiText.get("reset.syncedSome"));
        }, failure -> problem(UiText.get("reset.syncFailed", leaving, reason(failure))));
    }

    /** Writes the unsynced changes to {@code file}, a JSON file the user can read and import later. */
    public void export(Path file) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        tasks.run(() -> copy.export(file), written -> {
            exportedTo = file;
            busy.set(false);
            info(UiText.get("reset.exported", written, file));
        }, failure -> problem(UiText.get("reset.exportFailed", file, reason(failure))));
    }

    /** Removes the old copy; the outcome is {@link Outcome#REMOVED} once it is gone. */
    public void remove() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        message.set(UiText.get("reset.removing"));
        messageIsProblem.set(false);
        tasks.run(() -> {
            copy.remove();
            return Boolean.TRUE;
        }, removed -> finish(Outcome.REMOVED), failure -> problem(UiText.get("reset.removeFailed", reason(failure))));
    }

    /**
     * Leaves everything as it is. Not while a step runs: a half-done sync or export is waited for (counting is not).
     *
     * @return whether the warning ended; false while a step runs
     */
    public boolean cancel() {
        if (busy.get() && unsynced.get() != null) {
            return false;
        }
        finish(Outcome.CANCELLED);
        return true;
    }

    private void finish(Outcome outcome) {
        busy.set(false);
        if (!done) {
            done = true;
            onDone.accept(outcome);
        }
    }

    private void info(String text) {
        message.set(text);
        messageIsProblem.set(false);
    }

    private void problem(String text) {
        busy.set(false);
        message.set(text);
        messageIsProblem.set(true);
    }

    private static String reason(Exception failure) {
        String text = failure.getMessage();
        return text == null || text.isBlank() ? failure.getClass().getSimpleName() : text;
    }

    /** What is waiting; null until counted. */
    public ReadOnlyObjectProperty<Unsynced> unsyncedProperty() {
        return unsynced;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty syncFirstPossibleProperty() {
        return syncFirstPossible;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty messageIsProblemProperty() {
        return messageIsProblem;
    }

    /** Where the changes were last exported, if they were. */
    public java.util.Optional<Path> exportedTo() {
        return java.util.Optional.ofNullable(exportedTo);
    }

    /** A name for the export file: the old server's host and the date, e.g. "outpost-unsynced-contoso-2026-11-21.json". */
    public String suggestedFileName(java.time.LocalDate today) {
        String host = leaving.replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("^-+|-+$", "");
        if (host.length() > 40) {
            host = host.substring(0, 40);
        }
        return "outpost-unsynced-" + host + "-" + today + ".json";
    }
}
