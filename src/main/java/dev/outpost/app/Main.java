package dev.outpost.app;

import java.nio.file.Path;
import java.util.Optional;

import dev.outpost.cli.OutpostCommand;

/**
 * Starts Outpost: with no command the window, with a command the CLI. This class is not a JavaFX
 * Application on purpose, so the app starts from a plain class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = OutpostCommand.run(args, Main::openWindow);
        if (exitCode != OutpostCommand.WINDOW_OPENED) {
            System.exit(exitCode);
        }
    }

    private static void openWindow(Optional<Path> profileDir) {
        DesktopApp.start(profileDir);
    }
}
