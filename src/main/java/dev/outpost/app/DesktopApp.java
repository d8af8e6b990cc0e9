package dev.outpost.app;

import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.StoreException;
import dev.outpost.ui.CannotStartDialog;
import dev.outpost.ui.concurrent.FxBackgroundTasks;
import dev.outpost.ui.settings.SettingsFile;

/**
 * Opens the main window on a profile. The store and the settings are opened here, on the calling
 * thread, before JavaFX starts; they are closed here after the window has closed.
 */
public final class DesktopApp {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private DesktopApp() {
    }

    /**
     * Opens the main window on the profile and blocks until it closes. Exits the process with status 1
     * when the profile cannot be opened (e.g. another Outpost has it open), saying why.
     */
    public static void start(Optional<Path> profileDir) {
        ProfileFolder profile = ProfileFolder.choose(profileDir);
        OfflineStore store;
        try {
            store = OfflineStore.open(profile);
        } catch (StoreException e) { // ProfileInUseException is one
            LOG.warn("Cannot open the profile {}: {}", profile.path(), e.getMessage());
            System.err.println(e.getMessage());
            CannotStartDialog.show(e.getMessage());
            System.exit(1);
            return;
        }
        SettingsFile settings = new SettingsFile(profile.settingsFile());
        settings.load();
        FxBackgroundTasks tasks = new FxBackgroundTasks();
        try {
            OutpostApplication.launch(new OutpostApplication.Startup(store.records(), settings, tasks));
        } catch (RuntimeException e) {
            LOG.error("The window failed", e);
            System.err.println("Outpost could not open its window: " + e.getMessage());
            closeAll(tasks, settings, store);
            System.exit(1);
        }
        closeAll(tasks, settings, store);
    }

    private static void closeAll(FxBackgroundTasks tasks, SettingsFile settings, OfflineStore store) {
        tasks.close();     // lets a save in flight finish before the store closes
        settings.close();  // writes the last window position
        store.close();
    }
}
