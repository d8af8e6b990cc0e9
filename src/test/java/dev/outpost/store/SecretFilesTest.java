package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fallback vault: owner-only files in the profile, and the choice of it where no OS key store works. */
class SecretFilesTest {

    private static final byte[] SECRET = "s3cr3t-value-Qwertz".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path folder;

    private ProfileFolder profile() {
        return new ProfileFolder(folder.resolve("profile"));
    }

    private SecretFiles vault() {
        return new SecretFiles(profile(), "no key store was found");
    }

    @Test
    void aSecretReadsBackAsWritten() {
        vault().write(SecretVault.TOKEN_CACHE, SECRET);

        assertThat(vault().read(SecretVault.TOKEN_CACHE)).hasValueSatisfying(s -> assertThat(s).isEqualTo(SECRET));
    }

    @Test
    void aSecretNeverWrittenReadsAsEmpty() {
        assertThat(vault().read(SecretVault.TOKEN_CACHE)).isEmpty();
    }

    @Test
    void writingAgainReplacesTheSecretAndLeavesNoTemporaryFile() throws Exception {
        vault().write(SecretVault.TOKEN_CACHE, SECRET);
        vault().write(SecretVault.TOKEN_CACHE, "other".getBytes(StandardCharsets.US_ASCII));

        assertThat(vault().read(SecretVault.TOKEN_CACHE)).hasValueSatisfying(s -> assertThat(s).asString().isEqualTo("other"));
        try (var files = Files.list(profile().path().resolve("secrets"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("token-cache");
        }
    }

    @Test
    void aSecretFileIsReadableOnlyByItsOwner() throws Exception {
        assumeThat(folder.getFileSystem().supportedFileAttributeViews()).contains("posix");
        vault().write(SecretVault.TOKEN_CACHE, SECRET);
        vault().write(SecretVault.STORE_KEY, SECRET);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(vault().fileOf(SecretVault.TOKEN_CACHE))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(profile().keyFile()))).isEqualTo("rw-------");
    }

    @Test
    void theStoreKeyKeepsTheKeyFileProfilesAlwaysHad() {
        vault().write(SecretVault.STORE_KEY, SECRET);

        assertThat(profile().keyFile()).hasBinaryContent(SECRET);
    }

    @Test
    void deletingRemovesTheFileAndDeletingNothingIsFine() {
        vault().write(SecretVault.TOKEN_CACHE, SECRET);

        vault().delete(SecretVault.TOKEN_CACHE);
        vault().delete(SecretVault.TOKEN_CACHE);

        assertThat(vault().fileOf(SecretVault.TOKEN_CACHE)).doesNotExist();
        assertThat(vault().read(SecretVault.TOKEN_CACHE)).isEmpty();
    }

    @Test
    void aFailedWriteNamesTheFileButNeverTheSecret() throws Exception {
        Files.createDirectories(profile().path());
        Files.writeString(profile().path().resolve("secrets"), "a file where the folder should be");

        assertThatThrownBy(() -> vault().write(SecretVault.TOKEN_CACHE, SECRET))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("secrets")
                .hasMessageContaining("Check that you may write")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void theVaultSaysItIsNotAnOsKeyStoreAndWhy() {
        assertThat(vault().osKeyStore()).isFalse();
        assertThat(vault().description()).isEqualTo("a file only you can read: no key store was found");
        assertThat(vault().placeOf(SecretVault.STORE_KEY)).contains(profile().keyFile().toString());
    }

    @Test
    void withoutAKeyRingLinuxFallsBackToFilesAndSaysSo() {
        assumeThat(System.getenv("DBUS_SESSION_BUS_ADDRESS")).as("no D-Bus session: no key ring can answer").isNull();

        SecretVault vault = OsKeyStores.onThisComputer(profile(), "Linux");

        assertThat(vault.osKeyStore()).isFalse();
        assertThat(vault.description()).contains("no key store was found");
    }

    @Test
    void filesCanBeChosenOnPurpose() {
        String before = System.getProperty("outpost.secrets");
        System.setProperty("outpost.secrets", "files");
        try {
            assertThat(OsKeyStores.forProfile(profile(), "Mac OS X").osKeyStore()).isFalse();
        } finally {
            if (before == null) {
                System.clearProperty("outpost.secrets");
            } else {
                System.setProperty("outpost.secrets", before);
            }
        }
    }

    @Test
    void aStoreOnFilesSaysItsKeyIsNotInAnOsKeyStore() {
        try (OfflineStore store = OfflineStore.open(profile(), vault())) {
            assertThat(store.keyInOsKeyStore()).isFalse();
            assertThat(store.secretsDescription()).contains("a file only you can read");
        }
    }

    @Test
    void aProfileGetsOneVaultForTheWholeProcessAndAnotherProfileItsOwn() {
        ProfileFolder profile = profile();
        SecretVault first = SecretVault.forProfile(profile);
        first.write(SecretVault.TOKEN_CACHE, new byte[] {1, 2, 3});

        assertThat(SecretVault.forProfile(new ProfileFolder(profile.path().resolve("..").resolve(profile.path().getFileName()))))
                .as("the same folder written another way").isSameAs(first);
        assertThat(SecretVault.forProfile(new ProfileFolder(folder.resolve("another")))).isNotSameAs(first);
    }
}
