package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/**
 * The vault on a real GNOME key ring (libsecret over D-Bus). Skipped where none answers. To run it on a
 * headless Linux (as root in CI): {@code apt-get install -y --no-install-recommends gnome-keyring libsecret-1-0},
 * then {@code dbus-run-session -- sh -c 'echo -n ci | gnome-keyring-daemon --unlock --components=secrets;
 * ./mvnw -B -Dtest=KeyRingVaultTest test'}.
 */
class KeyRingVaultTest {

    @TempDir
    Path folder;

    private final List<SecretVault> used = new ArrayList<>();

    private SecretVault keyRing(ProfileFolder profile) {
        assumeThat(System.getProperty("os.name")).startsWith("Linux");
        SecretVault vault = OsKeyStores.onThisComputer(profile, "Linux");
        if (Boolean.getBoolean("outpost.keyring.required")) {
            // CI starts a key ring for this run (.ci/run): a skip there would hide a broken key store.
            assertThat(vault.osKeyStore()).as("a GNOME key ring answers on D-Bus: " + vault.description()).isTrue();
        }
        assumeThat(vault.osKeyStore()).as("a GNOME key ring answers on D-Bus").isTrue();
        used.add(vault);
        return vault;
    }

    @AfterEach
    void leaveNoEntryInTheKeyRing() {
        for (SecretVault vault : used) {
            vault.delete(SecretVault.STORE_KEY);
            vault.delete(SecretVault.TOKEN_CACHE);
        }
    }

    @Test
    void aSecretReadsBackFromTheKeyRingAndIsGoneOnceDeleted() {
        SecretVault vault = keyRing(new ProfileFolder(folder.resolve("a")));
        byte[] secret = "token cache bytes \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);

        vault.write(SecretVault.TOKEN_CACHE, secret);
        assertThat(vault.read(SecretVault.TOKEN_CACHE)).hasValueSatisfying(s -> assertThat(s).isEqualTo(secret));

        vault.delete(SecretVault.TOKEN_CACHE);
        assertThat(vault.read(SecretVault.TOKEN_CACHE)).isEmpty();
        assertThat(vault.description()).isEqualTo("the GNOME key ring (libsecret)");
    }

    @Test
    void twoProfilesNeverShareASecret() {
        SecretVault a = keyRing(new ProfileFolder(folder.resolve("a")));
        SecretVault b = keyRing(new ProfileFolder(folder.resolve("b")));

        a.write(SecretVault.STORE_KEY, "aaaa".getBytes(StandardCharsets.US_ASCII));

        assertThat(b.read(SecretVault.STORE_KEY)).isEmpty();
    }

    @Test
    void aResetDeletesTheProfilesEntriesFromTheKeyRing() {
        ProfileFolder profile = new ProfileFolder(folder.resolve("reset"));
        SecretVault vault = keyRing(profile);
        OfflineStore.open(profile, vault).close();
        vault.write(SecretVault.TOKEN_CACHE, "cache".getBytes(StandardCharsets.US_ASCII));

        ProfileReset.of(profile, vault).remove();

        assertThat(vault.read(SecretVault.STORE_KEY)).isEmpty();
        assertThat(vault.read(SecretVault.TOKEN_CACHE)).isEmpty();
    }

    @Test
    void anOldProfilesKeyFileMovesIntoTheKeyRingAndTheStoreStillOpens() throws Exception {
        ProfileFolder profile = new ProfileFolder(folder.resolve("old"));
        Record account;
        try (OfflineStore store = OfflineStore.open(profile, new SecretFiles(profile, "old Outpost"))) {
            account = store.records().create(RecordType.ACCOUNT, Map.of("name", "Acme"));
        }
        String key = Files.readString(profile.keyFile());
        SecretVault vault = keyRing(profile);

        try (OfflineStore store = OfflineStore.open(profile, vault)) {
            assertThat(store.records().find(account.id())).contains(account);
            assertThat(store.keyInOsKeyStore()).isTrue();
        }

        assertThat(profile.keyFile()).doesNotExist();
        assertThat(vault.read(SecretVault.STORE_KEY)).hasValueSatisfying(s -> assertThat(s).asString().isEqualTo(key));
        try (var files = Files.walk(profile.path())) {
            assertThat(files.filter(Files::isRegularFile).map(f -> {
                try {
                    return Files.readString(f, StandardCharsets.ISO_8859_1);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).noneMatch(content -> content.contains(key));
        }
    }
}
