package dev.outpost.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The key of a file-backed demo database, in a file only its owner can read. The offline store has its
 * own key class; the demo package may not depend on the store, and this is sample data, so a plain
 * 0600 key file is all it needs.
 */
final class DemoKey {

    private DemoKey() {
    }

    static String loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            byte[] key = new byte[16];
            new SecureRandom().nextBytes(key);
            String hex = HexFormat.of().formatHex(key);
            Files.createDirectories(file.getParent());
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, hex, StandardCharsets.US_ASCII);
            return hex;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the demo data's key " + file, e);
        }
    }
}
