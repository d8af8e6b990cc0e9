package dev.outpost.app;

import java.util.Optional;

import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.util.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.outpost.ui.main.MainWindow;
import dev.outpost.ui.sync.SyncViewModel;

/**
 * The installer build's class-data-sharing training run ({@code packaging/}): with
 * {@code -Doutpost.quitAfterFirstSync=true} the window closes itself once its first sync has finished, so the
 * JVM can write down every class a real start and a real sync load. A user never sets it.
 */
final class TrainingRun {

    static final String PROPERTY = "outpost.quitAfterFirstSync";
    /** A training run that never sees its sync end still ends: a build must not hang on it. */
    private static final Duration GIVE_UP = Duration.minutes(3);

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    private TrainingRun() {
    }

    /** Closes the window after the first sync when the property asks for it; otherwise does nothing. */
    static void quitAfterFirstSyncIfAsked(MainWindow window) {
        if (Boolean.getBoolean(PROPERTY)) {
            quitAfterFirstSync(window.sync().map(SyncViewModel::runningProperty), GIVE_UP, Platform::exit);
        }
    }

    /**
     * Calls {@code quit} once: when {@code running} goes from true to false, at once when there is no sync, or after
     * {@code giveUp} when no sync ended by then. On the FX thread.
     */
    static void quitAfterFirstSync(Optional<? extends ObservableBooleanValue> running, Duration giveUp, Runnable quit) {
        if (running.isEmpty()) {
            LOG.warn("Training run: the window has no sync; closing it");
            quit.run();
            return;
        }
        PauseTransition timer = new PauseTransition(giveUp);
        timer.setOnFinished(event -> {
            LOG.warn("Training run: no sync finished within {}; closing the window", giveUp);
            quit.run();
        });
        running.get().addListener((property, was, now) -> {
            if (was && !now && timer.getStatus() == Animation.Status.RUNNING) {
                LOG.info("Training run: the first sync finished; closing the window");
                timer.stop(); // quit once: the give-up must not close a second time
                quit.run();
            }
        });
        timer.play();
    }
}
