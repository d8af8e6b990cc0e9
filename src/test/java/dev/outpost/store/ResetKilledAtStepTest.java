package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.testing.ChildJvm;

/**
 * A process halted in the middle of a reset (a child JVM stopped dead after a step) leaves either the old profile
 * whole or one that opens empty: never old records under a new key, nor a half-removed store.
 */
class ResetKilledAtStepTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "halted after: {0}")
    @ValueSource(strings = {"starting", "marked", "store key deleted", "database deleted"})
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aHaltedResetLeavesTheOldProfileWholeOrAnEmptyOne(String haltAfter) throws Exception {
        ProfileFolder profile = new ProfileFolder(folder.resolve("profile"));
        SecretFiles vault = new SecretFiles(profile, "test");
        Record account;
        try (OfflineStore store = OfflineStore.open(profile, vault)) {
            account = store.records().create(RecordType.ACCOUNT, Map.of("name", "Acme", "city", "Leeds"));
        }

        try (ChildJvm reset = ChildJvm.start(HaltingReset.class, profile.path().toString(), haltAfter)) {
            reset.awaitLine(line -> line.equals("halting after " + haltAfter), Duration.ofSeconds(20));
            assertThat(reset.waitForExit(Duration.ofSeconds(20))).isEqualTo(3);
        }

        try (OfflineStore store = OfflineStore.open(profile, vault)) {
            if (haltAfter.equals("starting")) {
                assertThat(store.records().find(account.id())).contains(account);
            } else {
                assertThat(store.records().status().totalRecords()).isZero();
                assertThat(Files.exists(profile.path().resolve(ProfileReset.MARKER))).isFalse();
            }
        }
    }
}
