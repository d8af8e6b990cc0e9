package dev.outpost.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/** The token cache in a file of its own, owner-only, replaced atomically so a crash never leaves half a cache. */
final class TokenCacheFile implements TokenCacheStore {

    private final Path file;

    TokenCacheFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public Optional<byte[]> read() {
        try {
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sign-in cache " + file + ": " + e.getMessage(), e);
        }
    }

    /** Synchronized: the CRM's and Graph's tokens may be renewed at once, and both writes use one temporary file. */
    @Override
    public synchronized void write(byte[] cache) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(temp);
            createOwnerOnly(temp);
            Files.write(temp, cache);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the sign-in cache in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the sign-in cache " + file + ": " + e.getMessage(), e);
        }
    }

    /** Created with its permissions, not chmod-ed after: no moment where others could open it. */
    private static void createOwnerOnly(Path path) throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path); // Windows: the user's profile folder is already private to the user
        }
    }
}
