package dev.outpost.sync.properties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;

/**
 * Fresh, migrated, empty profiles for property tries. Creating and migrating an encrypted HSQLDB store
 * costs far more than copying its few files, so one empty profile is made per JVM and copied for every
 * try. The copies live in tmpfs ({@code /dev/shm}) where there is one: the store syncs its log on every
 * commit, and a try commits hundreds of times.
 */
final class EmptyProfiles {

    private static Path root;
    private static Path template;

    private EmptyProfiles() {
    }

    /** A profile folder of its own holding an empty store, ready to open. */
    static ProfileFolder freshCopy() {
        Path from = template();
        try {
            Path to = Files.createTempDirectory(root, "try-");
            Files.createDirectories(to.resolve("db"));
            Files.copy(from.resolve("store.key"), to.resolve("store.key"));
            try (Stream<Path> files = Files.list(from.resolve("db"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, to.resolve("db").resolve(file.getFileName()));
                }
            }
            return new ProfileFolder(to);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the empty profile " + from, e);
        }
    }

    /** Removes a profile folder made by {@link #freshCopy()}; its store must be closed. */
    static void delete(ProfileFolder profile) {
        deleteTree(profile.path());
    }

    /**
     * Removes the empty profile and every copy left, once the properties are done. Not left to a shutdown
     * hook alone: surefire may end its JVM without running hooks, and tmpfs is memory.
     */
    static synchronized void deleteAll() {
        if (root != null) {
            deleteTree(root);
            root = null;
            template = null;
        }
    }

    private static synchronized Path template() {
        if (template == null) {
            try {
                Path shm = Path.of("/dev/shm");
                root = Files.isDirectory(shm) && Files.isWritable(shm)
                        ? Files.createTempDirectory(shm, "outpost-props-")
                        : Files.createTempDirectory("outpost-props-");
                Path folder = root.resolve("template");
                OfflineStore.open(new ProfileFolder(folder)).close();
                Files.deleteIfExists(folder.resolve("outpost.lock"));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
                template = folder;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot make the empty profile for property tries", e);
            }
        }
        return template;
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + folder, e);
        }
    }
}
