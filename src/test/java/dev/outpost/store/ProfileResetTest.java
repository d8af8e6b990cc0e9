package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/** Removing the old identity's data: nothing of it stays, and a crash at any step leaves no mix. */
class ProfileResetTest {

    private static final String MARKER = "Qjxvbzkw";
    private static final String SETTINGS = "{\"theme\": \"dark\", \"window\": [10, 20, 800, 600]}";
    private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE);

    @TempDir
    Path folder;

    private ProfileFolder profile() {
        return new ProfileFolder(folder.resolve("profile"));
    }

    private SecretVault vault() {
        return new SecretFiles(profile(), "no key store was found");
    }

    private static final class Crash extends RuntimeException {
        Crash(String step) {
            super("crashed after " + step);
        }
    }

    /** A profile of an old identity: records, a token cache, its identity and connection, window settings and logs. */
    private Record oldProfile() throws IOException {
        Record account;
        try (OfflineStore store = OfflineStore.open(profile(), vault())) {
            account = store.records().create(RecordType.ACCOUNT, Map.of("name", MARKER + " Ltd", "city", MARKER));
            store.records().create(RecordType.TASK, Map.of("subject", "Call " + MARKER, "notes", (MARKER + " ").repeat(300)));
        }
        vault().write(SecretVault.TOKEN_CACHE, ("{\"refresh\": \"" + MARKER + "\"}").getBytes(StandardCharsets.UTF_8));
        new ProfileIdentity(URI.create("https://old.crm.dynamics.com"), MARKER + "@old.example", "t1").write(profile());
        Files.writeString(profile().path().resolve("connection.json"), "{\"crmUrl\": \"https://" + MARKER + ".example\"}");
        Files.writeString(profile().settingsFile(), SETTINGS);
        Files.createDirectories(profile().logFolder());
        Path older = profile().logFolder().resolve("outpost-2026-11-20_09-00-00.log");
        Files.writeString(older, "opened " + MARKER + "\n");
        Files.setLastModifiedTime(older, FileTime.from(Instant.now().minusSeconds(3600)));
        Files.writeString(profile().logFolder().resolve("outpost-2026-11-21_09-00-00.log"), "this launch " + MARKER + "\n");
        return account;
    }

    private String oldKey() throws IOException {
        return Files.readString(profile().keyFile()).trim();
    }

    private Map<String, byte[]> oldDataPatterns(String key) {
        Map<String, byte[]> patterns = new LinkedHashMap<>();
        for (Charset encoding : ENCODINGS) {
            patterns.put("the marker in " + encoding, MARKER.getBytes(encoding));
            patterns.put("the old key in " + encoding, key.getBytes(encoding));
        }
        patterns.put("the old key's bytes", HexFormat.of().parseHex(key));
        return patterns;
    }

    /** Every file of the profile holding a pattern, e.g. "db/outpost.log: the marker in UTF-8". */
    private List<String> findings(Map<String, byte[]> patterns) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(profile().path())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                patterns.forEach((name, pattern) -> {
                    if (content.contains(new String(pattern, StandardCharsets.ISO_8859_1))) {
                        found.add(profile().path().relativize(file) + ": " + name);
                    }
                });
            }
        }
        return found;
    }

    @Test
    void theScanFindsTheOldDataBeforeTheReset() throws IOException {
        oldProfile();

        assertThat(findings(oldDataPatterns(oldKey()))).contains("store.key: the old key in UTF-8",
                "identity.json: the marker in UTF-8", "secrets/token-cache: the marker in UTF-8");
    }

    @Test
    void noByteOfTheOldDataRemainsAfterTheResetNorAfterTheNewStoreOpens() throws IOException {
        oldProfile();
        String key = oldKey();

        ProfileReset.of(profile(), vault()).remove();

        assertThat(findings(oldDataPatterns(key))).isEmpty();
        try (OfflineStore store = OfflineStore.open(profile(), vault())) {
            store.records().create(RecordType.ACCOUNT, Map.of("name", "New identity's account"));
        }
        assertThat(findings(oldDataPatterns(key))).isEmpty();
    }

    @Test
    void theResetKeepsOnlyTheWindowSettingsTheLockAndTheNewestLogEmptied() throws IOException {
        oldProfile();

        ProfileReset.of(profile(), vault()).remove();

        try (Stream<Path> files = Files.walk(profile().path())) {
            assertThat(files.filter(f -> !f.equals(profile().path())).map(f -> profile().path().relativize(f).toString()))
                    .containsExactlyInAnyOrder("settings.json", "outpost.lock", "logs", "logs/outpost-2026-11-21_09-00-00.log");
        }
        assertThat(profile().settingsFile()).hasContent(SETTINGS);
        assertThat(profile().logFolder().resolve("outpost-2026-11-21_09-00-00.log")).isEmptyFile();
    }

    @Test
    void afterTheResetTheProfileOpensEmptyWithANewKeyAndNoIdentity() throws IOException {
        Record account = oldProfile();
        String key = oldKey();

        ProfileReset.of(profile(), vault()).remove();

        assertThat(ProfileIdentity.read(profile())).isEmpty();
        assertThat(vault().read(SecretVault.TOKEN_CACHE)).isEmpty();
        try (OfflineStore store = OfflineStore.open(profile(), vault())) {
            assertThat(store.records().find(account.id())).isEmpty();
            assertThat(store.records().status().totalRecords()).isZero();
        }
        assertThat(oldKey()).isNotEqualTo(key);
    }

    @Test
    void theKeyAndTokenCacheGoThroughTheVaultWhateverItIs() throws IOException {
        MemoryVault osStore = new MemoryVault();
        try (OfflineStore store = OfflineStore.open(profile(), osStore)) {
            store.records().create(RecordType.ACCOUNT, Map.of("name", "Acme"));
        }
        osStore.write(SecretVault.TOKEN_CACHE, new byte[] {1, 2, 3});

        ProfileReset.of(profile(), osStore).remove();

        assertThat(osStore.secrets).isEmpty();
    }

    @Test
    void aResetIsRefusedWhileTheStoreIsOpen() throws IOException {
        Record account = oldProfile();
        try (OfflineStore store = OfflineStore.open(profile(), vault())) {
            assertThatThrownBy(() -> ProfileReset.of(profile(), vault()).remove())
                    .isInstanceOf(ProfileInUseException.class);
            assertThat(store.records().find(account.id())).isPresent();
        }
    }

    @Test
    void aResetUnderTheCallersLockNeedsThatProfilesLock() throws IOException {
        oldProfile();
        ProfileFolder other = new ProfileFolder(folder.resolve("other"));
        try (ProfileLock otherLock = ProfileLock.take(other)) {
            assertThatThrownBy(() -> ProfileReset.of(profile(), vault()).remove(otherLock))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        try (ProfileLock lock = ProfileLock.take(profile())) {
            ProfileReset.of(profile(), vault()).remove(lock);
        }
        assertThat(ProfileIdentity.read(profile())).isEmpty();
    }

    @Test
    void aCrashBeforeTheMarkerLeavesTheOldProfileWhole() throws IOException {
        Record account = oldProfile();
        ProfileIdentity identity = ProfileIdentity.read(profile()).orElseThrow();

        assertThatThrownBy(() -> ProfileReset.of(profile(), vault()).onStep(step -> {
            if (step.equals("starting")) {
                throw new Crash(step);
            }
        }).remove()).isInstanceOf(Crash.class);

        assertThat(ProfileIdentity.read(profile())).contains(identity);
        assertThat(vault().read(SecretVault.TOKEN_CACHE)).isPresent();
        try (OfflineStore store = OfflineStore.open(profile(), vault())) {
            assertThat(store.records().find(account.id())).contains(account);
            assertThat(store.records().status().totalRecords()).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "crashed after: {0}")
    @ValueSource(strings = {"marked", "store key deleted", "token cache deleted", "database deleted", "identity deleted",
            "logs cleared"})
    void aCrashAfterTheMarkerLeavesAProfileThatOpensEmptyWithNothingOld(String crashAfter) throws IOException {
        Record account = oldProfile();
        String key = oldKey();

        assertThatThrownBy(() -> ProfileReset.of(profile(), vault()).onStep(step -> {
            if (step.equals(crashAfter)) {
                throw new Crash(step);
            }
        }).remove()).isInstanceOf(Crash.class);

        assertThat(ProfileIdentity.read(profile())).as("the old identity counts as gone at once").isEmpty();
        try (OfflineStore store = OfflineStore.open(profile(), vault())) {
            assertThat(store.records().find(account.id())).isEmpty();
            assertThat(store.records().status().totalRecords()).isZero();
        }
        assertThat(ProfileReset.interrupted(profile())).isFalse();
        assertThat(vault().read(SecretVault.TOKEN_CACHE)).isEmpty();
        assertThat(profile().settingsFile()).hasContent(SETTINGS);
        assertThat(findings(oldDataPatterns(key))).isEmpty();
    }
}
