package dev.outpost.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps the log folder small: each launch writes its own file (see logback.xml), and only the newest
 * few are kept. Logback's rolling policies prune by time period, not by launch, hence this.
 */
final class LogFolder {

    private LogFolder() {
    }

    /** Deletes all but the {@code keep} newest {@code outpost-*.log} files; a failure only leaves files behind. */
    static void keepNewest(Path folder, int keep) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> logs = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "outpost-*.log")) {
            files.forEach(logs::add);
        } catch (IOException e) {
            return;
        }
        // The names hold the launch time as yyyy-MM-dd_HH-mm-ss, so name order is time order.
        logs.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        for (Path old : logs.subList(Math.min(keep, logs.size()), logs.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                // Still in use by another launch or not ours to delete: leave it.
            }
        }
    }
}
