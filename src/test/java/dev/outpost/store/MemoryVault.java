package dev.outpost.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An OS key store stand-in for tests: secrets in memory, {@link #osKeyStore()} true. */
final class MemoryVault implements SecretVault {

    final Map<String, byte[]> secrets = new ConcurrentHashMap<>();
    /** When set, reads return this instead of what was written: a key store that garbles secrets. */
    volatile byte[] garbled;

    @Override
    public Optional<byte[]> read(String name) {
        byte[] secret = secrets.get(name);
        return Optional.ofNullable(secret == null ? null : garbled != null ? garbled : secret.clone());
    }

    @Override
    public void write(String name, byte[] secret) {
        secrets.put(name, secret.clone());
    }

    @Override
    public void delete(String name) {
        secrets.remove(name);
    }

    @Override
    public String description() {
        return "the test key store";
    }

    @Override
    public String placeOf(String name) {
        return "the test key store's entry " + name;
    }

    @Override
    public boolean osKeyStore() {
        return true;
    }
}
