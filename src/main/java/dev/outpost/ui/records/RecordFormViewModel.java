package dev.outpost.ui.records;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.outpost.model.Field;
import dev.outpost.model.FieldKind;
import dev.outpost.model.FieldProblem;
import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.model.Validation.ValidationResult;
import dev.outpost.store.InvalidRecordException;
import dev.outpost.store.RecordRepository;
import dev.outpost.ui.ErrorReporter;
import dev.outpost.ui.UiText;
import dev.outpost.ui.concurrent.BackgroundTasks;

/**
 * The record form: one {@link FieldViewModel} per field of the type, checked with {@link Validation}
 * on every keystroke, saved through the store in the background. Saving is refused while a field is
 * invalid, and then every problem is shown, so nothing invalid ever reaches the store.
 */
public final class RecordFormViewModel {

    private final RecordRepository records;
    private final BackgroundTasks tasks;
    private final ErrorReporter errors;
    private final Validation validation;
    private final ObservableList<FieldViewModel> fields = FXCollections.observableArrayList();
    private final ObservableList<FieldViewModel> shownFields = FXCollections.unmodifiableObservableList(fields);
    private final ReadOnlyObjectWrapper<RecordType> type = new ReadOnlyObjectWrapper<>(this, "type");
    private final ReadOnlyObjectWrapper<Record> editing = new ReadOnlyObjectWrapper<>(this, "editing");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper recordProblem = new ReadOnlyStringWrapper(this, "recordProblem", "");
    private Consumer<Record> onSaved = saved -> { };
    private final Map<Field, List<ReferenceOption>> optionCache = new HashMap<>();
    private boolean loading;
    private long optionsRequest;

    public RecordFormViewModel(RecordRepository records, BackgroundTasks tasks, ErrorReporter errors, Validation validation) {
        this.records = records;
        this.tasks = tasks;
        this.errors = errors;
        this.validation = validation;
    }

    /** Called on the UI thread after each successful save with the record as stored. */
    public void setOnSaved(Consumer<Record> onSaved) {
        this.onSaved = onSaved;
    }

    /** Opens an empty form for a new record. */
    public void startNew(RecordType recordType) {
        load(recordType, null);
        heading.set(UiText.get("form.newHeading", recordType.label().toLowerCase(Locale.ROOT)));
    }

    /** Opens a stored record for editing. */
    public void edit(Record record) {
        load(record.type(), record);
        heading.set(record.title());
    }

    /** Closes the form without saving. */
    public void close() {
        editing.set(null);
        open.set(false);
        dirty.set(false);
        recordProblem.set("");
    }

    /** Puts back the values of the record as stored (or empties a new form). */
    public void revert() {
        if (open.get()) {
            load(type.get(), editing.get());
        }
    }

    /**
     * Saves the form if every field is valid; otherwise shows every problem and saves nothing.
     *
     * @return whether a save was started
     */
    public boolean save() {
        if (!open.get() || saving.get()) {
            return false;
        }
        fields.forEach(FieldViewModel::reveal);
        ValidationResult checked = check();
        if (!checked.valid()) {
            return false;
        }
        Record stored = editing.get();
        RecordType recordType = type.get();
        Map<String, String> input = new LinkedHashMap<>();
        for (FieldViewModel field : fields) {
            // An edit sends only what changed: a date-time shown without seconds must not lose them.
            if (stored == null ? !field.getText().isBlank() : field.changed()) {
                input.put(field.field().name(), field.getText());
            }
        }
        if (stored != null && input.isEmpty()) {
            return false;
        }
        saving.set(true);
        tasks.run(() -> stored == null ? records.create(recordType, input) : records.update(stored.id(), input),
                this::saved, this::failed);
        return true;
    }

    /** Records were written: the choices of reference fields are read again when next needed. */
    public void recordsChanged() {
        optionCache.clear();
    }

    /** The first field showing a problem, to put the cursor in. */
    public Optional<FieldViewModel> firstProblem() {
        return fields.stream().filter(f -> !f.getProblem().isEmpty()).findFirst();
    }

    public Optional<FieldViewModel> field(String name) {
        return fields.stream().filter(f -> f.field().name().equals(name)).findFirst();
    }

    public ObservableList<FieldViewModel> fields() {
        return shownFields;
    }

