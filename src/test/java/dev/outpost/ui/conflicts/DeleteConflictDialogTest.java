package dev.outpost.ui.conflicts;

import static dev.outpost.ui.conflicts.DialogTesting.tabTo;
import static dev.outpost.ui.conflicts.DialogTesting.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.scene.control.Label;
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
import dev.outpost.model.RecordType;
import dev.outpost.store.ConflictRow;
import dev.outpost.ui.concurrent.FxBackgroundTasks;

/** The update/delete dialog as a user sees it: what would be lost, Restore it and Delete it by keyboard, Escape. */
@ExtendWith(ApplicationExtension.class)
class DeleteConflictDialogTest {

    @TempDir
    Path profile;

    private final FxBackgroundTasks tasks = new FxBackgroundTasks();
    private final List<String> resolved = new CopyOnWriteArrayList<>();
    private ConflictFixture world;
    private Record anna;
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
        world.close();
    }

    /** Changed here (job title, business phone), deleted in the CRM. */
    private ConflictRow deletedInTheCrm(FxRobot robot) throws Exception {
        world = new ConflictFixture(profile);
        anna = world.syncedContact("Anna", "Berg");
        world.records.update(anna.id(), Map.of("jobTitle", "CEO", "phone", "+1 1"));
        world.remote.remove(RecordType.CONTACT, world.remoteIdOf(anna));
        world.sync();
        ConflictRow conflict = world.conflictOf(anna);
        robot.interact(() -> new ConflictPrompt(world.conflicts, tasks, ConflictFixture.ZONE)
                .open(stage, conflict.id(), () -> resolved.add("resolved"), e -> { }));
        waitFor(() -> robot.lookup("#delete-conflict-restore").tryQuery().isPresent());
        return conflict;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void itShowsWhatDeletingWouldLose(FxRobot robot) throws Exception {
        deletedInTheCrm(robot);

        assertThat(text(robot, "#delete-conflict-heading"))
                .isEqualTo("Contact \u201cAnna Berg\u201d was deleted in the CRM and changed on this computer");
        assertThat(text(robot, "#delete-conflict-lost-heading")).isEqualTo("Delete it, and these changes are lost:");
        assertThat(text(robot, "#delete-conflict-jobTitle-field")).isEqualTo("Job title");
        assertThat(text(robot, "#delete-conflict-jobTitle-changed")).isEqualTo("CEO");
        assertThat(text(robot, "#delete-conflict-phone-changed")).isEqualTo("+1 1");
        Label changed = robot.lookup("#delete-conflict-jobTitle-changed").queryAs(Label.class);
        assertThat(changed.getStyleClass()).contains("conflict-changed");
        assertThat(changed.getAccessibleText()).isEqualTo("Job title, Changed to: CEO, changed");
        assertThat(robot.lookup("#delete-conflict-restore").queryButton().isFocused()).isTrue();
        assertThat(robot.lookup("#delete-conflict-delete").queryButton().isDefaultButton()).isFalse();
    }

    @Test
    void restoreItByKeyboardBringsTheRecordBackInTheCrm(FxRobot robot) throws Exception {
        deletedInTheCrm(robot);

        robot.type(KeyCode.SPACE);
        waitFor(() -> !resolved.isEmpty());
        world.sync();

        assertThat(world.open()).isEmpty();
        assertThat(world.remoteContacts("Berg")).singleElement()
                .satisfies(v -> assertThat(v).containsEntry("jobTitle", "CEO"));
        assertThat(robot.lookup("#delete-conflict-restore").tryQuery()).as("the dialog closed").isEmpty();
    }

    @Test
    void deleteItByKeyboardDeletesItHereToo(FxRobot robot) throws Exception {
        deletedInTheCrm(robot);

        tabTo(robot, "#delete-conflict-delete");
        robot.type(KeyCode.ENTER);
        waitFor(() -> !resolved.isEmpty());
        world.sync();

        assertThat(world.localContacts("Anna Berg")).isEmpty();
        assertThat(world.remoteContacts("Berg")).isEmpty();
    }

    @Test
    void escapeDecidesLaterAndChangesNothing(FxRobot robot) throws Exception {
        ConflictRow conflict = deletedInTheCrm(robot);

        robot.type(KeyCode.ESCAPE);
        waitFor(() -> robot.lookup("#delete-conflict-restore").tryQuery().isEmpty());

        assertThat(resolved).isEmpty();
        assertThat(world.open()).extracting(ConflictRow::id).containsExactly(conflict.id());
        assertThat(world.localValues(anna)).containsEntry("jobTitle", "CEO");
    }
}
