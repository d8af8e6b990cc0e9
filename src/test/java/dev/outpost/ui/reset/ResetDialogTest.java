package dev.outpost.ui.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.outpost.ui.concurrent.FxBackgroundTasks;

/** The reset warning as a user sees it: its lines, its buttons, the keyboard. */
@ExtendWith(ApplicationExtension.class)
class ResetDialogTest {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<ResetViewModel.Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final FxBackgroundTasks tasks = new FxBackgroundTasks();
    private volatile Unsynced waiting = new Unsynced(2, 1, 0);
    private volatile boolean signedIn = true;
    private Stage stage;
    private ResetDialog dialog;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // The owner needs a scene: Monocle cannot disable a window without a view for a modal dialog.
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 700, 400));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(robot.listTargetWindows()).forEach(javafx.stage.Window::hide));
        tasks.close();
    }

    private final OfflineCopy copy = new OfflineCopy() {
        @Override
        public Unsynced unsynced() {
            return waiting;
        }

        @Override
        public boolean canSyncFirst() {
            return signedIn;
        }

        @Override
        public Unsynced syncFirst() {
            calls.add("sync");
            waiting = new Unsynced(0, 1, 0);
            return waiting;
        }

        @Override
        public int export(Path file) {
            calls.add("export " + file.getFileName());
            return waiting.changes();
        }

        @Override
        public void remove() {
            calls.add("remove");
        }
    };

    private void open(FxRobot robot) {
        robot.interact(() -> {
            ResetViewModel model = new ResetViewModel(copy, tasks, "https://old.crm.dynamics.com",
                    "https://new.crm.dynamics.com", outcome -> {
                        outcomes.add(outcome);
                        dialog.close();
                    });
            dialog = ResetDialog.open(stage, model, (owner, name) -> Optional.of(Path.of("/tmp").resolve(name)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.lookup("#reset-loss-0").tryQuery(); // counted
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void itListsWhatWouldBeLostAndEnterCancelsWithoutRemovingAnything(FxRobot robot) throws Exception {
        open(robot);
        waitFor(() -> robot.lookup("#reset-loss-1").tryQuery().isPresent());

        assertThat(text(robot, "#reset-heading")).isEqualTo("Switch to https://new.crm.dynamics.com?");
        assertThat(text(robot, "#reset-loss-0")).contains("2 changes not yet sent to the CRM");
        assertThat(text(robot, "#reset-loss-1")).contains("1 conflict waiting for your choice");
        assertThat(robot.lookup("#reset-cancel").queryButton().isFocused()).as("Cancel has the focus").isTrue();

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(outcomes).containsExactly(ResetViewModel.Outcome.CANCELLED);
        assertThat(calls).isEmpty();
    }

    @Test
    void escapeCancelsToo(FxRobot robot) throws Exception {
        open(robot);
        waitFor(() -> robot.lookup("#reset-loss-1").tryQuery().isPresent());

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(outcomes).containsExactly(ResetViewModel.Outcome.CANCELLED);
    }

    @Test
    void syncFirstThenExportThenRemove(FxRobot robot) throws Exception {
        open(robot);
        waitFor(() -> !robot.lookup("#reset-sync-first").queryButton().isDisabled());

        robot.clickOn("#reset-sync-first");
        waitFor(() -> robot.lookup("#reset-loss-1").tryQuery().isEmpty() && !robot.lookup("#reset-export").queryButton().isDisabled());
        assertThat(text(robot, "#reset-loss-0")).contains("1 conflict");

        robot.clickOn("#reset-export");
        waitFor(() -> text(robot, "#reset-message").startsWith("Saved"));
        assertThat(outcomes).isEmpty();

        robot.clickOn("#reset-remove");
        waitFor(() -> !outcomes.isEmpty());

        assertThat(calls).containsExactly("sync", "export outpost-unsynced-https-old.crm.dynamics.com-"
                + java.time.LocalDate.now() + ".json", "remove");
        assertThat(outcomes).containsExactly(ResetViewModel.Outcome.REMOVED);
    }

    @Test
    void withoutAValidSignInSyncFirstIsDisabledAndNothingWaitingSaysSo(FxRobot robot) throws Exception {
        signedIn = false;
        waiting = new Unsynced(0, 0, 0);
        open(robot);
        waitFor(() -> robot.lookup("#reset-nothing-lost").tryQuery().isPresent());

        Button syncFirst = robot.lookup("#reset-sync-first").queryButton();
        assertThat(syncFirst.isDisabled()).isTrue();
        assertThat(text(robot, "#reset-nothing-lost")).contains("nothing will be lost");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
