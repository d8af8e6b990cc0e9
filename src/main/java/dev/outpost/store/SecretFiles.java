package dev.outpost.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The fallback vault: one file per secret in the profile folder, readable only by its owner (0600). The store
 * key keeps the file it always had, {@code store.key}, so profiles made before the vault open unchanged and what
 * IT documented stays true; other secrets go to {@code secrets/}.
 */
final class SecretFiles implements SecretVault {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final ProfileFolder profile;
    private final String why;

    /**
     * @param why why no OS key store is used, in the user's words, e.g. "no key store was found"
     */
    SecretFiles(ProfileFolder profile, String why) {
        this.profile = profile;
        this.why = why;
    }

    Path fileOf(String name) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("Not a secret's name: " + name);
        }
        return STORE_KEY.equals(name) ? profile.keyFile() : profile.path().resolve("secrets").resolve(name);
    }

    @Override
    public Optional<byte[]> read(String name) {
        Path file = fileOf(name);
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("Cannot read " + file + " (" + e.getClass().getSimpleName()
                    + "). Check that the file belongs to you and that you may read it.", e);
        }
    }

    @Override
    public void write(String name, byte[] secret) {
        Path file = fileOf(name);
        Path temp = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(temp);
            // Made owner-only before the first byte goes in, so the secret is never readable by others.
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temp);
            }
            Files.write(temp, secret, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            WholeFile.moveOver(temp, file);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the write failed already; that is what the user needs to hear about
            }
            throw new StoreException("Cannot write " + file + " (" + e.getClass().getSimpleName()
                    + "). Check that you may write to the profile folder and that the disk is not full.", e);
        }
    }

    @Override
    public void delete(String name) {
        Path file = fileOf(name);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StoreException("Cannot delete " + file + " (" + e.getClass().getSimpleName()
                    + "). Close any program using it and try again.", e);
        }
    }

    @Override
    public String description() {
        return "a file only you can read: " + why;
    }

    @Override
    public String placeOf(String name) {
        return "the file " + fileOf(name);
    }

    @Override
    public boolean osKeyStore() {
        return false;
    }

    @Override
    public String toString() {
        return "SecretFiles[" + profile.path() + "]";
    }
}
