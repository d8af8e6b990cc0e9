package dev.outpost.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.ui.concurrent.FxBackgroundTasks;
import dev.outpost.ui.main.MainWindow;
import dev.outpost.ui.settings.SettingsFile;

/** The first run of a profile without a connection: the welcome and its choices. */
@ExtendWith(ApplicationExtension.class)
class WelcomeTest {

    @TempDir
    Path profile;

    private OfflineStore store;
    private FxBackgroundTasks tasks;
    private FxBackgroundTasks syncTasks;
    private SettingsFile settings;
    private SyncConnection connection;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        store = OfflineStore.open(new ProfileFolder(profile));
        tasks = new FxBackgroundTasks();
        syncTasks = new FxBackgroundTasks();
        settings = new SettingsFile(new ProfileFolder(profile).settingsFile());
        settings.load();
        connection = DemoProfiles.connection(profile);
        window = MainWindow.showIn(stage, store.records(), tasks, settings, errors -> new SyncViewModel(connection,
                store.sync(), syncTasks, errors, Validation.inSystemZone(), ZoneId.systemDefault(), Optional.empty()));
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w != stage).toList().forEach(w -> w.hide()));
        robot.interact(stage::hide);
        syncTasks.close();
        tasks.close();
        settings.close();
        connection.close();
        store.close();
    }

    @Test
    void exploringWithDemoDataFillsTheTableWithoutBlockingTheWindow(FxRobot robot) throws TimeoutException {
        DemoProfiles.waitUntil(Duration.ofSeconds(5), () -> robot.lookup("#welcome-demo").tryQuery().isPresent());

        robot.clickOn("#welcome-demo");
        // The click returned at once: the demo server starts and the sync runs on another thread.
        assertThat(window.sync().orElseThrow().runningProperty().get()).isTrue();

        DemoProfiles.waitUntil(Duration.ofSeconds(20), () -> window.model().countProperty(RecordType.ACCOUNT).get() > 0
                && !window.model().list().records().isEmpty());
        assertThat(ConnectionSettings.read(new ProfileFolder(profile)).orElseThrow().demo()).isTrue();
        DemoProfiles.waitUntil(Duration.ofSeconds(5), () -> robot.lookup("#status-sync").queryAs(Label.class)
                .getText().endsWith("done"));
        assertThat(robot.lookup("#status-connectivity").queryAs(Label.class).getText()).isEqualTo("Online");
    }

    @Test
    void aPlainHttpAddressOfAnotherComputerIsRefusedAsTheCliRefusesIt(FxRobot robot) throws TimeoutException {
        DemoProfiles.waitUntil(Duration.ofSeconds(5), () -> robot.lookup("#welcome-url").tryQuery().isPresent());

        robot.clickOn("#welcome-url").write("http://crm.example.com");
        robot.clickOn("#welcome-connect");

        assertThat(robot.lookup("#welcome-url-problem").queryAs(Label.class).getText()).contains("https");
        assertThat(ConnectionSettings.read(new ProfileFolder(profile))).isEmpty();
    }

    @Test
    void notNowWorksOfflineAndSaysSo(FxRobot robot) throws TimeoutException {
        DemoProfiles.waitUntil(Duration.ofSeconds(5), () -> robot.lookup("#welcome-not-now").tryQuery().isPresent());

        robot.clickOn("#welcome-not-now");

        DemoProfiles.waitUntil(Duration.ofSeconds(5), () -> robot.lookup("#welcome-not-now").tryQuery().isEmpty());
        assertThat(robot.lookup("#status-sync").queryAs(Label.class).getText()).contains("Not connected");
        assertThat(robot.lookup("#sync-now").queryButton().isDisabled()).isTrue();
        assertThat(ConnectionSettings.read(new ProfileFolder(profile))).isEmpty();
    }
}
