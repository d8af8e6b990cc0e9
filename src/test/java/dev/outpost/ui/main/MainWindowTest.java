package dev.outpost.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.ui.concurrent.FxBackgroundTasks;
import dev.outpost.ui.settings.SettingsFile;
import dev.outpost.ui.settings.Theme;

/** The main window on a real offline store, driven with the keyboard and mouse as a user would. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    Path profile;

    private OfflineStore store;
    private FxBackgroundTasks tasks;
    private SettingsFile settings;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        store = OfflineStore.open(new ProfileFolder(profile));
        store.records().create(RecordType.CONTACT, Map.of("firstName", "Grace", "lastName", "Hopper",
                "email", "grace@fabrikam.com"));
        tasks = new FxBackgroundTasks();
        settings = new SettingsFile(new ProfileFolder(profile).settingsFile());
        settings.load();
        MainWindow.showIn(stage, store.records(), tasks, settings);
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(stage::hide);
        tasks.close();
        settings.close();
        store.close();
    }

    @Test
    void aContactCreatedInTheFormCanBeFoundBySearch(FxRobot robot) throws TimeoutException {
        waitUntil(() -> table(robot).getItems().size() == 1);

        robot.push(KeyCode.CONTROL, KeyCode.N);
        robot.clickOn("#field-firstName").write("Ada");
        robot.clickOn("#field-lastName").write("Lovelace");
        robot.clickOn("#field-email").write("ada@example.com");
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> table(robot).getItems().size() == 2);

        robot.push(KeyCode.CONTROL, KeyCode.F);
        robot.write("lovel");

        waitUntil(() -> table(robot).getItems().size() == 1);
        assertThat(table(robot).getItems()).extracting(Record::title).containsExactly("Ada Lovelace");
        assertThat(robot.lookup("#search").queryAs(TextField.class).isFocused()).isTrue();
        waitUntil(() -> label(robot, "#status-pending").getText().equals("2 local changes not yet synced"));
        assertThat(store.records().list(RecordType.CONTACT, "lovelace")).singleElement()
                .satisfies(r -> assertThat(r.get("email")).isEqualTo("ada@example.com"));
    }

    @Test
    void aBadEmailIsShownBesideTheFieldAndNothingIsSaved(FxRobot robot) throws TimeoutException {
        robot.push(KeyCode.CONTROL, KeyCode.N);
        robot.clickOn("#field-lastName").write("Turing");
        robot.clickOn("#field-email").write("alan-at-example");
        robot.push(KeyCode.CONTROL, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();

        Label problem = label(robot, "#problem-email");
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).isEqualTo("'alan-at-example' is not an e-mail address; expected something like name@example.com");
        assertThat(problem.getAccessibleText()).isEqualTo(problem.getText());
        assertThat(robot.lookup("#field-email").query().isFocused()).as("the cursor goes to the problem").isTrue();
        assertThat(store.records().list(RecordType.CONTACT, "turing")).isEmpty();
        assertThat(label(robot, "#editor-heading").getText()).isEqualTo("New contact");
    }

    @Test
    void aDeletedRecordComesBackWithUndo(FxRobot robot) throws TimeoutException {
        waitUntil(() -> table(robot).getItems().size() == 1);
        robot.clickOn("Grace Hopper");
        waitUntil(() -> label(robot, "#editor-heading").getText().equals("Grace Hopper"));

        robot.push(KeyCode.DELETE);

        waitUntil(() -> table(robot).getItems().isEmpty());
        assertThat(label(robot, "#undo-message").getText()).isEqualTo("Deleted 'Grace Hopper'.");
        assertThat(robot.lookup("#undo-bar").query().isVisible()).isTrue();
        assertThat(store.records().list(RecordType.CONTACT, "")).isEmpty();
        assertThat(label(robot, "#empty-message").getText()).isEqualTo("No contacts yet. Press Ctrl+N to create one.");

        robot.clickOn("#undo");

        waitUntil(() -> table(robot).getItems().size() == 1);
        assertThat(store.records().list(RecordType.CONTACT, "")).extracting(Record::title).containsExactly("Grace Hopper");
        assertThat(robot.lookup("#undo-bar").query().isVisible()).isFalse();
        waitUntil(() -> label(robot, "#editor-heading").getText().equals("Grace Hopper"));
    }

    @Test
    void ctrlDDeletesAndCtrlZUndoes(FxRobot robot) throws TimeoutException {
        waitUntil(() -> table(robot).getItems().size() == 1);
        robot.clickOn("Grace Hopper");
        waitUntil(() -> label(robot, "#editor-heading").getText().equals("Grace Hopper"));

        robot.push(KeyCode.CONTROL, KeyCode.D);
        waitUntil(() -> table(robot).getItems().isEmpty());
        robot.push(KeyCode.CONTROL, KeyCode.Z);

        waitUntil(() -> table(robot).getItems().size() == 1);
        assertThat(store.records().list(RecordType.CONTACT, "hopper")).hasSize(1);
    }

    @Test
    void theThemeToggleSwitchesToDarkAndIsRemembered(FxRobot robot) {
        robot.clickOn("#theme-toggle");

        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");
        assertThat(settings.current().theme()).isEqualTo(Theme.DARK);

        robot.clickOn("#theme-toggle");
        assertThat(Application.getUserAgentStylesheet()).contains("primer-light");
    }

    @SuppressWarnings("unchecked")
    private static TableView<Record> table(FxRobot robot) {
        return robot.lookup("#records").queryAs(TableView.class);
    }

    @Test
    void ctrlQWithAnUnsavedEditAsksAndKeepEditingKeepsTheWindow(FxRobot robot) throws TimeoutException {
        startAnUnsavedContact(robot);

        robot.push(KeyCode.CONTROL, KeyCode.Q);
        Button keep = dialogButton("Keep editing");
        robot.interact(keep::fire);

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).as("keeping the edit keeps the window").isTrue();
        assertThat(robot.lookup("#field-lastName").queryTextInputControl().getText()).isEqualTo("Turing");
    }

    @Test
    void ctrlQWithAnUnsavedEditQuitsOnlyAfterDiscardChanges(FxRobot robot) throws TimeoutException {
        startAnUnsavedContact(robot);

        robot.push(KeyCode.CONTROL, KeyCode.Q);
        Button discard = dialogButton("Discard changes");
        assertThat(stage.isShowing()).as("nothing closes before the answer").isTrue();
        robot.interact(discard::fire);

        waitUntil(() -> !stage.isShowing());
        assertThat(store.records().list(RecordType.CONTACT, "turing")).isEmpty();
    }

    private void startAnUnsavedContact(FxRobot robot) throws TimeoutException {
        waitUntil(() -> table(robot).getItems().size() == 1);
        robot.interact(stage::toFront); // the keys go to this window, not one another test class left open
        robot.push(KeyCode.CONTROL, KeyCode.N);
        robot.clickOn("#field-lastName").write("Turing");
        waitUntil(() -> robot.lookup("#field-lastName").queryTextInputControl().getText().equals("Turing"));
    }

    @Test
    void ctrlQQuitsAtOnceWhenNothingIsUnsaved(FxRobot robot) throws TimeoutException {
        waitUntil(() -> table(robot).getItems().size() == 1);
        robot.interact(stage::toFront);

        robot.push(KeyCode.CONTROL, KeyCode.Q);

        waitUntil(() -> !stage.isShowing());
    }

    /**
     * The button of the dialog this window opened: found among the windows it owns, so that a dialog some other test
     * left open can neither be taken for it nor lie over it; pressed with {@code fire()} for the same reason.
     */
    private Button dialogButton(String text) throws TimeoutException {
        AtomicReference<Button> found = new AtomicReference<>();
        waitUntil(() -> {
            WaitForAsyncUtils.waitForAsyncFx(2_000, () -> found.set(Window.getWindows().stream()
                    .filter(w -> w.isShowing() && w instanceof Stage dialog && dialog.getOwner() == stage)
                    .flatMap(w -> w.getScene().getRoot().lookupAll(".button").stream())
                    .filter(n -> n instanceof Button b && text.equals(b.getText()))
                    .map(Button.class::cast).findFirst().orElse(null)));
            return found.get() != null;
        });
        return found.get();
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class);
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
