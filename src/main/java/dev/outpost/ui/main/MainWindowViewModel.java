package dev.outpost.ui.main;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.store.RecordRepository;
import dev.outpost.store.StoreStatus;
import dev.outpost.ui.ErrorReporter;
import dev.outpost.ui.UiText;
import dev.outpost.ui.concurrent.BackgroundTasks;
import dev.outpost.ui.records.RecordFormViewModel;
import dev.outpost.ui.records.RecordListViewModel;
import dev.outpost.ui.settings.Theme;

/**
 * The main window's state: which record type is shown, the list and the form, the last deletion (to
 * undo it), the count of local changes waiting to sync, and the theme.
 */
public final class MainWindowViewModel {

    private final RecordRepository repository;
    private final BackgroundTasks tasks;
    private final ErrorReporter errors;
    private final RecordListViewModel list;
    private final RecordFormViewModel form;
    private final ReadOnlyObjectWrapper<RecordType> recordType = new ReadOnlyObjectWrapper<>(this, "recordType");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ReadOnlyIntegerWrapper pendingChanges = new ReadOnlyIntegerWrapper(this, "pendingChanges");
    private final ReadOnlyStringWrapper pendingText = new ReadOnlyStringWrapper(this, "pendingText", "");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final Map<RecordType, ReadOnlyIntegerWrapper> counts = new EnumMap<>(RecordType.class);
    private final ReadOnlyObjectWrapper<Record> lastDeleted = new ReadOnlyObjectWrapper<>(this, "lastDeleted");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "");

    public MainWindowViewModel(RecordRepository repository, BackgroundTasks tasks, ErrorReporter errors,
                               Validation validation, RecordType initialType, Theme initialTheme) {
        this.repository = repository;
        this.tasks = tasks;
        this.errors = errors;
        for (RecordType type : RecordType.values()) {
            counts.put(type, new ReadOnlyIntegerWrapper(this, type.id() + "Count"));
        }
        this.list = new RecordListViewModel(repository, tasks, errors, initialType);
        this.form = new RecordFormViewModel(repository, tasks, errors, validation);
        recordType.set(initialType);
        theme.set(initialTheme);
        form.setOnSaved(saved -> recordsWritten());
        list.records().addListener((ListChangeListener<Record>) change -> updateCountText());
        pendingChanges.addListener((obs, old, now) -> updatePendingText());
        updatePendingText();
    }

    /** Loads the first list and the status; call once the window is up. */
    public void start() {
        list.reload();
        refreshStatus();
    }

    /** Shows another record type; the form closes. */
    public void showType(RecordType type) {
        if (type == recordType.get()) {
            return;
        }
        recordType.set(type);
        form.close();
        list.show(type);
        updateCountText();
    }

    /** Opens an empty form for a new record of the type shown. */
    public void newRecord() {
        form.startNew(recordType.get());
    }

    /** Opens a record in the form. */
    public void open(Record record) {
        form.edit(record);
    }

    /** Saves the form; false when refused (invalid) or there is nothing to save. */
    public boolean save() {
        return form.save();
    }

    /**
     * Deletes the record open in the form; it can be brought back with {@link #undoDelete()}.
     *
     * @return whether there was a record to delete
     */
    public boolean delete() {
        Record open = form.editingProperty().get();
        if (open == null) {
            return false;
        }
        tasks.run(() -> repository.delete(open.id()), deleted -> {
            lastDeleted.set(deleted);
            undoText.set(UiText.get("undo.deleted", deleted.title()));
            Record stillOpen = form.editingProperty().get();
            if (stillOpen != null && stillOpen.id().equals(deleted.id())) {
                form.close();
            }
            recordsWritten();
        }, errors::report);
        return true;
    }

    /**
     * Restores the record deleted last and opens it.
     *
     * @return whether there was a deletion to undo
     */
    public boolean undoDelete() {
        Record deleted = lastDeleted.get();
        if (deleted == null) {
            return false;
        }
        lastDeleted.set(null);
        tasks.run(() -> repository.restore(deleted.id()), restored -> {
            showType(restored.type());
            form.edit(restored);
            recordsWritten();
        }, errors::report);
        return true;
    }

    /** Hides the undo offer; the deletion stays. */
    public void dismissUndo() {
        lastDeleted.set(null);
    }

    /** Counts the records and the changes waiting to sync again. */
    public void refreshStatus() {
        tasks.run(repository::status, this::applyStatus, errors::report);
    }

    /** Reloads the list, the open form's references and the counts: records changed elsewhere (a sync). */
    public void refresh() {
        recordsWritten();
    }

    private void recordsWritten() {
        form.recordsChanged();
        list.reload();
        refreshStatus();
    }

    private void applyStatus(StoreStatus status) {
        status.records().forEach((type, count) -> counts.get(type).set(count));
        pendingChanges.set(status.totalPending());
        updateCountText();
    }

    private void updatePendingText() {
        pendingText.set(UiText.get("status.pending", pendingChanges.get()));
    }

    private void updateCountText() {
        RecordType type = recordType.get();
        int total = counts.get(type).get();
        int shown = list.records().size();
        String plural = type.pluralLabel().toLowerCase(Locale.ROOT);
        String singular = type.label().toLowerCase(Locale.ROOT);
        countText.set(list.searchTextProperty().get().isBlank() || shown == total
                ? UiText.get("status.count", total, singular, plural)
                : UiText.get("status.countFiltered", shown, total, plural));
    }

    /** The window's worker for store calls, for the parts of the window that read the store too. */
    BackgroundTasks tasks() {
        return tasks;
    }

    public RecordListViewModel list() {
        return list;
    }

    public RecordFormViewModel form() {
        return form;
    }

    public ReadOnlyObjectProperty<RecordType> recordTypeProperty() {
        return recordType.getReadOnlyProperty();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Local creates, edits and deletions not yet synced. */
    public ReadOnlyIntegerProperty pendingChangesProperty() {
        return pendingChanges.getReadOnlyProperty();
    }

    /** "3 local changes not yet synced". */
    public ReadOnlyStringProperty pendingTextProperty() {
        return pendingText.getReadOnlyProperty();
    }

    /** "12 contacts", or "3 of 12 contacts" while searching. */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** How many live records a type has, for the navigation. */
    public ReadOnlyIntegerProperty countProperty(RecordType type) {
        return counts.get(type).getReadOnlyProperty();
    }

    /** The record deleted last, while its deletion can be undone; else null. */
    public ReadOnlyObjectProperty<Record> lastDeletedProperty() {
        return lastDeleted.getReadOnlyProperty();
    }

    /** "Deleted 'Ada Lovelace'." */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }
}