    /** The type of the record in the form; the field list changes with it. */
    public ReadOnlyObjectProperty<RecordType> typeProperty() {
        return type.getReadOnlyProperty();
    }

    /** The stored record being edited; null for a new record or when closed. */
    public ReadOnlyObjectProperty<Record> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** A problem of the whole record rather than of one field, or "". */
    public ReadOnlyStringProperty recordProblemProperty() {
        return recordProblem.getReadOnlyProperty();
    }

    public boolean isOpen() {
        return open.get();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    private void load(RecordType recordType, Record record) {
        loading = true;
        try {
            if (recordType != type.get() || fields.isEmpty()) {
                List<FieldViewModel> built = new ArrayList<>();
                for (Field field : recordType.fields()) {
                    FieldViewModel model = new FieldViewModel(field);
                    model.textProperty().addListener((obs, old, now) -> edited());
                    built.add(model);
                }
                type.set(recordType);
                fields.setAll(built);
            }
            for (FieldViewModel field : fields) {
                String value = record == null ? "" : record.get(field.field().name());
                field.reset(validation.format().display(field.field(), value));
            }
        } finally {
            loading = false;
        }
        recordProblem.set("");
        editing.set(record);
        open.set(true);
        edited();
        loadOptions();
    }

    private void edited() {
        if (loading) {
            return;
        }
        check();
        dirty.set(fields.stream().anyMatch(FieldViewModel::changed));
    }

    private ValidationResult check() {
        Map<String, String> input = new LinkedHashMap<>();
        fields.forEach(f -> input.put(f.field().name(), f.getText()));
        ValidationResult result = validation.check(type.get(), input);
        show(result.problems());
        return result;
    }

    private void show(List<FieldProblem> problems) {
        Map<String, String> byField = new LinkedHashMap<>();
        problems.forEach(p -> byField.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
        fields.forEach(f -> f.found(byField.getOrDefault(f.field().name(), "")));
        valid.set(problems.isEmpty());
        recordProblem.set(byField.getOrDefault("", ""));
    }

    private void saved(Record record) {
        saving.set(false);
        edit(record);
        onSaved.accept(record);
    }

    private void failed(Exception failure) {
        saving.set(false);
        if (failure instanceof InvalidRecordException invalid) {
            fields.forEach(FieldViewModel::reveal);
            show(invalid.problems());
        } else {
            errors.report(failure);
        }
    }

    private void loadOptions() {
        List<FieldViewModel> references = fields.stream()
                .filter(f -> f.field().kind() == FieldKind.REFERENCE).toList();
        if (references.isEmpty()) {
            return;
        }
        long request = ++optionsRequest;
        if (references.stream().allMatch(f -> optionCache.containsKey(f.field()))) {
            references.forEach(f -> applyOptions(f, optionCache.get(f.field())));
            return;
        }
        tasks.run(() -> {
            Map<FieldViewModel, List<ReferenceOption>> found = new LinkedHashMap<>();
            for (FieldViewModel field : references) {
                found.put(field, optionsFor(field.field()));
            }
            return found;
        }, found -> {
            found.forEach((field, options) -> optionCache.put(field.field(), options));
            if (request == optionsRequest) {
                found.forEach(this::applyOptions);
            }
        }, errors::report);
    }

    private List<ReferenceOption> optionsFor(Field field) {
        List<ReferenceOption> options = new ArrayList<>();
        options.add(new ReferenceOption("", UiText.get("reference.none")));
        boolean severalTypes = field.refersTo().size() > 1;
        for (RecordType target : field.refersTo()) {
            for (Record record : records.list(target, "")) {
                options.add(new ReferenceOption(record.id(), severalTypes
                        ? UiText.get("reference.withType", record.title(), target.label()) : record.title()));
            }
        }
        return options;
    }

    private void applyOptions(FieldViewModel field, List<ReferenceOption> options) {
        List<ReferenceOption> shown = new ArrayList<>(options);
        String current = field.getText();
        if (!current.isBlank() && shown.stream().noneMatch(o -> o.id().equals(current))) {
            shown.add(new ReferenceOption(current, UiText.get("reference.unknown",
                    current.substring(0, Math.min(8, current.length())))));
        }
        field.options().setAll(shown);
    }
}
