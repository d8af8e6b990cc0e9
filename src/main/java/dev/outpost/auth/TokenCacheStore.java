package dev.outpost.auth;

import java.nio.file.Path;
import java.util.Optional;

import dev.outpost.store.SecretVault;

/**
 * Where a profile's MSAL token cache (its refresh and access tokens) is kept between runs. The profile's secret
 * vault is the real home (the OS key store); a plain file is for tests and for systems without a key store.
 */
public interface TokenCacheStore {

    /** The cache as last written, if any. */
    Optional<byte[]> read();

    /** Replaces the cache. */
    void write(byte[] cache);

    /** Forgets the cache (sign out, reset). */
    void delete();

    /**
     * A cache in a file readable only by its owner (mode 0600 where the file system has POSIX permissions). Not
     * encrypted: anyone who can read the file as its owner holds the refresh token.
     */
    static TokenCacheStore inFile(Path file) {
        return new TokenCacheFile(file);
    }

    /** The cache in the profile's secret vault: the OS key store where there is one (DESIGN.md, "Local store"). */
    static TokenCacheStore inVault(SecretVault vault) {
        return new TokenCacheStore() {
            @Override
            public Optional<byte[]> read() {
                return vault.read(SecretVault.TOKEN_CACHE);
            }

            @Override
            public synchronized void write(byte[] cache) {
                vault.write(SecretVault.TOKEN_CACHE, cache);
            }

            @Override
            public void delete() {
                vault.delete(SecretVault.TOKEN_CACHE);
            }
        };
    }
}
