package dev.outpost.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A random id made once per profile folder. The OS key store is shared by all of a user's profiles, so its
 * entries carry this id: two profiles never share a store key or a token cache.
 */
final class ProfileId {

    private ProfileId() {
    }

    static String of(ProfileFolder profile) {
        Path file = profile.path().resolve("profile.id");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(profile.path());
                try {
                    Files.writeString(Files.createFile(file), UUID.randomUUID().toString(), StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException e) {
                    // another process made it first: use its id
                }
            }
            String id = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!id.matches("[0-9a-f-]{36}")) {
                throw new StoreException("The profile's id file " + file + " is damaged. Restore it from a backup: "
                        + "it names this profile's entries in the system's key store.");
            }
            return id;
        } catch (IOException e) {
            throw new StoreException("Cannot read or create " + file + ": " + e.getMessage()
                    + ". Check that you may write to the profile folder.", e);
        }
    }
}
