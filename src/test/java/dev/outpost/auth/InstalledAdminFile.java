package dev.outpost.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An admin file named by {@code -Doutpost.admin.file} for the length of a test, as IT would install it; closing it
 * puts the property back as it was, so no other test sees it.
 */
public final class InstalledAdminFile implements AutoCloseable {

    private final String before;
    public final Path path;

    private InstalledAdminFile(Path path) {
        this.before = System.getProperty(AdminDefaults.FILE_PROPERTY);
        this.path = path;
        System.setProperty(AdminDefaults.FILE_PROPERTY, path.toString());
    }

    /** Writes {@code json} to {@code outpost-admin.json} in {@code folder} and makes it this installation's. */
    public static InstalledAdminFile of(Path folder, String json) {
        try {
            Files.createDirectories(folder);
            return new InstalledAdminFile(Files.writeString(folder.resolve(AdminDefaults.FILE_NAME), json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (before == null) {
            System.clearProperty(AdminDefaults.FILE_PROPERTY);
        } else {
            System.setProperty(AdminDefaults.FILE_PROPERTY, before);
        }
    }
}
