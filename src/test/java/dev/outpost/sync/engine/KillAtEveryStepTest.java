package dev.outpost.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.MassDeleteGuard;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;
import dev.outpost.sync.memory.MemoryEndpoint;
import dev.outpost.testing.ChildJvm;

/**
 * A process killed at any step of a run, then started again, ends exactly where an uninterrupted run
 * ends: the same records on both sides, no duplicate on the endpoint, an empty journal, and nothing left
 * for a second run to do.
 */
class KillAtEveryStepTest {

    private static final List<RecordType> TYPES = List.of(RecordType.ACCOUNT, RecordType.CONTACT);

    @TempDir
    static Path work;

    static Path template;
    static Map<String, List<Map<String, String>>> uninterrupted;

    static SyncPair pair(MemoryEndpoint remote) {
        remote.batchSize(3).pageSize(4);
        return new SyncPair("crm", remote, ConflictPolicy.ASK, TYPES, MassDeleteGuard.DEFAULT);
    }

    @BeforeAll
    static void prepare() throws IOException {
        template = work.resolve("template");
        try (OfflineStore store = OfflineStore.open(new ProfileFolder(template))) {
            MemoryEndpoint remote = MemoryEndpoint.persistentIn(template.resolve("endpoint.json"));
            List<String> accounts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                accounts.add(remote.createRemote(RecordType.ACCOUNT, Map.of("name", "Remote " + i)).remoteId());
            }
            remote.createRemote(RecordType.CONTACT, Map.of("lastName", "Berg", "email", "berg@x.example"));
            new SyncEngine(store.sync()).run(pair(remote), RunOptions.normal());
            // What waits for the run under test: changes on both sides, none colliding.
            for (int i = 0; i < 5; i++) {
                store.records().create(RecordType.ACCOUNT, Map.of("name", "Local " + i));
            }
            store.records().create(RecordType.CONTACT, Map.of("lastName", "Costa", "jobTitle", "CFO"));
            List<Record> synced = store.records().list(RecordType.ACCOUNT, "Remote");
            store.records().update(synced.get(0).id(), Map.of("city", "Oslo"));
            store.records().delete(synced.get(1).id());
            remote.edit(RecordType.ACCOUNT, accounts.get(2), Map.of("city", "Lisbon"));
            remote.remove(RecordType.ACCOUNT, accounts.get(3));
            remote.createRemote(RecordType.CONTACT, Map.of("lastName", "Dubois"));
        }
        Path reference = copy("reference");
        assertThat(runChild(reference, 0)).isZero();
        uninterrupted = state(reference);
    }

    @Test
    void killedAtAnyStepAndRestartedTheRunEndsAsAnUninterruptedOne() throws Exception {
        int killed = 0;
        for (int step = 1; step < 200; step++) {
            Path dir = copy("step-" + step);
            int exit = runChild(dir, step);
            if (exit == 0) {
                break; // the run has fewer steps than this: every step was covered
            }
            assertThat(exit).as("the child at step %d", step).isEqualTo(137);
            killed++;
            restart(dir);
            assertThat(state(dir)).as("the end state after a kill at step %d and a restart", step).isEqualTo(uninterrupted);
            assertNothingLeftToDo(dir, step);
        }
        assertThat(killed).as("steps covered").isGreaterThan(10);
    }

    private static void restart(Path dir) {
        try (OfflineStore store = OfflineStore.open(new ProfileFolder(dir))) {
            new SyncEngine(store.sync()).run(pair(MemoryEndpoint.persistentIn(dir.resolve("endpoint.json"))), RunOptions.normal());
        }
    }

    private static void assertNothingLeftToDo(Path dir, int step) {
        try (OfflineStore store = OfflineStore.open(new ProfileFolder(dir))) {
            MemoryEndpoint remote = MemoryEndpoint.persistentIn(dir.resolve("endpoint.json"));
            assertThat(store.sync().openJournal("crm")).as("journal after step %d", step).isEmpty();
            var report = new SyncEngine(store.sync()).run(pair(remote), RunOptions.normal());
            assertThat(remote.writeCount()).as("writes of a second run after step %d", step).isZero();
            assertThat(report.pulled()).as("records pulled by a second run after step %d", step).isZero();
        }
    }

    /** Both sides' records per type, as sorted lists of values: ids and versions differ between runs. */
    private static Map<String, List<Map<String, String>>> state(Path dir) {
        Map<String, List<Map<String, String>>> state = new TreeMap<>();
        try (OfflineStore store = OfflineStore.open(new ProfileFolder(dir))) {
            MemoryEndpoint remote = MemoryEndpoint.persistentIn(dir.resolve("endpoint.json"));
            for (RecordType type : TYPES) {
                state.put("local " + type.id(), sorted(store.records().list(type, "").stream().map(Record::values).toList()));
                state.put("remote " + type.id(), sorted(remote.all(type).stream().map(r -> r.values()).toList()));
            }
        }
        return state;
    }

    private static List<Map<String, String>> sorted(List<Map<String, String>> values) {
        return values.stream().map(v -> (Map<String, String>) new TreeMap<>(v)).sorted(Comparator.comparing(Object::toString)).toList();
    }

    private static int runChild(Path dir, int killAt) {
        try (ChildJvm child = ChildJvm.start(SyncUntilStep.class, dir.toString(), dir.resolve("endpoint.json").toString(),
                Integer.toString(killAt))) {
            return child.waitForExit(Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Path copy(String name) throws IOException {
        Path target = work.resolve(name);
        try (Stream<Path> files = Files.walk(template)) {
            for (Path source : files.toList()) {
                Path to = target.resolve(template.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(to);
                } else if (!source.getFileName().toString().equals("outpost.lock")) {
                    Files.copy(source, to);
                }
            }
        }
        return target;
    }
}
