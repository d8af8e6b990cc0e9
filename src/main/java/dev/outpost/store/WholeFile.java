package dev.outpost.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file whole or not at all: the new content is written to a file beside it, then moved over it, so a
 * crash leaves the old file or the new one, never half of one.
 */
final class WholeFile {

    private WholeFile() {
    }

    /** Writes {@code content} to {@code temp}, flushed to the disk, then moves it over {@code target}. */
    static void write(Path temp, Path target, byte[] content) throws IOException {
        Files.write(temp, content);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        moveOver(temp, target);
    }

    /** Moves {@code temp} over {@code target}: atomically where the file system can, else as a plain replace. */
    static void moveOver(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
