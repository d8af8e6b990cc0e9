package dev.outpost.app;


import javafx.animation.PauseTransition;
import javafx.application.Platform;

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
    private static final javafx.util.Duration GIVE_UP = javafx.util.Duration.minutes(3);

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    private TrainingRun() {
    }

    /** Closes the window after the first sync when the property asks for it; otherwise does nothing. */
    static void quitAfterFirstSyncIfAsked(MainWindow window) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        window.sync().ifPresentOrElse(TrainingRun::quitAfterFirstSync, () -> {
            LOG.warn("Training run: the window has no sync; closing it");
            Platform.exit();
        });
        PauseTransition giveUp = new PauseTransition(GIVE_UP);
        giveUp.setOnFinished(event -> {
            LOG.warn("Training run: no sync finished within {}; closing the window", GIVE_UP);
            Platform.exit();
        });
        giveUp.play();
    }

    private static void quitAfterFirstSync(SyncViewModel sync) {
        sync.runningProperty().addListener((property, was, running) -> {
            if (was && !running) {
                LOG.info("Training run: the first sync finished; closing the window");
                Platform.exit();
            }
        });
    }
}
