package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The installer's training run closes the window after its first sync, and in any case after a while. */
@ExtendWith(ApplicationExtension.class)
class TrainingRunTest {

    private static final Duration NEVER_IN_THIS_TEST = Duration.minutes(3);

    private final SimpleBooleanProperty running = new SimpleBooleanProperty(false);
    private final AtomicInteger quits = new AtomicInteger();

    @Start
    void start(Stage stage) {
        // Only the FX thread is needed (the give-up timer is an animation); no window.
    }

    @Test
    void quitsOnceWhenTheFirstSyncEnds(FxRobot robot) {
        robot.interact(() -> TrainingRun.quitAfterFirstSync(Optional.of(running), NEVER_IN_THIS_TEST, quits::incrementAndGet));

        robot.interact(() -> running.set(true));
        assertThat(quits).as("not while the sync runs").hasValue(0);
        robot.interact(() -> running.set(false));
        assertThat(quits).hasValue(1);
        robot.interact(() -> {
            running.set(true);
            running.set(false);
        });
        assertThat(quits).as("a second sync ending does not quit again").hasValue(1);
    }

    @Test
    void quitsAtOnceWhenTheWindowHasNoSync(FxRobot robot) {
        robot.interact(() -> TrainingRun.quitAfterFirstSync(Optional.empty(), NEVER_IN_THIS_TEST, quits::incrementAndGet));

        assertThat(quits).hasValue(1);
    }

    @Test
    void givesUpWhenNoSyncEnds(FxRobot robot) throws Exception {
        robot.interact(() -> TrainingRun.quitAfterFirstSync(Optional.of(running), Duration.millis(100),
                quits::incrementAndGet));
        robot.interact(() -> running.set(true)); // a sync that hangs

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> quits.get() == 1);
        robot.interact(() -> running.set(false));
        assertThat(quits).as("the sync ending after the give-up does not quit again").hasValue(1);
    }
}
