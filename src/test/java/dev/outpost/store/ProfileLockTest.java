package dev.outpost.store;

import dev.outpost.testing.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.RecordType;

/** Only one process at a time may have a profile open, and whoever is refused is told who holds it. */
class ProfileLockTest {

    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(20);
    private static final long THIS_PROCESS = ProcessHandle.current().pid();

    @TempDir
    Path folder;

    private ProfileFolder profile;

    @BeforeEach
    void chooseProfile() {
        profile = new ProfileFolder(folder.resolve("profile"));
    }

    @Test
    void aSecondOpenInTheSameProcessIsRefusedNamingTheFolderAndTheHolder() {
        try (OfflineStore first = OfflineStore.open(profile)) {
            assertThatThrownBy(() -> OfflineStore.open(profile))
                    .isInstanceOf(ProfileInUseException.class)
                    .hasMessageContaining(profile.path().toString())
                    .hasMessageContaining("process " + THIS_PROCESS)
                    .hasMessageContaining("Close it first");
        }
    }

    @Test
    void aRefusedSecondOpenLeavesTheFirstWorking() {
        try (OfflineStore first = OfflineStore.open(profile)) {
            assertThatThrownBy(() -> OfflineStore.open(profile)).isInstanceOf(ProfileInUseException.class);

            first.records().create(RecordType.ACCOUNT, Map.of("name", "Acme"));
            assertThat(first.records().status().totalRecords()).isEqualTo(1);
        }
    }

    @Test
    void theProfileCanBeOpenedAgainOnceClosed() {
        OfflineStore.open(profile).close();

        try (OfflineStore again = OfflineStore.open(profile)) {
            assertThat(again.records().status().totalRecords()).isZero();
        }
    }

    @Test
    void aProfileOpenInAnotherProcessIsRefusedNamingThatProcess() throws Exception {
        try (ChildJvm holder = ChildJvm.start(ProfileVisitor.class, "hold", profile.path().toString())) {
            holder.awaitLine(line -> line.startsWith("holding "), CHILD_TIMEOUT);

            assertThatThrownBy(() -> OfflineStore.open(profile))
                    .isInstanceOf(ProfileInUseException.class)
                    .hasMessage("Another Outpost (process " + holder.pid() + ") is using the profile in " + profile.path()
                            + ". Close it first, or use another profile with --profile DIR.");

            holder.tell("stop");
            assertThat(holder.waitForExit(CHILD_TIMEOUT)).as(holder.output()).isZero();
        }
        OfflineStore.open(profile).close();
    }

    @Test
    void aProfileOpenHereIsRefusedToAnotherProcess() throws Exception {
        try (OfflineStore here = OfflineStore.open(profile);
             ChildJvm visitor = ChildJvm.start(ProfileVisitor.class, "try", profile.path().toString())) {
            assertThat(visitor.waitForExit(CHILD_TIMEOUT)).as(visitor.output()).isEqualTo(1);
            assertThat(visitor.lines()).anySatisfy(line -> assertThat(line)
                    .startsWith("in use: ").contains("(process " + THIS_PROCESS + ")", profile.path().toString()));
        }
    }

    @Test
    void aRefusedSecondOpenHereDoesNotFreeTheProfileForAnotherProcess() throws Exception {
        try (OfflineStore here = OfflineStore.open(profile)) {
            assertThatThrownBy(() -> OfflineStore.open(profile)).isInstanceOf(ProfileInUseException.class);

            try (ChildJvm visitor = ChildJvm.start(ProfileVisitor.class, "try", profile.path().toString())) {
                assertThat(visitor.waitForExit(CHILD_TIMEOUT)).as(visitor.output()).isEqualTo(1);
                assertThat(visitor.lines()).anySatisfy(line -> assertThat(line)
                        .startsWith("in use: ").contains("(process " + THIS_PROCESS + ")"));
            }
        }
    }

    @Test
    void aKilledHolderLeavesTheProfileFreeAtOnce() throws Exception {
        try (ChildJvm holder = ChildJvm.start(ProfileVisitor.class, "hold", profile.path().toString())) {
            holder.awaitLine(line -> line.startsWith("holding "), CHILD_TIMEOUT);
            holder.kill();
        }

        long start = System.nanoTime();
        try (OfflineStore store = OfflineStore.open(profile)) {
            assertThat(store.records().status().totalRecords()).isZero();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to open after the holder was killed")
                .isLessThan(Duration.ofSeconds(5));
    }
}
