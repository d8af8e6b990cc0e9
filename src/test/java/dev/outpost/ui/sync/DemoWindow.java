package dev.outpost.ui.sync;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

import javafx.stage.Stage;

import org.testfx.api.FxRobot;

import dev.outpost.model.Validation;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.ui.concurrent.FxBackgroundTasks;
import dev.outpost.ui.main.MainWindow;
import dev.outpost.ui.settings.SettingsFile;

/**
 * The main window on a demo-mode profile ("mine"), with a second profile ("other", a colleague's laptop) on the
 * same demo CRM: what the window tests that sync through the demo start from. Nothing syncs on its own (no
 * interval); the tests press Sync now.
 */
final class DemoWindow {

    final Stage stage;
    final OfflineStore store;
    final OfflineStore other;
    final SyncConnection connection;
    final FxBackgroundTasks tasks = new FxBackgroundTasks();
    final FxBackgroundTasks syncTasks = new FxBackgroundTasks();
    final SettingsFile settings;
    final MainWindow window;
    final SyncViewModel sync;

    DemoWindow(Stage stage, Path folder) throws Exception {
        this.stage = stage;
        Path profile = folder.resolve("mine");
        store = OfflineStore.open(new ProfileFolder(profile));
        other = DemoProfiles.openOther(folder.resolve("other"));
        connection = DemoProfiles.connection(profile);
        connection.switchToDemo();
        settings = new SettingsFile(new ProfileFolder(profile).settingsFile());
        settings.load();
        window = MainWindow.showIn(stage, store.records(), tasks, settings, errors -> new SyncViewModel(connection,
                store.sync(), syncTasks, errors, Validation.inSystemZone(), ZoneId.systemDefault(), Optional.empty()));
        sync = window.sync().orElseThrow();
    }

    /** Hides every window, then closes in the order that loses nothing: workers, settings, demo, stores. */
    void close(FxRobot robot) {
        robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w != stage).toList().forEach(w -> w.hide()));
        robot.interact(stage::hide);
        syncTasks.close();
        tasks.close();
        settings.close();
        connection.close();
        other.close();
        store.close();
    }
}
