package dev.outpost.store;

import java.util.Optional;

/**
 * Where a profile's secrets live: the store key and the sign-in token cache. The operating system's key store
 * where one works (Windows DPAPI, the macOS Keychain, the GNOME key ring through libsecret), else a file per
 * secret that only its owner may read — and then {@link #osKeyStore()} is false so the app can say so.
 *
 * <p>No implementation puts a secret in a log or an exception message.
 */
public interface SecretVault {

    /** The key that encrypts the offline store. */
    String STORE_KEY = "store-key";
    /** The sign-in's token cache (MSAL's serialized cache). */
    String TOKEN_CACHE = "token-cache";

    /** The secret of that name, empty when there is none. */
    Optional<byte[]> read(String name);

    /** Saves (or replaces) the secret of that name. */
    void write(String name, byte[] secret);

    /** Forgets the secret of that name; nothing happens when there is none. */
    void delete(String name);

    /** Where the secrets are kept, in the user's words, e.g. "the macOS Keychain". */
    String description();

    /** Where one secret is kept, for a message that says what to restore, e.g. a file's path. */
    String placeOf(String name);

    /** False when the secrets are in files only their owner can read, because no OS key store could be used. */
    boolean osKeyStore();

    /**
     * The vault for a profile on this computer: the OS key store when it works, else owner-only files. Chosen at the
     * first call of the process and the same one after, so the store key and the token cache never part ways.
     */
    static SecretVault forProfile(ProfileFolder profile) {
        return OsKeyStores.once(profile, System.getProperty("os.name", ""));
    }
}
