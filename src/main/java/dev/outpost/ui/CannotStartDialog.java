package dev.outpost.ui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Alert.AlertType;

import atlantafx.base.theme.PrimerLight;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says why the window cannot open (e.g. the profile is open in another Outpost) before the process
 * exits. Shown only when a display is available; the message goes to stderr either way.
 */
public final class CannotStartDialog {

    private static final Logger LOG = LoggerFactory.getLogger(CannotStartDialog.class);

    private CannotStartDialog() {
    }

    /** Shows the message and waits until the user closes it; returns at once when there is no display. */
    public static void show(String message) {
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) {
            return; // headless (tests): nobody could close it
        }
        CountDownLatch closed = new CountDownLatch(1);
        try {
            Platform.startup(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
            // Shown from a later pulse: a nested event loop inside the startup call itself never painted here.
            Platform.runLater(() -> {
                try {
                    Alert alert = new Alert(AlertType.ERROR, message);
                    alert.setTitle(UiText.get("app.title"));
                    alert.setHeaderText(UiText.get("startup.heading"));
                    alert.showAndWait();
                } finally {
                    closed.countDown();
                }
            });
            closed.await(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("No window for the startup message: {}", e.toString());
        }
    }
}
