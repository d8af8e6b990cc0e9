package dev.outpost.ui.main;

import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import dev.outpost.ui.settings.WindowPlacement;

/** Puts the window where it was last time and reports where it goes from now on. */
final class WindowPlacementTracker {

    private WindowPlacementTracker() {
    }

    /**
     * Applies remembered bounds; a position off every screen (a monitor unplugged) is dropped, and a size larger than
     * the screen (remembered from a bigger monitor) shrinks to it, so the status bar is never below the screen's edge.
     */
    static void restore(Stage stage, WindowPlacement placement) {
        boolean placed = placement.hasPosition() && onSomeScreen(placement);
        Rectangle2D screen = (placed ? Screen.getScreensForRectangle(placement.x(), placement.y(), 1, 1).stream()
                .findFirst().orElse(Screen.getPrimary()) : Screen.getPrimary()).getVisualBounds();
        double width = Math.min(placement.width(), screen.getWidth());
        double height = Math.min(placement.height(), screen.getHeight());
        stage.setWidth(width);
        stage.setHeight(height);
        if (placed) {
            stage.setX(Math.max(screen.getMinX(), Math.min(placement.x(), screen.getMaxX() - width)));
            stage.setY(Math.max(screen.getMinY(), Math.min(placement.y(), screen.getMaxY() - height)));
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(placement.maximized());
    }

    /** Calls {@code onChange} with the window's normal bounds and maximized state after each change. */
    static void track(Stage stage, WindowPlacement initial, Consumer<WindowPlacement> onChange) {
        WindowPlacement[] normal = {initial};
        InvalidationListener changed = obs ->
                // Later, because maximizing changes the bounds before the maximized flag: by then both are set.
                Platform.runLater(() -> {
                    if (stage.isIconified()) {
                        return;
                    }
                    if (!stage.isMaximized()) {
                        normal[0] = new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
                    }
                    WindowPlacement last = normal[0];
                    onChange.accept(new WindowPlacement(last.x(), last.y(), last.width(), last.height(), stage.isMaximized()));
                });
        stage.xProperty().addListener(changed);
        stage.yProperty().addListener(changed);
        stage.widthProperty().addListener(changed);
        stage.heightProperty().addListener(changed);
        stage.maximizedProperty().addListener(changed);
    }

    private static boolean onSomeScreen(WindowPlacement placement) {
        // The title bar must be reachable: its top strip has to touch a screen.
        return !Screen.getScreensForRectangle(placement.x(), placement.y(), Math.min(placement.width(), 200), 40).isEmpty();
    }
}
