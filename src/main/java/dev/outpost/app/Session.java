package dev.outpost.app;

import dev.outpost.store.OfflineStore;
import dev.outpost.ui.concurrent.FxBackgroundTasks;
import dev.outpost.ui.sync.SyncConnection;

/**
 * What the window runs on for one identity: the offline store, what it syncs with, and the worker for the table's
 * and the form's store calls. Switching to another CRM closes one session and opens the next; the settings file
 * and the sync's worker outlive them.
 */
record Session(OfflineStore store, SyncConnection connection, FxBackgroundTasks tasks) {

    /** Closes in the order that loses nothing: pending saves first, the store last. */
    void close() {
        tasks.close();      // lets a save in flight finish before the store closes
        connection.close(); // stops the demo server; its data stays in the profile
        store.close();
    }
}
