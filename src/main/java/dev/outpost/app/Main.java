package dev.outpost.app;

import java.nio.file.Path;
import java.util.Optional;

import dev.outpost.cli.OutpostCommand;
import dev.outpost.store.ProfileFolder;

/**
 * Starts Outpost: with no command the window, with a command the CLI. This class is not a JavaFX
 * Application on purpose, so the app starts from a plain class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Logging reads this once, at the first logger: it must be set before anything logs.
        if (System.getProperty("outpost.logs") == null) {
            System.setProperty("outpost.logs", ProfileFolder.choose(profileArgument(args)).logFolder().toString());
        }
        System.exit(OutpostCommand.run(args, DesktopApp::start));
    }

    /** The {@code --profile} value, read ahead of picocli only to place the log files. */
    static Optional<Path> profileArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--profile") && i + 1 < args.length) {
                return Optional.of(Path.of(args[i + 1]));
            }
            if (args[i].startsWith("--profile=")) {
                return Optional.of(Path.of(args[i].substring("--profile=".length())));
            }
        }
        return Optional.empty();
    }
}
