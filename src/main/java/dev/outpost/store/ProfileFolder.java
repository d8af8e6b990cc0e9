package dev.outpost.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a profile lives: the folder given with {@code --profile}, else {@code OUTPOST_HOME}, else the
 * operating system's folder for application data.
 *
 * @param path the profile folder
 */
public record ProfileFolder(Path path) {

    /** The environment variable that points at a profile folder. */
    public static final String HOME_VARIABLE = "OUTPOST_HOME";

    /**
     * Chooses the profile folder.
     *
     * @param explicit   the folder given on the command line, if any
     * @param env        the process environment
     * @param osName     the {@code os.name} system property
     * @param userHome   the {@code user.home} system property
     */
    public static ProfileFolder choose(Optional<Path> explicit, Map<String, String> env, String osName, String userHome) {
        if (explicit.isPresent()) {
            return new ProfileFolder(explicit.get().toAbsolutePath().normalize());
        }
        String fromEnv = env.get(HOME_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new ProfileFolder(Path.of(fromEnv).toAbsolutePath().normalize());
        }
        return new ProfileFolder(appData(env, osName.toLowerCase(Locale.ROOT), Path.of(userHome)));
    }

    /** The profile folder for this process: {@code --profile}, {@code OUTPOST_HOME} or the OS default. */
    public static ProfileFolder choose(Optional<Path> explicit) {
        return choose(explicit, System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }

    private static Path appData(Map<String, String> env, String os, Path home) {
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return (local != null ? Path.of(local) : home.resolve("AppData").resolve("Local")).resolve("Outpost");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Outpost");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("outpost");
    }

    /** The folder of the HSQLDB files. */
    public Path databaseFolder() {
        return path.resolve("db");
    }

    /** The file holding the store's encryption key until the OS key store is used. */
    public Path keyFile() {
        return path.resolve("store.key");
    }

    /** The file locked while a process has the profile open. */
    public Path lockFile() {
        return path.resolve("outpost.lock");
    }

    /** The window and preference settings. */
    public Path settingsFile() {
        return path.resolve("settings.json");
    }

    public Path logFolder() {
        return path.resolve("logs");
    }
}
