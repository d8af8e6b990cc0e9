package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/** The store key in an OS key store: a profile made with a key file moves it there once and keeps its data. */
class StoreKeyMoveTest {

    @TempDir
    Path folder;

    private ProfileFolder profile() {
        return new ProfileFolder(folder.resolve("profile"));
    }

    private Record oldProfileWithARecord() {
        try (OfflineStore store = OfflineStore.open(profile(), new SecretFiles(profile(), "old Outpost"))) {
            return store.records().create(RecordType.ACCOUNT, Map.of("name", "Acme", "city", "Leeds"));
        }
    }

    @Test
    void anOldProfileOpensWithItsDataAfterTheKeyMovedIntoTheKeyStore() throws Exception {
        Record account = oldProfileWithARecord();
        String keyFromFile = Files.readString(profile().keyFile()).trim();
        MemoryVault vault = new MemoryVault();

        try (OfflineStore store = OfflineStore.open(profile(), vault)) {
            assertThat(store.records().find(account.id())).contains(account);
            assertThat(store.keyInOsKeyStore()).isTrue();
            assertThat(store.secretsDescription()).isEqualTo("the test key store");
        }

        assertThat(profile().keyFile()).doesNotExist();
        assertThat(new String(vault.secrets.get(SecretVault.STORE_KEY), StandardCharsets.US_ASCII)).isEqualTo(keyFromFile);
        try (OfflineStore store = OfflineStore.open(profile(), vault)) {
            assertThat(store.records().find(account.id())).contains(account);
        }
    }

    @Test
    void aKeyStoreThatDoesNotReadBackTheKeyLeavesTheKeyFileAndTheStoreUntouched() {
        Record account = oldProfileWithARecord();
        MemoryVault garbling = new MemoryVault();
        garbling.garbled = "ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> OfflineStore.open(profile(), garbling))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("did not read back the same")
                .hasMessageContaining("The key file is kept");

        assertThat(profile().keyFile()).isRegularFile();
        try (OfflineStore store = OfflineStore.open(profile(), new SecretFiles(profile(), "old Outpost"))) {
            assertThat(store.records().find(account.id())).contains(account);
        }
    }

    @Test
    void aKeyFileLeftNextToAMovedKeyByACrashIsDeletedAtTheNextOpen() throws Exception {
        Record account = oldProfileWithARecord();
        MemoryVault vault = new MemoryVault();
        vault.write(SecretVault.STORE_KEY, Files.readAllBytes(profile().keyFile())); // crashed before the delete

        try (OfflineStore store = OfflineStore.open(profile(), vault)) {
            assertThat(store.records().find(account.id())).contains(account);
        }
        assertThat(profile().keyFile()).doesNotExist();
    }

    @Test
    void aNewProfileOnAKeyStoreWritesNoKeyFile() {
        MemoryVault vault = new MemoryVault();

        OfflineStore.open(profile(), vault).close();

        assertThat(profile().keyFile()).doesNotExist();
        assertThat(vault.secrets).containsOnlyKeys(SecretVault.STORE_KEY);
    }

    @Test
    void aKeyMissingFromTheKeyStoreIsNotReplacedByANewOne() {
        MemoryVault vault = new MemoryVault();
        OfflineStore.open(profile(), vault).close();
        vault.secrets.clear();

        assertThatThrownBy(() -> OfflineStore.open(profile(), vault))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is missing from the test key store's entry store-key")
                .hasMessageContaining("Restore it from a backup");
        assertThat(vault.secrets).isEmpty();
    }
}
