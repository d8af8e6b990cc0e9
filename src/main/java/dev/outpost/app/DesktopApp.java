package dev.outpost.app;

import java.nio.file.Path;
import java.util.Optional;

/** Placeholder until the window is built: the UI work replaces this class. */
public final class DesktopApp {

    private DesktopApp() {
    }

    /** Opens the main window on the profile (blocks until the window closes). */
    public static void start(Optional<Path> profileDir) {
        throw new UnsupportedOperationException("The window is not built yet");
    }
}
