package dev.outpost.sync.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.memory.MemoryEndpoint;

/**
 * A process killed at any step of a run and started again ends exactly where a run that was never killed
 * ends. The run under test meets changes on both sides that collide — edits of different fields of one
 * record to merge, the same field changed on both sides, a record deleted here and edited there — besides
 * plain creates, edits and deletions, so its steps cover pull pages, journal writes, batches sent, answers
 * recorded and conflicts recorded. Both the killed run and the restart run in child JVMs.
 */
class KillAtEveryStepTest {

    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path work;

    /** The profile and endpoint as they are before the run under test. */
    private static Path before;
    private static EndState uninterrupted;
    private static int steps;

    @BeforeAll
    static void prepareTheRunAndItsUninterruptedEnd() {
        before = work.resolve("before");
        try (OfflineStore store = OfflineStore.open(new ProfileFolder(before))) {
            MemoryEndpoint endpoint = MemoryEndpoint.persistentIn(endpointFile(before));
            Map<String, String> there = new java.util.HashMap<>();
            for (String name : List.of("Acme", "Birch", "Cedar", "Dune", "Elm")) {
                there.put(name, endpoint.createRemote(RecordType.ACCOUNT, Map.of("name", name)).remoteId());
            }
            for (String name : List.of("Berg", "Costa", "Dubois", "Evans")) {
                there.put(name, endpoint.createRemote(RecordType.CONTACT,
                        Map.of("lastName", name, "email", name.toLowerCase() + "@x.example")).remoteId());
            }
            store.records().create(RecordType.ACCOUNT, Map.of("name", "Fjord"));
            store.records().create(RecordType.ACCOUNT, Map.of("name", "Grove"));
            store.records().create(RecordType.CONTACT, Map.of("lastName", "Hale"));
            new SyncEngine(store.sync()).run(SyncKilledAtStep.pair(endpoint), RunOptions.normal());

            // What the run under test finds: made here...
            for (String name : List.of("Ivy", "Juniper", "Kestrel")) {
                store.records().create(RecordType.ACCOUNT, Map.of("name", name));
            }
            store.records().create(RecordType.CONTACT, Map.of("lastName", "Lund"));
            store.records().create(RecordType.CONTACT, Map.of("lastName", "Moss", "jobTitle", "Buyer"));
            store.records().update(local(store, RecordType.ACCOUNT, "Acme").id(), Map.of("city", "Oslo"));
            store.records().update(local(store, RecordType.ACCOUNT, "Fjord").id(), Map.of("phone", "+47 1"));
            store.records().update(local(store, RecordType.CONTACT, "Berg").id(), Map.of("jobTitle", "CFO"));
            store.records().delete(local(store, RecordType.ACCOUNT, "Cedar").id());
            store.records().delete(local(store, RecordType.CONTACT, "Costa").id());
            // ... and made there
            endpoint.createRemote(RecordType.ACCOUNT, Map.of("name", "Larch"));
            endpoint.createRemote(RecordType.ACCOUNT, Map.of("name", "Maple", "city", "Porto"));
            endpoint.createRemote(RecordType.CONTACT, Map.of("lastName", "Nash"));
            endpoint.edit(RecordType.ACCOUNT, there.get("Acme"), Map.of("phone", "+351 2"));   // merges with the city
            endpoint.edit(RecordType.ACCOUNT, there.get("Dune"), Map.of("city", "Bergen"));
            endpoint.edit(RecordType.CONTACT, there.get("Berg"), Map.of("jobTitle", "CEO"));   // collides with CFO
            endpoint.edit(RecordType.CONTACT, there.get("Costa"), Map.of("phone", "+34 3"));   // deleted here
            endpoint.remove(RecordType.ACCOUNT, there.get("Elm"));
            endpoint.remove(RecordType.CONTACT, there.get("Dubois"));
        }
        Path reference = copyOfBefore("uninterrupted");
        ChildRun run = ChildRun.of(reference, 0);
        assertThat(run.exit()).as("the uninterrupted run's exit code; it printed:\n%s", run.output()).isZero();
        steps = run.stepsReported();
        uninterrupted = EndState.read(reference);
        assertThat(uninterrupted.conflicts()).as("conflicts the run records").hasSize(2);
        assertThat(EndState.secondSyncProblems(reference)).as("an uninterrupted run leaves work behind").isEmpty();
    }

