package dev.outpost.ui.settings;

import java.util.Optional;

import dev.outpost.store.AdminSettings;
import dev.outpost.store.ConnectionSettings;

/** The profile's sync settings as the settings dialog edits them. Both methods block: call them off the FX thread. */
public interface ConnectionOptions {

    /** What the profile syncs with now; empty when not connected. */
    Optional<ConnectionSettings> read();

    /** Saves {@code after}; the next sync lists again the types the change made stale ({@code SettingsChange}). */
    void save(ConnectionSettings after);

    /** What IT set for this installation, and which of it users may not change; nothing by default. */
    default AdminSettings admin() {
        return AdminSettings.NONE;
    }
}
