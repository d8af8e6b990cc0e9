package dev.outpost.ui;

import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.stage.Screen;

/**
 * Keeps a long, wrapped tooltip on the screen. JavaFX places a tooltip below and right of the mouse before it knows
 * the wrapped text's height, so next to the status bar of a maximized window, or the editor at the right edge, part
 * of it ended up off the screen.
 */
public final class ScreenFit {

    private ScreenFit() {
    }

    /** Once shown, moves the tooltip above {@code owner} when it runs off the bottom, and left when off the right. */
    public static void keepOnScreen(Tooltip tooltip, Node owner) {
        tooltip.setOnShown(event -> fit(tooltip, owner));
    }

    private static void fit(Tooltip tooltip, Node owner) {
        Bounds ownerOnScreen = owner.localToScreen(owner.getBoundsInLocal());
        if (ownerOnScreen == null) {
            return;
        }
        Rectangle2D screen = Screen.getScreensForRectangle(ownerOnScreen.getMinX(), ownerOnScreen.getMinY(), 1, 1).stream()
                .findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        if (tooltip.getY() + tooltip.getHeight() > screen.getMaxY()) {
            tooltip.setY(Math.max(screen.getMinY(), ownerOnScreen.getMinY() - tooltip.getHeight() - 4));
        }
        if (tooltip.getX() + tooltip.getWidth() > screen.getMaxX()) {
            tooltip.setX(Math.max(screen.getMinX(), screen.getMaxX() - tooltip.getWidth()));
        }
    }
}
