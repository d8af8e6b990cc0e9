package dev.outpost.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.outpost.ui.settings.WindowPlacement;

/** The window comes back where it was, but never larger than the screen or off its edges. */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTrackerTest {

    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = new Stage(); // a window of its own: the toolkit's primary stage keeps the size TestFX gave it
    }

    @Test
    void aWindowRememberedFromABiggerMonitorShrinksToTheScreenAndStaysOnIt(FxRobot robot) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        WindowPlacement fromBigMonitor = new WindowPlacement(screen.getMinX() + 40, screen.getMinY() + 30,
                screen.getWidth() + 900, screen.getHeight() + 700, false);

        robot.interact(() -> WindowPlacementTracker.restore(stage, fromBigMonitor));

        assertThat(stage.getWidth()).isEqualTo(screen.getWidth());
        assertThat(stage.getHeight()).isEqualTo(screen.getHeight());
        assertThat(stage.getX()).isEqualTo(screen.getMinX());
        assertThat(stage.getY() + stage.getHeight()).as("the status bar's edge").isLessThanOrEqualTo(screen.getMaxY());
    }

    @Test
    void aWindowThatFitsComesBackExactlyWhereItWas(FxRobot robot) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        WindowPlacement small = new WindowPlacement(screen.getMinX() + 50, screen.getMinY() + 60, 800, 500, false);

        robot.interact(() -> WindowPlacementTracker.restore(stage, small));

        assertThat(stage.getX()).isEqualTo(small.x());
        assertThat(stage.getY()).isEqualTo(small.y());
        assertThat(stage.getWidth()).isEqualTo(800);
        assertThat(stage.getHeight()).isEqualTo(500);
    }
}
