package dev.outpost.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.StoreException;
import dev.outpost.ui.CannotStartDialog;
import dev.outpost.ui.concurrent.FxBackgroundTasks;
import dev.outpost.ui.settings.SettingsFile;
import dev.outpost.ui.sync.SyncConnection;

/**
 * Opens the main window on a profile. The store, the settings and (in demo mode) the demo server are opened
 * here, on the calling thread, before JavaFX starts; they are closed here after the window has closed.
 *
 * <p>{@code -Doutpost.demo=true} starts a profile without a connection straight on the demo data, for a
 * newcomer's {@code ./mvnw javafx:run}.
 */
public final class DesktopApp {

    /** The system property that puts a profile without a connection in demo mode. */
    public static final String DEMO_PROPERTY = "outpost.demo";
    /** How many sample records a new demo CRM holds. */
    static final int DEMO_RECORDS = dev.outpost.demo.DemoOptions.DEMO_MODE_RECORDS;

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
        SyncConnection connection = openConnection(profile, Boolean.getBoolean(DEMO_PROPERTY), System::getenv);
        FxBackgroundTasks syncTasks = new FxBackgroundTasks();
        AtomicReference<Session> session = new AtomicReference<>(new Session(store, connection, new FxBackgroundTasks()));
        try {
            OutpostApplication.launch(new OutpostApplication.Startup(session, settings, syncTasks, System::getenv));
        } catch (RuntimeException e) {
            LOG.error("The window failed", e);
            System.err.println("Outpost could not open its window: " + e.getMessage());
            closeAll(syncTasks, settings, session.get());
            System.exit(1);
        }
        closeAll(syncTasks, settings, session.get());
    }

    /**
     * The profile's connection; in demo mode with the demo server already running, before any window.
     *
     * @param environment where access tokens are read (System::getenv outside tests)
     */
    static SyncConnection openConnection(ProfileFolder profile, boolean demoWanted,
                                         java.util.function.Function<String, String> environment) {
        if (demoWanted && ConnectionSettings.read(profile).isEmpty()) {
            ConnectionSettings.demoMode().write(profile);
        }
        SyncConnection connection = new SyncConnection(profile, environment, DEMO_RECORDS);
        try {
            connection.startDemoIfNeeded();
        } catch (IOException | RuntimeException e) {
            // The window still opens on the offline copy; the sync says what failed and tries again.
            LOG.warn("The demo server did not start: {}", e.getMessage());
        }
        return connection;
    }

    /** @param session the session the window ended on: a switch to another CRM may have replaced the first one */
    private static void closeAll(FxBackgroundTasks syncTasks, SettingsFile settings, Session session) {
        syncTasks.close(); // the window asked a running sync to stop at its next safe point
        settings.close();  // writes the last window position
        session.close();
    }
}
