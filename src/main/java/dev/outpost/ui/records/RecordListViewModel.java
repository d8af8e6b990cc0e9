package dev.outpost.ui.records;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.RecordRepository;
import dev.outpost.ui.ErrorReporter;
import dev.outpost.ui.UiText;
import dev.outpost.ui.concurrent.BackgroundTasks;
import dev.outpost.ui.concurrent.BackgroundTasks.Scheduled;

/**
 * The records of one type that match the search text. The store is asked in the background 150 ms
 * after the last keystroke; an answer to an older question than the latest is thrown away.
 */
public final class RecordListViewModel {

    static final Duration SEARCH_DELAY = Duration.ofMillis(150);

    private final RecordRepository repository;
    private final BackgroundTasks tasks;
    private final ErrorReporter errors;
    private final ReadOnlyObjectWrapper<RecordType> type = new ReadOnlyObjectWrapper<>(this, "type");
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObservableList<Record> records = FXCollections.observableArrayList();
    private final ObservableList<Record> shownRecords = FXCollections.unmodifiableObservableList(records);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper(this, "emptyMessage", "");
    private Scheduled pendingSearch = () -> { };
    private long latestRequest;
    private boolean replacing;
    private boolean switchingType;

    public RecordListViewModel(RecordRepository repository, BackgroundTasks tasks, ErrorReporter errors, RecordType initial) {
        this.repository = repository;
        this.tasks = tasks;
        this.errors = errors;
        type.set(initial);
        searchText.addListener((obs, old, now) -> {
            if (!switchingType) {
                pendingSearch.cancel();
                pendingSearch = tasks.schedule(SEARCH_DELAY, this::reload);
            }
        });
    }

    /** Shows another record type, with an empty search. */
    public void show(RecordType newType) {
        switchingType = true;
        try {
            pendingSearch.cancel();
            type.set(newType);
            searchText.set("");
        } finally {
            switchingType = false;
        }
        records.clear();
        reload();
    }

    /** Asks the store again, e.g. after a write. */
    public void reload() {
        long request = ++latestRequest;
        RecordType wanted = type.get();
        String search = searchText.get();
        loading.set(true);
        tasks.run(() -> repository.list(wanted, search), found -> {
            if (request == latestRequest) {
                apply(wanted, search, found);
            }
        }, failure -> {
            if (request == latestRequest) {
                loading.set(false);
            }
            errors.report(failure);
        });
    }

    private void apply(RecordType shown, String search, List<Record> found) {
        replacing = true;
        try {
            records.setAll(found);
        } finally {
            replacing = false;
        }
        loading.set(false);
        String plural = shown.pluralLabel().toLowerCase(Locale.ROOT);
        emptyMessage.set(search.isBlank()
                ? UiText.get("list.empty", plural)
                : UiText.get("list.noMatch", plural, search.strip()));
    }

    /** The records found, in title order (the table may sort them otherwise). */
    public ObservableList<Record> records() {
        return shownRecords;
    }

    /** True while the list is being replaced by a new answer, so a view can tell that from a user's pick. */
    public boolean isReplacing() {
        return replacing;
    }

    public ReadOnlyObjectProperty<RecordType> typeProperty() {
        return type.getReadOnlyProperty();
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What to show when the list is empty: how to create the first record, or that nothing matched. */
    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage.getReadOnlyProperty();
    }
}
