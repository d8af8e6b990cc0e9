package dev.outpost.ui.sync;

import java.util.List;
import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.outpost.model.Record;
import dev.outpost.store.LocalRecord;
import dev.outpost.store.SyncStore;
import dev.outpost.sync.IssueResolver;
import dev.outpost.ui.ErrorReporter;
import dev.outpost.ui.concurrent.BackgroundTasks;
import dev.outpost.ui.issues.IssueItem;
import dev.outpost.ui.issues.IssueItems;

/**
 * The sync issues tab's state and actions: each open issue with its record, worded for the list, and what
 * <em>Retry</em>, <em>Skip</em> and <em>Show record</em> do (the rules are {@link IssueResolver}'s). Runs on the
 * sync's worker, so an action never races a sync.
 */
public final class SyncIssueActions {

    private final SyncStore store;
    private final BackgroundTasks tasks;
    private final ErrorReporter errors;
    private final Consumer<Boolean> refresh;
    private final Runnable syncNow;
    private final ObservableList<IssueItem> items = FXCollections.observableArrayList();
    private Consumer<Record> onShowRecord = record -> { };

    /**
     * @param refresh reads the sync's state again (true: and tells the window, which reloads its records)
     * @param syncNow starts a sync
     */
    SyncIssueActions(SyncStore store, BackgroundTasks tasks, ErrorReporter errors, Consumer<Boolean> refresh,
                     Runnable syncNow) {
        this.store = store;
        this.tasks = tasks;
        this.errors = errors;
        this.refresh = refresh;
        this.syncNow = syncNow;
    }

    /** The open sync issues with their records, worded for the list; read again with the sync's state. */
    public ObservableList<IssueItem> items() {
        return FXCollections.unmodifiableObservableList(items);
    }

    /** Opens a record in the window: <em>Show record</em> on a sync issue. The window sets it. */
    public void setOnShowRecord(Consumer<Record> onShowRecord) {
        this.onShowRecord = onShowRecord;
    }

    /** <em>Retry</em>: the record is tried again, in a sync started at once. */
    public void retry(IssueItem item) {
        long id = item.issue().id();
        tasks.run(() -> new IssueResolver(store).retry(id), retried -> {
            refresh.accept(true);
            syncNow.run();
        }, this::failed);
    }

    /** <em>Skip</em>: the record's change is not sent; it stays here and the issue stays listed as skipped. */
    public void skip(IssueItem item) {
        long id = item.issue().id();
        tasks.run(() -> new IssueResolver(store).skip(id), skipped -> refresh.accept(true), this::failed);
    }

    /** <em>Show record</em>: the window shows the issue's record as it is here now. */
    public void show(IssueItem item) {
        String id = item.issue().recordId();
        if (id == null) {
            return;
        }
        tasks.run(() -> store.record(id).map(LocalRecord::record).filter(r -> !r.deleted()), record -> {
            if (record.isPresent()) {
                onShowRecord.accept(record.get());
            } else {
                refresh.accept(false); // gone since the list was read: the list catches up
            }
        }, errors::report);
    }

    /** The open issues as the sync's last read of the store found them (with {@link IssueItems}). */
    void showAll(List<IssueItem> open) {
        items.setAll(open);
    }

    private void failed(Exception failure) {
        refresh.accept(false); // e.g. the sync settled the issue meanwhile: the list shows what is open now
        errors.report(failure);
    }
}
