package dev.outpost.ui.reset;

import java.nio.file.Path;

/**
 * The offline copy of the identity being left, as the reset warning sees it. Every method blocks (store, network,
 * files): the view model calls them on a background thread.
 */
public interface OfflineCopy {

    /** What is still waiting to be sent, now. */
    Unsynced unsynced();

    /** Whether a sync with the old server can be tried: it is still configured and its sign-in still valid. */
    boolean canSyncFirst();

    /**
     * Syncs with the old server and answers what is still waiting afterwards (conflicts a sync cannot settle).
     *
     * @throws Exception saying why the sync failed (offline, signed out...), in the user's words
     */
    Unsynced syncFirst() throws Exception;

    /** Writes every unsynced change to {@code file}; answers how many changes it holds. */
    int export(Path file) throws Exception;

    /**
     * Removes the offline copy of the old identity: its database, key, token cache and logs. The caller then goes
     * on with the new identity.
     */
    void remove() throws Exception;
}
