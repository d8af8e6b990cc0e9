package dev.outpost.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
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

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.ui.concurrent.FxBackgroundTasks;
import dev.outpost.ui.main.MainWindow;
import dev.outpost.ui.settings.SettingsFile;

/** A profile connected to a CRM only, with no mailbox: nothing in the window speaks of Outlook. */
@ExtendWith(ApplicationExtension.class)
class OutlookTrackingCrmOnlyTest {

    @TempDir
    Path profile;

    private OfflineStore store;
    private FxBackgroundTasks tasks;
    private FxBackgroundTasks syncTasks;
    private SettingsFile settings;
    private SyncConnection connection;
    private MainWindow window;
    private Stage stage;
    private Record contact;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        store = OfflineStore.open(new ProfileFolder(profile));
        contact = store.records().create(RecordType.CONTACT, Map.of("firstName", "Grace", "lastName", "Hopper"));
        connection = DemoProfiles.connection(profile);
        connection.connectTo(URI.create("https://contoso.crm.dynamics.com")); // no token: the sync asks for one
        tasks = new FxBackgroundTasks();
        syncTasks = new FxBackgroundTasks();
        settings = new SettingsFile(new ProfileFolder(profile).settingsFile());
        settings.load();
        window = MainWindow.showIn(stage, store.records(), tasks, settings, errors -> new SyncViewModel(connection,
                store.sync(), syncTasks, errors, Validation.inSystemZone(), ZoneId.systemDefault(), Optional.empty()));
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(stage::hide);
        syncTasks.close();
        tasks.close();
        settings.close();
        connection.close();
        store.close();
    }

    @Test
    void aContactHasNoOutlookLineWithoutAMailbox(FxRobot robot) throws TimeoutException {
        SyncViewModel sync = window.sync().orElseThrow();
        DemoProfiles.waitUntil(Duration.ofSeconds(10), () -> !sync.runningProperty().get()
                && robot.lookup("#status-sync").queryAs(Label.class).getText().startsWith("Sign-in needed"));

        robot.interact(() -> {
            window.model().showType(RecordType.CONTACT);
            window.model().open(contact);
        });

        assertThat(robot.lookup("#editor-heading").queryAs(Label.class).getText()).isEqualTo("Grace Hopper");
        assertThat(robot.lookup("#outlook-tracking").query().isVisible()).isFalse();
        assertThat(robot.lookup("#status-outlook-over-limit").queryAs(Label.class).isVisible()).isFalse();
        assertThat(sync.mailboxProperty().get()).isFalse();
    }
}
