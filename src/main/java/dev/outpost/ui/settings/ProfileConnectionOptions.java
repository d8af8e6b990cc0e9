package dev.outpost.ui.settings;

import java.util.Optional;
import java.util.function.Supplier;

import dev.outpost.store.AdminSettings;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.SyncStore;
import dev.outpost.sync.SettingsChange;

/**
 * The profile's {@code connection.json}, as {@code outpost connect} writes it: a change clears the anchors it makes
 * stale before it is saved, so the next sync (window or command line) lists those types again.
 */
public final class ProfileConnectionOptions implements ConnectionOptions {

    private final ProfileFolder profile;
    private final SyncStore store;
    private final Runnable onSaved;
    private final Supplier<AdminSettings> admin;

    /**
     * @param onSaved runs after each save, on the saving thread (the window reloads its connection)
     * @param admin   what IT set for this installation, as the sync enforces it (the window's connection holds it:
     *                the admin file is not read again here)
     */
    public ProfileConnectionOptions(ProfileFolder profile, SyncStore store, Runnable onSaved,
                                    Supplier<AdminSettings> admin) {
        this.profile = profile;
        this.store = store;
        this.onSaved = onSaved;
        this.admin = admin;
    }

    @Override
    public AdminSettings admin() {
        return admin.get();
    }

    @Override
    public Optional<ConnectionSettings> read() {
        return ConnectionSettings.read(profile);
    }

    @Override
    public synchronized void save(ConnectionSettings after) {
        SettingsChange.apply(store, read(), after);
        after.write(profile);
        onSaved.run();
    }
}
