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

    private static final int KEPT_LOGS = 10;

    private Main() {
    }

    public static void main(String[] args) {
        // Logging reads this once, at the first logger: it must be set before anything logs.
        if (System.getProperty("outpost.logs") == null) {
            Path logs = ProfileFolder.choose(profileArgument(args)).logFolder();
            LogFolder.keepNewest(logs, KEPT_LOGS - 1); // this launch's file is about to be made
            System.setProperty("outpost.logs", logs.toString());
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
