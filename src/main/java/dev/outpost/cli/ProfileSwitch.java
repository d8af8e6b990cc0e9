package dev.outpost.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileReset;
import dev.outpost.store.StoreException;
import dev.outpost.store.UnsyncedExport;
import dev.outpost.store.UnsyncedWork;

/**
 * The command line's reset flow (DESIGN.md, "Profile and reset"): before a profile moves to another identity, the
 * offline copy of the old one is removed, and never while it holds unsynced work the user has not chosen to save
 * ({@code --export FILE}) or to drop ({@code --discard-unsynced}).
 */
final class ProfileSwitch {

    private final PrintWriter out;

    ProfileSwitch(PrintWriter out) {
        this.out = out;
    }

    /** Whether the store holds anything of its identity: synced records, or work not yet sent. */
    static boolean holdsData(OfflineStore store) {
        return store.sync().linkCount("crm") > 0 || store.sync().linkCount("outlook") > 0
                || !store.unsyncedWork().isEmpty();
    }

    /**
     * Exports if asked, then closes the store and removes the old identity's copy: database, key, token cache, logs.
     *
     * @param leaving   what the profile synced with, for the messages
     * @param noSyncWhy why the copy cannot be synced first (IT locked another CRM: {@code outpost sync} would refuse),
     *                  so the refusal does not advise it; empty when it can
     * @throws StoreException when unsynced work would be lost without the user's say, listing it and the choices
     */
    void removeCopyOf(OfflineStore store, String leaving, Path exportTo, boolean discard, Optional<String> noSyncWhy) {
        UnsyncedWork work = store.unsyncedWork();
        if (!work.isEmpty() && exportTo == null && !discard) {
            String keep = "the command again with --export FILE to save it (outpost import FILE brings it back), "
                    + "or with --discard-unsynced to drop it.";
            throw new StoreException("This profile holds the offline copy of " + leaving + " with work not yet "
                    + "synchronized: " + work.summary() + ". Switching removes that copy" + noSyncWhy
                    .map(why -> ", and it cannot be synced first: " + why + ". Run " + keep)
                    .orElse(". Sync it first (outpost sync), or run " + keep));
        }
        if (exportTo != null) {
            UnsyncedExport.Written written = UnsyncedExport.write(store, exportTo);
            out.println("Saved " + written.changes() + " unsynced change" + (written.changes() == 1 ? "" : "s") + " to "
                    + written.file().toAbsolutePath() + ".");
        } else if (!work.isEmpty()) {
            out.println("Dropping work not yet synchronized, as asked: " + work.summary() + ".");
        }
        store.close();
        ProfileReset.of(store.profile(), store.secrets()).remove(); // the vault the store's key is in
        out.println("Removed the offline copy of " + leaving + " from this computer.");
    }
}
