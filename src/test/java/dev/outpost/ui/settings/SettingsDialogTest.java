package dev.outpost.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.outpost.model.RecordType;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.ConnectionSettings.Mailbox;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.ui.concurrent.FxBackgroundTasks;

/** The settings dialog as a user works it, keyboard included: saved at once, refused values say why. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {

    @TempDir
    Path folder;

    private ProfileFolder profile;
    private OfflineStore store;
    private SettingsFile ui;
    private final FxBackgroundTasks tasks = new FxBackgroundTasks();
    private final SimpleObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        profile = new ProfileFolder(folder);
        new ConnectionSettings(URI.create("https://contoso.crm.dynamics.com"), "OUTPOST_ACCESS_TOKEN")
                .withMailbox(Optional.of(new Mailbox(URI.create("https://graph.microsoft.com/v1.0"), "OUTPOST_GRAPH_TOKEN")))
                .write(profile);
        store = OfflineStore.open(profile);
        ui = new SettingsFile(profile.settingsFile());
        ui.load();
        stage.setScene(new Scene(new StackPane(), 800, 600));
        stage.show();
        SettingsDialog.open(stage, new SettingsViewModel(ui, new ProfileConnectionOptions(profile, store.sync(), () -> { }),
                tasks, theme, schedule -> { }));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
        tasks.close();
        ui.close();
        store.close();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    @Test
    void anIntervalTypedAndEnteredIsSavedAtOnce(FxRobot robot) throws Exception {
        waitFor(() -> !robot.lookup("#settings-all-account").queryAs(CheckBox.class).isDisabled());
        robot.doubleClickOn("#settings-minutes").eraseText(3).write("30").type(KeyCode.ENTER);

        waitFor(() -> ui.current().schedule().minutes() == 30);
        assertThat(robot.lookup("#settings-message").queryAs(Label.class).getText()).contains("every 30 minutes");
    }

    @Test
    void aLimitOutOfRangeSaysWhyAndIsNotSaved(FxRobot robot) throws Exception {
        waitFor(() -> !robot.lookup("#settings-limit").query().isDisabled());
        robot.doubleClickOn("#settings-limit").eraseText(6).write("0").type(KeyCode.ENTER);

        waitFor(() -> !robot.lookup("#settings-outlook-problem").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#settings-outlook-problem").queryAs(Label.class).getText()).contains("between 1 and");
        assertThat(ConnectionSettings.read(profile).orElseThrow().mailbox().orElseThrow().options().limit()).isEqualTo(5000);
    }

    @Test
    void aTypeTickedWithTheKeyboardSyncsWhole(FxRobot robot) throws Exception {
        waitFor(() -> !robot.lookup("#settings-all-contact").queryAs(CheckBox.class).isDisabled());
        robot.interact(() -> robot.lookup("#settings-all-contact").query().requestFocus());
        robot.type(KeyCode.SPACE);

        waitFor(() -> ConnectionSettings.read(profile).orElseThrow().syncedWhole().contains(RecordType.CONTACT));
    }

    @Test
    void escapeClosesAndTheThemeSwitchChangesTheTheme(FxRobot robot) throws Exception {
        robot.clickOn("#settings-dark");
        assertThat(theme.get()).isEqualTo(Theme.DARK);

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#settings-close").tryQuery()).isEmpty();
    }
}
