package dev.outpost.ui.conflicts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;


import javafx.application.Application;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import dev.outpost.testing.Screenshots;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.ui.concurrent.SameThreadTasks;

/**
 * Saves the pictures of both conflict dialogs, light and dark, for the docs; runs only when asked:
 * {@code -Doutpost.screenshots=docs/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class ConflictScreenshotsTest {


    @TempDir
    Path profile;

    private ConflictFixture world;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 900, 600));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(robot.listTargetWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
        if (world != null) {
            world.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void bothDialogs(String theme, FxRobot robot) {
        String dir = System.getProperty(Screenshots.FOLDER, "");
        assumeTrue(!dir.isBlank(), "pictures only when -D" + Screenshots.FOLDER + " names a folder");
        robot.interact(() -> Application.setUserAgentStylesheet(theme.equals("dark")
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet()));
        world = new ConflictFixture(profile);
        Record anna = world.syncedContact("Anna", "Berg");
        Record ben = world.syncedContact("Ben", "Berg");
        Record cleo = world.syncedContact("Cleo", "Berg");
        Record dan = world.syncedContact("Dan", "Hoffmann");
        world.records.update(anna.id(), Map.of("jobTitle", "Chief Executive Officer", "email", "anna@berg-holding.example",
                "phone", "+49 30 1234 567"));
        world.remote.edit(RecordType.CONTACT, world.remoteIdOf(anna), Map.of("jobTitle", "Managing Director",
                "email", "a.berg@berg.example", "mobile", "+49 170 555 0101"));
        world.collide(ben);
        world.collide(cleo);
        world.records.update(dan.id(), Map.of("jobTitle", "Head of Purchasing", "mobile", "+49 171 222 3344"));
        world.remote.remove(RecordType.CONTACT, world.remoteIdOf(dan));
        world.sync();

        ConflictViewModel conflict = new ConflictViewModel(world.conflicts.read(world.conflictOf(anna).id()), world.conflicts,
                new SameThreadTasks(), ConflictFixture.ZONE, () -> { });
        conflict.collisions().stream().filter(r -> r.name().equals("email")).findFirst().orElseThrow()
                .choiceProperty().set(Side.SERVER);
        AtomicReference<Stage> dialog = new AtomicReference<>();
        robot.interact(() -> dialog.set(ConflictDialog.open(stage, conflict).stage()));
        Screenshots.write(robot, dialog.get().getScene(), Path.of(dir).resolve("conflict-dialog-" + theme + ".png"));
        robot.interact(dialog.get()::hide);

        DeleteConflictViewModel deleted = new DeleteConflictViewModel(world.conflicts.read(world.conflictOf(dan).id()),
                world.conflicts, new SameThreadTasks(), ConflictFixture.ZONE, () -> { });
        robot.interact(() -> dialog.set(DeleteConflictDialog.open(stage, deleted).stage()));
        Screenshots.write(robot, dialog.get().getScene(), Path.of(dir).resolve("delete-conflict-" + theme + ".png"));
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

}
