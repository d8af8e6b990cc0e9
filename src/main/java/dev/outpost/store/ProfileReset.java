package dev.outpost.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what a profile holds of its old identity when the user or the server changes: the database, the store
 * key and the token cache (through the {@link SecretVault}), the saved identity and connection, and the log
 * files' contents. Only the window settings ({@code settings.json}), the lock file and the profile's id stay.
 *
 * <p>Crash-safe: a marker file is made durable before anything is deleted. Until it exists nothing has changed;
 * once it exists the removal is finished by whoever opens the profile next ({@link OfflineStore#open}), so a crash
 * leaves either the old profile whole or, at the next open, an empty one — never a mix. Write the new identity
 * only after {@link #remove} returns.
 */
public final class ProfileReset {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileReset.class);
    static final String MARKER = "reset-in-progress";
    /** What a reset keeps: nothing in them belongs to an identity. */
    private static final Set<String> KEPT = Set.of("settings.json", "outpost.lock", "profile.id", MARKER, "logs");

    private final ProfileFolder profile;
    private final SecretVault vault;
    private final Consumer<String> step;

    private ProfileReset(ProfileFolder profile, SecretVault vault, Consumer<String> step) {
        this.profile = profile;
        this.vault = vault;
        this.step = step;
    }

    public static ProfileReset of(ProfileFolder profile, SecretVault vault) {
        return new ProfileReset(profile, vault, name -> { });
    }

    /** The same reset, calling {@code step} after each step with its name: tests make it throw to crash there. */
    ProfileReset onStep(Consumer<String> step) {
        return new ProfileReset(profile, vault, step);
    }

    /**
     * Removes the old identity's data, taking the profile lock for the time it takes.
     *
     * @throws ProfileInUseException when the store is open, here or in another process: close it first
     * @throws StoreException        when something cannot be deleted; the next open finishes the removal
     */
    public void remove() {
        try (ProfileLock lock = ProfileLock.take(profile)) {
            remove(lock);
        }
    }

    /**
     * Removes the old identity's data while the caller holds the profile lock (and has closed the store).
     *
     * @throws IllegalArgumentException when the lock is not this profile's, or no longer held
     */
    public void remove(ProfileLock lock) {
        if (!lock.guards(profile)) {
            throw new IllegalArgumentException("The reset of " + profile.path() + " needs that profile's lock");
        }
        step.accept("starting");
        mark();
        step.accept("marked");
        finish();
        LOG.info("Removed the old identity's data from {}", profile.path());
    }

    /** Whether a reset was interrupted: the old identity's data is then treated as gone. */
    public static boolean interrupted(ProfileFolder profile) {
        return Files.exists(profile.path().resolve(MARKER));
    }

    /** Finishes a reset a crash interrupted; called with the profile lock held, before the store opens. */
    static void finishInterrupted(ProfileFolder profile, SecretVault vault) {
        if (interrupted(profile)) {
            LOG.warn("Finishing a reset of {} that was interrupted", profile.path());
            new ProfileReset(profile, vault, name -> { }).finish();
        }
    }

    private void mark() {
        Path marker = profile.path().resolve(MARKER);
        Path temp = profile.path().resolve(MARKER + ".new");
        try {
            WholeFile.write(temp, marker, "The old identity's data is being removed.\n".getBytes(StandardCharsets.US_ASCII));
            syncFolder(profile.path());
        } catch (IOException e) {
            throw new StoreException("Cannot start removing the old data from " + profile.path() + " (" + e.getMessage()
                    + "). Nothing was removed. Check that you may write to the profile folder.", e);
        }
    }

    /** Every step may run again after a crash: each deletes what is left and ignores what is gone. */
    private void finish() {
        // The key first: without it whatever of the database a failure leaves behind cannot be read.
        vault.delete(SecretVault.STORE_KEY);
        step.accept("store key deleted");
        vault.delete(SecretVault.TOKEN_CACHE);
        step.accept("token cache deleted");
        deleteTree(profile.databaseFolder());
        step.accept("database deleted");
        try (Stream<Path> files = Files.list(profile.path())) {
            for (Path file : files.filter(f -> !KEPT.contains(f.getFileName().toString())).toList()) {
                deleteTree(file);
            }
        } catch (IOException e) {
            throw failed(profile.path(), e);
        }
        step.accept("identity deleted");
        clearLogs();
        step.accept("logs cleared");
        try {
            Files.deleteIfExists(profile.path().resolve(MARKER));
            syncFolder(profile.path());
        } catch (IOException e) {
            throw failed(profile.path().resolve(MARKER), e);
        }
    }

    /**
     * Empties every log file, then deletes all but the newest: that one is most likely this launch's, still open,
     * and keeping it (empty) lets this launch's logging go on where a user can find it.
     */
    private void clearLogs() {
        Path logs = profile.logFolder();
        if (!Files.isDirectory(logs)) {
            return;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listed = Files.walk(logs)) {
            listed.filter(Files::isRegularFile).forEach(files::add);
        } catch (IOException e) {
            throw failed(logs, e);
        }
        files.sort(Comparator.comparing(ProfileReset::modified).reversed());
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(0);
                channel.force(true);
            } catch (IOException e) {
                throw failed(file, e);
            }
            if (i > 0) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warn("Emptied but could not delete the old log file {}: {}", file.getFileName(), e.getMessage());
                }
            }
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(path);
                } catch (NoSuchFileException gone) {
                    // deleted meanwhile: what we wanted
                }
            }
        } catch (IOException e) {
            throw failed(root, e);
        }
    }

    /** Makes a rename in the folder durable (where the OS allows opening a folder; Windows does not). */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // NTFS journals renames itself
        }
    }

    private static StoreException failed(Path path, IOException e) {
        return new StoreException("Cannot remove " + path + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                + "). Close any program using it; the removal is finished the next time Outpost opens this profile.", e);
    }
}
