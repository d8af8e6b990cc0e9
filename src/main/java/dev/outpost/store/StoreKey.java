package dev.outpost.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES key that encrypts the offline store, kept in the profile's {@link SecretVault} under
 * {@link SecretVault#STORE_KEY} as the hexadecimal text HSQLDB takes. A profile made before the vault has it in
 * {@code store.key}: when the vault is an OS key store, the key moves there once. The key is never logged nor
 * put in a message.
 */
public final class StoreKey {

    private static final Logger LOG = LoggerFactory.getLogger(StoreKey.class);
    private static final int KEY_BYTES = 16; // HSQLDB's AES uses a 128-bit key

    private final String hex;

    private StoreKey(String hex) {
        this.hex = hex;
    }

    /**
     * The profile's key: moved from an old key file into an OS key store first if need be, read from the vault,
     * or made new when there is no store yet.
     *
     * @param storeExists whether the profile has a database: then a missing key is an error, never replaced
     * @throws StoreException when the key is missing, damaged or cannot be moved, saying what to do
     */
    public static StoreKey loadOrCreate(SecretVault vault, ProfileFolder profile, boolean storeExists) {
        if (vault.osKeyStore() && Files.exists(profile.keyFile())) {
            moveIntoVault(vault, profile.keyFile());
        }
        Optional<byte[]> kept = vault.read(SecretVault.STORE_KEY);
        if (kept.isPresent()) {
            return parse(kept.get(), vault);
        }
        if (storeExists) {
            throw new StoreException("The key of the offline store in " + profile.path() + " is missing from "
                    + vault.placeOf(SecretVault.STORE_KEY) + ". "
                    + (vault.osKeyStore() ? "" : "If it was kept in the system's key store before, open Outpost where that "
                    + "key store is available (e.g. your desktop session). ")
                    + "Restore it from a backup, or remove the profile folder to start again (unsynced changes would be lost).");
        }
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        String hex = HexFormat.of().formatHex(bytes);
        vault.write(SecretVault.STORE_KEY, hex.getBytes(StandardCharsets.US_ASCII));
        return new StoreKey(hex);
    }

    /** The key of a profile whose key file is {@code keyFile}, kept in that file (tests that open the database). */
    static StoreKey loadOrCreate(Path keyFile) {
        ProfileFolder profile = new ProfileFolder(keyFile.getParent());
        return loadOrCreate(new SecretFiles(profile, "a test's key file"), profile,
                Files.exists(profile.databaseFolder().resolve("outpost.properties")));
    }

    /**
     * Writes the old file's key into the vault, reads it back and deletes the file only when both agree, so a
     * crash or a refusing key store at any point leaves a key that opens the store. A key file still present next
     * to a key in the vault is the one the store was made with (the vault's came from it), so the file wins.
     */
    private static void moveIntoVault(SecretVault vault, Path file) {
        byte[] fromFile;
        try {
            fromFile = Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot read the store key file " + file + " (" + e.getClass().getSimpleName()
                    + ") to move it into " + vault.description() + ". Check that the file belongs to you.", e);
        }
        String hex = parse(fromFile, file.toString()).hex;
        byte[] wanted = hex.getBytes(StandardCharsets.US_ASCII);
        vault.write(SecretVault.STORE_KEY, wanted);
        boolean same = vault.read(SecretVault.STORE_KEY).map(back -> Arrays.equals(back, wanted)).orElse(false);
        if (!same) {
            throw new StoreException("The store key could not be moved from " + file + " into " + vault.description()
                    + ": it did not read back the same. The key file is kept; the store opens once the key store works.");
        }
        try {
            Files.delete(file);
        } catch (java.io.IOException e) {
            throw new StoreException("The store key was moved into " + vault.description() + " but the old key file "
                    + file + " cannot be deleted (" + e.getClass().getSimpleName() + "). Delete it yourself.", e);
        }
        LOG.info("Moved the store key from {} into {}", file.getFileName(), vault.description());
    }

    private static StoreKey parse(byte[] secret, SecretVault vault) {
        return parse(secret, vault.placeOf(SecretVault.STORE_KEY));
    }

    private static StoreKey parse(byte[] secret, String place) {
        String hex = new String(secret, StandardCharsets.US_ASCII).trim();
        if (!hex.matches("[0-9a-f]{" + KEY_BYTES * 2 + "}")) {
            throw new StoreException("The store key in " + place + " is damaged. Restore it from a backup, "
                    + "or remove the profile folder to start again (unsynced changes would be lost).");
        }
        return new StoreKey(hex);
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