    @Test
    void killedAtAnyStepAndStartedAgainTheRunEndsAsIfItHadNeverBeenKilled() throws Exception {
        assertThat(steps).as("steps of the run under test").isGreaterThan(15);
        ExecutorService children = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<List<String>>> outcomes = new ArrayList<>();
            for (int step = 1; step <= steps + 1; step++) {
                int killAt = step;
                outcomes.add(children.submit(() -> killAndRestart(killAt)));
            }
            List<String> problems = new ArrayList<>();
            for (Future<List<String>> outcome : outcomes) {
                problems.addAll(outcome.get());
            }
            assertThat(problems).as("what differed from the uninterrupted run").isEmpty();
        } finally {
            children.shutdownNow();
        }
    }

    /** Kills a run at one step, starts it again, and says what differs from the uninterrupted run. */
    private static List<String> killAndRestart(int step) {
        Path dir = copyOfBefore("step-" + step);
        ChildRun killed = ChildRun.of(dir, step);
        if (step > steps) {
            // One past the last step: the run must end on its own, so every step was covered.
            return killed.exit() == 0 && killed.stepsReported() == steps ? List.of()
                    : List.of("A run told to die after its last step (" + step + ") did not end normally with " + steps
                            + " steps; exit " + killed.exit() + ", output:\n" + killed.output());
        }
        if (killed.exit() != SyncKilledAtStep.KILLED) {
            return List.of("The run did not reach step " + step + " of " + steps + "; exit " + killed.exit()
                    + ", output:\n" + killed.output());
        }
        String kill = "a kill at step " + step + " (" + killed.stepKilledAt() + ")";
        ChildRun restart = ChildRun.of(dir, 0);
        if (restart.exit() != 0) {
            return List.of("The restart after " + kill + " failed; exit " + restart.exit() + ", output:\n" + restart.output());
        }
        String where = "after " + kill + " and a restart";
        List<String> problems = new ArrayList<>(EndState.read(dir).differencesFrom(uninterrupted, where));
        EndState.secondSyncProblems(dir).forEach(p -> problems.add(where + ": " + p));
        return problems;
    }

    private static Record local(OfflineStore store, RecordType type, String title) {
        return store.records().list(type, "").stream().filter(r -> r.title().equals(title)).findFirst().orElseThrow();
    }

    static Path endpointFile(Path profile) {
        return profile.resolve("endpoint.json");
    }

    private static Path copyOfBefore(String name) {
        Path target = work.resolve(name);
        try (Stream<Path> files = Files.walk(before)) {
            for (Path source : files.toList()) {
                Path to = target.resolve(before.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(to);
                } else if (!source.getFileName().toString().equals("outpost.lock")) {
                    Files.copy(source, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the prepared profile to " + target, e);
        }
    }

    /** One child JVM running {@link SyncKilledAtStep} to its end or its death. */
    private record ChildRun(int exit, String output) {

        static ChildRun of(Path profile, int killAt) {
            String java = System.getProperty("outpost.test.java", ProcessHandle.current().info().command().orElse("java"));
            // A short-lived JVM: quick JIT and a simple collector start it faster; the run is small.
            List<String> command = List.of(java, "--sun-misc-unsafe-memory-access=allow", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    SyncKilledAtStep.class.getName(), profile.toString(), endpointFile(profile).toString(),
                    Integer.toString(killAt));
            Path log = profile.resolveSibling(profile.getFileName() + "-" + killAt + ".log");
            try {
                Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!child.waitFor(CHILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    child.destroyForcibly().waitFor();
                    throw new AssertionError("A child JVM syncing " + profile + " did not end within " + CHILD_TIMEOUT);
                }
                return new ChildRun(child.exitValue(), Files.readString(log));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot run " + command, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for a child JVM", e);
            }
        }

        int stepsReported() {
            return output.lines().filter(l -> l.startsWith("steps ")).map(l -> Integer.parseInt(l.substring(6).trim()))
                    .findFirst().orElse(-1);
        }

        String stepKilledAt() {
            return output.lines().filter(l -> l.startsWith("killed at step ")).map(l -> l.substring(l.indexOf(": ") + 2))
                    .findFirst().orElse("?");
        }
    }
}
