package dev.outpost.ui.conflicts;

import static dev.outpost.ui.conflicts.DialogTesting.tabTo;
import static dev.outpost.ui.conflicts.DialogTesting.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.outpost.model.Record;
import dev.outpost.store.ConflictRow;
import dev.outpost.ui.concurrent.FxBackgroundTasks;

/** The conflict dialog as a user sees it: its rows and highlights, the keyboard, Escape. */
@ExtendWith(ApplicationExtension.class)
class ConflictDialogTest {

    @TempDir
    Path profile;

    private final FxBackgroundTasks tasks = new FxBackgroundTasks();
    private final List<String> resolved = new CopyOnWriteArrayList<>();
    private final List<Exception> errors = new CopyOnWriteArrayList<>();
    private ConflictFixture world;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        DialogTesting.showOwner(stage);
    }

    @AfterEach
    void close(FxRobot robot) {
        DialogTesting.hideAll(robot);
        tasks.close();
        if (world != null) {
            world.close();
        }
    }

    private ConflictRow collided(String... others) {
        world = new ConflictFixture(profile);
        Record anna = world.syncedContact("Anna", "Berg");
        List<Record> more = new ArrayList<>();
        for (String first : others) {
            more.add(world.syncedContact(first, "Berg"));
        }
        world.collide(anna);
        more.forEach(world::collide);
        return world.conflictOf(anna);
    }

    private void open(FxRobot robot, ConflictRow conflict) throws Exception {
        robot.interact(() -> new ConflictPrompt(world.conflicts, tasks, ConflictFixture.ZONE)
                .open(stage, conflict.id(), () -> resolved.add("resolved"), errors::add));
        waitFor(() -> robot.lookup("#conflict-keep-mine").tryQuery().isPresent());
    }

    @Test
    void itShowsARowPerFieldChangedOnBothSidesWithTheChangedValuesHighlighted(FxRobot robot) throws Exception {
        open(robot, collided());

        assertThat(robot.lookup("#conflict-heading-text").queryAs(Label.class).getText())
                .isEqualTo("Contact \u201cAnna Berg\u201d was changed on this computer and in the CRM");
        RadioButton mine = robot.lookup("#conflict-jobTitle-mine").queryAs(RadioButton.class);
        RadioButton server = robot.lookup("#conflict-jobTitle-server").queryAs(RadioButton.class);
        Label base = robot.lookup("#conflict-jobTitle-base").queryAs(Label.class);
        assertThat(List.of(base.getText(), mine.getText(), server.getText())).containsExactly("(empty)", "CEO", "COO");
        assertThat(mine.getStyleClass()).contains("conflict-changed");
        assertThat(server.getStyleClass()).contains("conflict-changed");
        assertThat(base.getStyleClass()).doesNotContain("conflict-changed");
        assertThat(mine.getAccessibleText()).isEqualTo("Job title, Mine: CEO, changed");
        assertThat(base.getAccessibleText()).isEqualTo("Job title, Last synced: (empty)");
        assertThat(mine.isSelected() || server.isSelected()).as("no side chosen for a true collision").isFalse();
        assertThat(robot.lookup("#conflict-merge").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#conflict-message").queryAs(Label.class).getText()).contains("still needs a choice");

        TitledPane automatic = robot.lookup("#conflict-automatic").queryAs(TitledPane.class);
        assertThat(automatic.isExpanded()).isFalse();
        assertThat(automatic.getText()).isEqualTo("2 fields changed on one side only, merged automatically");
        assertThat(robot.lookup("#conflict-phone-mine").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#conflict-mobile-server").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#conflict-apply-to-others").queryAs(CheckBox.class).isVisible()).isFalse();
        for (String id : List.of("#conflict-keep-mine", "#conflict-keep-server", "#conflict-merge", "#conflict-keep-both",
                "#conflict-later")) {
            Button button = robot.lookup(id).queryButton();
            assertThat(button.isDefaultButton()).as(id + " is not the default").isFalse();
            assertThat(button.getAccessibleHelp()).as(id).isNotBlank();
        }
    }

    @Test
    void theKeyboardAloneChoosesAValueAndMerges(FxRobot robot) throws Exception {
        ConflictRow conflict = collided();
        open(robot, conflict);
        waitFor(() -> robot.lookup("#conflict-jobTitle-mine").query().isFocused());

        robot.type(KeyCode.TAB); // to the server's value
        robot.type(KeyCode.SPACE);
        waitFor(() -> !robot.lookup("#conflict-merge").queryButton().isDisabled());
        tabTo(robot, "#conflict-merge");
        robot.type(KeyCode.ENTER);
        waitFor(() -> !resolved.isEmpty());

        assertThat(world.open()).isEmpty();
        world.sync();
        assertThat(world.localValues(world.localContacts("Anna Berg").getFirst())).containsEntry("jobTitle", "COO")
                .containsEntry("phone", "+1 1").containsEntry("mobile", "+1 2");
        assertThat(robot.lookup("#conflict-keep-mine").tryQuery()).as("the dialog closed").isEmpty();
    }

    @Test
    void keepMineByKeyboard(FxRobot robot) throws Exception {
        open(robot, collided());
        waitFor(() -> robot.lookup("#conflict-jobTitle-mine").query().isFocused());

        tabTo(robot, "#conflict-keep-mine");
        robot.type(KeyCode.SPACE);
        waitFor(() -> !resolved.isEmpty());

        assertThat(world.open()).isEmpty();
    }

    @Test
    void escapeDecidesLaterAndChangesNothing(FxRobot robot) throws Exception {
        ConflictRow conflict = collided();
        open(robot, conflict);
        robot.clickOn("#conflict-jobTitle-mine");

        robot.type(KeyCode.ESCAPE);
        waitFor(() -> robot.lookup("#conflict-keep-mine").tryQuery().isEmpty());

        assertThat(resolved).isEmpty();
        assertThat(world.open()).extracting(ConflictRow::id).containsExactly(conflict.id());
    }

    @Test
    void doTheSameIsOfferedWithTheCountAndLeavesOnlyKeepMineAndKeepServers(FxRobot robot) throws Exception {
        open(robot, collided("Ben", "Cleo"));
        CheckBox others = robot.lookup("#conflict-apply-to-others").queryAs(CheckBox.class);
        assertThat(others.isVisible()).isTrue();
        assertThat(others.getText()).isEqualTo("Do the same for the other 2 conflicts of this kind");

        robot.clickOn("#conflict-jobTitle-mine");
        robot.clickOn(others);
        assertThat(robot.lookup("#conflict-merge").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#conflict-keep-both").queryButton().isDisabled()).isTrue();
        robot.clickOn("#conflict-keep-server");
        waitFor(() -> !resolved.isEmpty());

        assertThat(world.open()).isEmpty();
    }

    @Test
    void aConflictWithADeletionOpensTheDeleteDialog(FxRobot robot) throws Exception {
        world = new ConflictFixture(profile);
        Record anna = world.syncedContact("Anna", "Berg");
        world.records.update(anna.id(), java.util.Map.of("jobTitle", "CEO"));
        world.remote.remove(anna.type(), world.remoteIdOf(anna));
        world.sync();

        robot.interact(() -> new ConflictPrompt(world.conflicts, tasks, ConflictFixture.ZONE)
                .open(stage, world.conflictOf(anna).id(), () -> resolved.add("resolved"), errors::add));
        waitFor(() -> robot.lookup("#delete-conflict-restore").tryQuery().isPresent());

        assertThat(robot.lookup("#conflict-keep-mine").tryQuery()).isEmpty();
    }
}
