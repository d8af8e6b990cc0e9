package dev.outpost.ui.settings;

import static dev.outpost.ui.settings.ContosoProfile.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;

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
import dev.outpost.store.AdminSettings;
import dev.outpost.ui.concurrent.FxBackgroundTasks;

/** The settings dialog as a user works it, keyboard included: saved at once, refused values say why. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {

    @TempDir
    Path folder;

    private ContosoProfile contoso;
    private final FxBackgroundTasks tasks = new FxBackgroundTasks();
    private final SimpleObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    @Start
    void start(Stage stage) {
        contoso = new ContosoProfile(folder);
        stage.setScene(new Scene(new StackPane(), 800, 600));
        stage.show();
        SettingsDialog.open(stage, new SettingsViewModel(contoso.ui,
                new ProfileConnectionOptions(contoso.profile, contoso.store.sync(), () -> { }, () -> AdminSettings.NONE),
                tasks, theme, schedule -> { }));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
        tasks.close();
        contoso.close();
    }

    @Test
    void anIntervalTypedAndEnteredIsSavedAtOnce(FxRobot robot) throws Exception {
        waitFor(() -> !robot.lookup("#settings-all-account").queryAs(CheckBox.class).isDisabled());
        robot.doubleClickOn("#settings-minutes").eraseText(3).write("30").type(KeyCode.ENTER);

        waitFor(() -> contoso.ui.current().schedule().minutes() == 30);
        assertThat(robot.lookup("#settings-message").queryAs(Label.class).getText()).contains("every 30 minutes");
    }

    @Test
    void aLimitOutOfRangeSaysWhyAndIsNotSaved(FxRobot robot) throws Exception {
        waitFor(() -> !robot.lookup("#settings-limit").query().isDisabled());
        robot.doubleClickOn("#settings-limit").eraseText(6).write("0").type(KeyCode.ENTER);

        waitFor(() -> !robot.lookup("#settings-outlook-problem").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#settings-outlook-problem").queryAs(Label.class).getText()).contains("between 1 and");
        assertThat(contoso.saved().mailbox().orElseThrow().options().limit()).isEqualTo(5000);
    }

    @Test
    void aTypeTickedWithTheKeyboardSyncsWhole(FxRobot robot) throws Exception {
        waitFor(() -> !robot.lookup("#settings-all-contact").queryAs(CheckBox.class).isDisabled());
        robot.interact(() -> robot.lookup("#settings-all-contact").query().requestFocus());
        robot.type(KeyCode.SPACE);

        waitFor(() -> contoso.saved().syncedWhole().contains(RecordType.CONTACT));
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
