package dev.outpost.ui.settings;

/**
 * Where the main window was and how big, to open it there again.
 *
 * @param x         left edge in screen coordinates, or NaN to let the window be centered
 * @param y         top edge in screen coordinates, or NaN to let the window be centered
 * @param width     width when not maximized
 * @param height    height when not maximized
 * @param maximized whether the window filled the screen
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {

    public static final double MIN_WIDTH = 760;
    public static final double MIN_HEIGHT = 480;

    /** A centered window of a comfortable size. */
    public static final WindowPlacement DEFAULT = new WindowPlacement(Double.NaN, Double.NaN, 1280, 800, false);

    public WindowPlacement {
        if (!(width >= MIN_WIDTH) || !(height >= MIN_HEIGHT) || Double.isInfinite(width) || Double.isInfinite(height)) {
            width = DEFAULT.width;
            height = DEFAULT.height;
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            x = Double.NaN;
            y = Double.NaN;
        }
    }

    /** Whether a position was remembered (else the window is centered). */
    public boolean hasPosition() {
        return !Double.isNaN(x);
    }
}
