package dev.outpost.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.aad.msal4jextensions.persistence.CacheFileAccessor;
import com.microsoft.aad.msal4jextensions.persistence.ICacheAccessor;
import com.microsoft.aad.msal4jextensions.persistence.mac.KeyChainAccessor;

/**
 * Chooses a profile's {@link SecretVault}: the operating system's key store through Microsoft's
 * msal4j-persistence-extension (the library MSAL4J's own token cache persistence uses: its DPAPI and Keychain
 * accessors, and its JNA binding of libsecret, see {@link LibSecretEntry}), or owner-only files when none works.
 * Entries carry the profile's {@link ProfileId}, so two profiles never share one. {@code -Doutpost.secrets=files} forces the files, e.g. for tests that must not fill a
 * developer's key ring.
 */
final class OsKeyStores {

    private static final Logger LOG = LoggerFactory.getLogger(OsKeyStores.class);
    /** The name under which libsecret and the Keychain list Outpost's entries. */
    static final String SERVICE = "dev.outpost.Outpost";
    /**
     * Set once libsecret (or JNA) failed to load: that does not heal while the process runs, so later profiles
     * skip the probe and its warning. A key ring that did not answer is asked again for another profile, or at the
     * next start (it may have been unlocked meanwhile).
     */
    private static volatile boolean noKeyRingLibrary;

    private OsKeyStores() {
    }

    /**
     * The vault chosen for each profile in this process, keyed by its folder and {@code outpost.secrets}: the key
     * store is probed once per profile, not at every sync (the sign-in asks for the vault before each one), and a key
     * ring that answers only now and then can never split a profile's secrets between it and the files.
     */
    private static final Map<String, SecretVault> CHOSEN = new ConcurrentHashMap<>();

    /** The profile's vault, chosen at the first call of this process and the same one after. */
    static SecretVault once(ProfileFolder profile, String osName) {
        String key = profile.path().toAbsolutePath().normalize() + "\n" + System.getProperty("outpost.secrets", "");
        return CHOSEN.computeIfAbsent(key, k -> forProfile(profile, osName));
    }

    static SecretVault forProfile(ProfileFolder profile, String osName) {
        if ("files".equals(System.getProperty("outpost.secrets"))) {
            return new SecretFiles(profile, "the key store is turned off (outpost.secrets=files)");
        }
        return onThisComputer(profile, osName);
    }

    /** The OS key store when one works, whatever {@code outpost.secrets} says (the key ring's own tests). */
    static SecretVault onThisComputer(ProfileFolder profile, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path stamps = profile.path().resolve("secrets");
        try {
            if (os.startsWith("windows")) {
                // CacheFileAccessor encrypts with DPAPI on Windows: only this Windows user can decrypt the file.
                return new AccessorVault("Windows (DPAPI)", name -> new CacheFileAccessor(
                        inFolder(stamps.resolve(name + ".dpapi")).toString()), name -> "the file " + stamps.resolve(name + ".dpapi")
                        + " (encrypted by Windows for you)");
            }
            String id = ProfileId.of(profile);
            if (os.startsWith("mac")) {
                return new AccessorVault("the macOS Keychain", name -> new KeyChainAccessor(
                        stamp(stamps.resolve(name + ".changed")).toString(), SERVICE, id + "/" + name),
                        name -> "the macOS Keychain entry " + SERVICE + " " + id + "/" + name);
            }
            if (noKeyRingLibrary) {
                return new SecretFiles(profile, "no key store was found");
            }
            Function<String, LibSecretEntry> keyRing = name -> new LibSecretEntry(SERVICE,
                    "Outpost " + name + " (profile " + profile.path() + ")", id, name);
            keyRing.apply("probe").verify(); // fails without D-Bus, a key ring daemon or libsecret
            return new AccessorVault("the GNOME key ring (libsecret)", keyRing::apply,
                    name -> "the key ring entry \"Outpost " + name + " (profile " + profile.path() + ")\"");
        } catch (RuntimeException | Error e) {
            // JNA reports a libsecret that loaded but could not reach a key ring (no D-Bus) as a plain Error.
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            noKeyRingLibrary |= e instanceof LinkageError && !os.startsWith("windows") && !os.startsWith("mac");
            LOG.warn("No usable key store on this computer ({}); secrets are kept in owner-only files", e.toString());
            return new SecretFiles(profile, "no key store was found");
        }
    }

    /**
     * The Keychain and key ring accessors touch a file after each write (MSAL's token cache watches it to reload):
     * it must exist. It stays empty; the secret is in the OS key store.
     */
    private static Path stamp(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            return file;
        } catch (FileAlreadyExistsException e) {
            return file;
        } catch (IOException e) {
            throw new StoreException("Cannot create " + file + ": " + e.getMessage()
                    + ". Check that you may write to the profile folder.", e);
        }
    }

    private static Path inFolder(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return file;
        } catch (IOException e) {
            throw new StoreException("Cannot create " + file.getParent() + ": " + e.getMessage()
                    + ". Check that you may write to the profile folder.", e);
        }
    }

    /** A vault on one of the extension's accessors, one accessor (one entry) per secret. */
    private record AccessorVault(String description, Function<String, ICacheAccessor> accessor,
                                 Function<String, String> place) implements SecretVault {

        @Override
        public java.util.Optional<byte[]> read(String name) {
            try {
                byte[] secret = accessor.apply(name).read();
                return secret == null || secret.length == 0 ? java.util.Optional.empty() : java.util.Optional.of(secret);
            } catch (RuntimeException | Error e) {
                throw failed("read", name, e);
            }
        }

        @Override
        public void write(String name, byte[] secret) {
            try {
                accessor.apply(name).write(secret);
            } catch (RuntimeException | Error e) {
                throw failed("save", name, e);
            }
        }

        @Override
        public void delete(String name) {
            try {
                accessor.apply(name).delete();
            } catch (RuntimeException | Error e) {
                throw failed("delete", name, e);
            }
        }

        @Override
        public String placeOf(String name) {
            return place.apply(name);
        }

        @Override
        public boolean osKeyStore() {
            return true;
        }

        private StoreException failed(String what, String name, Throwable e) {
            // The library's messages name the operation and the OS error, never the secret.
            return new StoreException("Cannot " + what + " " + placeOf(name) + " in " + description + ": "
                    + e.getMessage() + ". Check that the key store is unlocked and try again.", e);
        }
    }
}
