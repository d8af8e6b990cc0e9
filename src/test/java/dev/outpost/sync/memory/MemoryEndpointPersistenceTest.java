package dev.outpost.sync.memory;

import static dev.outpost.model.RecordType.CONTACT;
import static dev.outpost.model.RecordType.TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.WriteOutcome;

/** A persistent memory endpoint reopened on its file is the same endpoint, as a crash test in a child JVM needs. */
class MemoryEndpointPersistenceTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("endpoint.json");
    }

    private MemoryEndpoint open() {
        return MemoryEndpoint.persistentIn(file());
    }

    @Test
    void aReopenedEndpointHoldsTheSameRecordsAndVersions() {
        MemoryEndpoint before = open();
        RemoteRecord contact = before.createRemote(CONTACT, Map.of("lastName", "Hopper"));
        RemoteRecord task = before.createRemote(TASK, Map.of("subject", "Call", "due", "2026-12-01"));
        before.write(CONTACT, List.of(new RemoteWrite.Update(contact.remoteId(), contact.version(), Map.of("lastName", "H"))));

        MemoryEndpoint after = open();
        assertThat(after.all(CONTACT)).isEqualTo(before.all(CONTACT));
        assertThat(after.all(TASK)).containsExactly(task);
    }

    @Test
    void anAnchorTakenBeforeTheRestartStillWorksAfterIt() {
        MemoryEndpoint before = open();
        RemoteRecord kept = before.createRemote(CONTACT, Map.of("lastName", "Kept"));
        RemoteRecord removed = before.createRemote(CONTACT, Map.of("lastName", "Removed"));
        String anchor = FeedReader.listing(before, CONTACT).anchor();
        before.remove(CONTACT, removed.remoteId());

        MemoryEndpoint after = open();
        RemoteRecord edited = after.edit(CONTACT, kept.remoteId(), Map.of("phone", "1"));
        assertThat(FeedReader.delta(after, CONTACT, anchor).changes())
                .containsExactlyInAnyOrder(new RemoteChange.Removal(removed.remoteId()), new RemoteChange.Upsert(edited));
    }

    @Test
    void createMarkersSurviveTheRestart() {
        RemoteWrite create = new RemoteWrite.Create("client-1", Map.of("lastName", "Once"));
        WriteOutcome first = open().write(CONTACT, List.of(create)).getFirst();

        MemoryEndpoint after = open();
        assertThat(after.write(CONTACT, List.of(create))).containsExactly(first);
        assertThat(after.findCreated(CONTACT, "client-1")).isPresent();
        assertThat(after.count(CONTACT)).isEqualTo(1);
    }

    @Test
    void writesMadeBeforeASimulatedCrashAreOnDisk() {
        MemoryEndpoint before = open();
        before.faults().crashAfterWrites(1);
        assertThatThrownBy(() -> before.write(CONTACT, List.of(new RemoteWrite.Create("c1", Map.of("lastName", "A")),
                new RemoteWrite.Create("c2", Map.of("lastName", "B"))))).isInstanceOf(SimulatedCrash.class);

        assertThat(open().findCreated(CONTACT, "c1")).isPresent();
    }

    @Test
    void versionsAndIdsMadeAfterTheRestartAreNew() {
        MemoryEndpoint before = open();
        RemoteRecord old = before.createRemote(CONTACT, Map.of("lastName", "Old"));

        RemoteRecord made = open().createRemote(CONTACT, Map.of("lastName", "New"));
        assertThat(made.remoteId()).isNotEqualTo(old.remoteId());
        assertThat(Long.parseLong(made.version())).isGreaterThan(Long.parseLong(old.version()));
    }

    @Test
    void everyChangeIsSavedAtOnceWithNoTemporaryFileLeft() throws IOException {
        MemoryEndpoint endpoint = open();
        endpoint.createRemote(CONTACT, Map.of("lastName", "Saved"));

        assertThat(Files.readString(file())).contains("Saved");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file());
        }
    }

    @Test
    void anEndpointInMemoryOnlyWritesNoFile() throws IOException {
        new MemoryEndpoint().createRemote(CONTACT, Map.of("lastName", "Volatile"));

        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aDamagedFileIsRefusedWithItsName() throws IOException {
        Files.writeString(file(), "{not json");

        assertThatThrownBy(this::open).hasMessageContaining(file().toString());
    }
}
