package dev.outpost.ui.settings;

import static dev.outpost.ui.settings.ContosoProfile.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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

import dev.outpost.auth.AdminDefaults;
import dev.outpost.model.RecordType;
import dev.outpost.store.AdminSettings;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.ui.concurrent.FxBackgroundTasks;

/** The settings dialog where IT locked the sync filters and the category: IT's values, shown, not changeable. */
@ExtendWith(ApplicationExtension.class)
class SettingsSetByItTest {

    @TempDir
    Path folder;

    private ContosoProfile contoso;
    private Path adminFile;
    private final FxBackgroundTasks tasks = new FxBackgroundTasks();

    @Start
    void start(Stage stage) throws Exception {
        contoso = new ContosoProfile(folder.resolve("profile"));
        adminFile = Files.writeString(folder.resolve(AdminDefaults.FILE_NAME), "{\"syncFilters\": {\"accounts\": \"all\"}, "
                + "\"category\": \"CRM\", \"outlookLimit\": 800, \"locked\": [\"syncFilters\", \"category\"]}");
        AdminSettings admin = AdminDefaults.read(adminFile).connection();
        stage.setScene(new Scene(new StackPane(), 800, 600));
        stage.show();
        SettingsDialog.open(stage, new SettingsViewModel(contoso.ui,
                new ProfileConnectionOptions(contoso.profile, contoso.store.sync(), () -> { }, () -> admin), tasks,
                new SimpleObjectProperty<>(Theme.LIGHT), schedule -> { }));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
        tasks.close();
        contoso.close();
    }

    private void loaded(FxRobot robot) throws Exception {
        waitFor(() -> !robot.lookup("#settings-limit").query().isDisabled());
    }

    @Test
    void lockedSyncFiltersShowItsChoiceAndCannotBeChanged(FxRobot robot) throws Exception {
        loaded(robot);

        CheckBox accounts = robot.lookup("#settings-all-account").queryAs(CheckBox.class);
        assertThat(accounts.isSelected()).isTrue();
        assertThat(accounts.isDisabled()).isTrue();
        assertThat(robot.lookup("#settings-all-contact").queryAs(CheckBox.class).isDisabled()).isTrue();
        Label line = robot.lookup("#settings-filters-set-by-it").queryAs(Label.class);
        assertThat(line.isVisible()).isTrue();
        assertThat(line.getText()).startsWith("Set by IT");
        assertThat(line.getTooltip().getText()).contains(adminFile.toString());
    }

    @Test
    void aLockedCategoryIsShownDisabledWithSetByIt(FxRobot robot) throws Exception {
        loaded(robot);

        assertThat(robot.lookup("#settings-category").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#settings-category").queryTextInputControl().getText()).isEqualTo("CRM");
        assertThat(robot.lookup("#settings-category-set-by-it").queryAs(Label.class).isVisible()).isTrue();
        dev.outpost.testing.Screenshots.save(robot, robot.lookup("#settings-category").query().getScene(),
                "settings-set-by-it.png"); // for docs/admin-guide.md, with -Doutpost.screenshots=DIR
    }

    @Test
    void aValueItOnlySuggestsStaysTheUsersToChange(FxRobot robot) throws Exception {
        loaded(robot);

        assertThat(robot.lookup("#settings-limit-set-by-it").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#settings-limit").queryTextInputControl().getText()).isEqualTo("5000");
        robot.doubleClickOn("#settings-limit").eraseText(6).write("300").type(KeyCode.ENTER);

        waitFor(() -> contoso.saved().mailbox().orElseThrow().options().limit() == 300);
        // Saving a change saves what IT locked with it.
        ConnectionSettings saved = contoso.saved();
        assertThat(saved.mailbox().orElseThrow().options().category()).isEqualTo("CRM");
        assertThat(saved.syncedWhole()).containsExactly(RecordType.ACCOUNT);
    }
}
