package dev.outpost.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The AES key that encrypts the offline store. For now it lives in a key file only its owner can read
 * (0600); the OS key store replaces the file later. The key is never logged nor put in a message.
 */
public final class StoreKey {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int KEY_BYTES = 16; // HSQLDB's AES uses a 128-bit key

    private final String hex;

    private StoreKey(String hex) {
        this.hex = hex;
    }

    /** Reads the key file, or makes a new key file when there is none. */
    public static StoreKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            byte[] bytes = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(bytes);
            String hex = HexFormat.of().formatHex(bytes);
            write(file, hex);
            return new StoreKey(hex);
        } catch (FileAlreadyExistsException e) {
            return read(file); // another process made it first
        } catch (IOException e) {
            throw new StoreException("Cannot create the store key file " + file + ": " + e.getMessage()
                    + ". Check that you may write to the profile folder.", e);
        }
    }

    private static StoreKey read(Path file) {
        try {
            String hex = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!hex.matches("[0-9a-f]{" + KEY_BYTES * 2 + "}")) {
                throw new StoreException("The store key file " + file + " is damaged. Restore it from a backup, "
                        + "or remove the profile folder to start again (unsynced changes would be lost).");
            }
            return new StoreKey(hex);
        } catch (IOException e) {
            throw new StoreException("Cannot read the store key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String hex) throws IOException {
        Files.createDirectories(file.getParent());
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, hex, StandardCharsets.US_ASCII);
    }

    /** The key in the hexadecimal form HSQLDB's {@code crypt_key} takes. */
    String hex() {
        return hex;
    }

    @Override
    public String toString() {
        return "StoreKey[hidden]";
    }
}
