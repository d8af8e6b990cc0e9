package dev.outpost.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;

import dev.outpost.demo.SampleRecords;
import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;
import dev.outpost.sync.SyncReport;
import dev.outpost.sync.memory.MemoryEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Times the sync engine on a real store against the in-memory endpoint: an initial sync of N records,
 * then K changes on each side and an incremental run — at N and at N/10, to show that an incremental
 * run costs what the changes cost, not what the store holds.
 */
@Command(name = "sync", description = "Times the sync engine: initial sync of N records, then incremental runs of K changes per side.")
final class SyncBenchmark implements Callable<Integer> {

    private static final int ROUNDS = 7;

    @Spec
    CommandSpec spec;

    @Option(names = "--records", paramLabel = "N", required = true, description = "How many records the endpoint holds.")
    int records;

    @Option(names = "--changes", paramLabel = "K", defaultValue = "10", description = "Changes per side before each incremental run (default: ${DEFAULT-VALUE}).")
    int changes;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated records (default: ${DEFAULT-VALUE}).")
    long seed;

    private record Timing(long initialMs, double incrementalMs) {
    }

    @Override
    public Integer call() throws Exception {
        if (records < 10 || changes < 1) {
            throw new ParameterException(spec.commandLine(), "--records must be at least 10 and --changes at least 1.");
        }
        PrintWriter out = spec.commandLine().getOut();
        Timing small = measure(out, records / 10);
        Timing full = measure(out, records);
        out.printf("sync records=%d changes=%d initial_ms=%d incremental_ms=%.1f incremental_ratio=%.2f%n", records, changes,
                full.initialMs(), full.incrementalMs(), full.incrementalMs() / small.incrementalMs());
        return OutpostCommand.DONE;
    }

    private Timing measure(PrintWriter out, int size) throws Exception {
        Path folder = Files.createTempDirectory("outpost-bench-sync-");
        try (OfflineStore store = OfflineStore.open(new ProfileFolder(folder))) {
            // 5,000 rows a page, Dataverse's largest odata.maxpagesize: a first sync is a long listing.
            MemoryEndpoint remote = new MemoryEndpoint("CRM").seed(seed).pageSize(5000);
            SampleRecords sample = new SampleRecords(seed, Instant.parse("2026-11-21T09:00:00Z"));
            List<String> someAccount = List.of(UUID.nameUUIDFromBytes(new byte[] {1}).toString());
            SampleRecords.split(size).forEach((type, count) -> {
                for (int i = 0; i < count; i++) {
                    remote.createRemote(type, sample.next(type, someAccount));
                }
            });
            SyncEngine engine = new SyncEngine(store.sync());
            SyncPair pair = SyncPair.of("crm", remote, ConflictPolicy.ASK);
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            SyncReport initial = engine.run(pair, RunOptions.normal());
            long initialMs = (System.nanoTime() - start) / 1_000_000;
            // CPU time of this thread too: on a busy machine it still tells what the sync itself costs.
            long initialCpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
            System.gc(); // what stays: the store's cache and the in-memory endpoint, not garbage
            long heapMb = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
            check(initial.pulled() == size, "the initial sync pulled " + initial.pulled() + " of " + size + " records");
            SplittableRandom random = new SplittableRandom(seed);
            List<Record> contacts = store.records().list(RecordType.CONTACT, "");
            List<dev.outpost.sync.RemoteRecord> remoteAccounts = remote.all(RecordType.ACCOUNT);
            long[] nanos = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                for (int k = 0; k < changes; k++) {
                    Record contact = contacts.get(random.nextInt(contacts.size()));
                    store.records().update(contact.id(), Map.of("jobTitle", "Title " + round + "." + k));
                    var account = remoteAccounts.get(random.nextInt(remoteAccounts.size()));
                    remote.edit(RecordType.ACCOUNT, account.remoteId(), Map.of("city", "City " + round + "." + k));
                }
                long t = System.nanoTime();
                SyncReport incremental = engine.run(pair, RunOptions.normal());
                nanos[round] = System.nanoTime() - t;
                check(incremental.pushed() > 0 && incremental.pulled() > 0, "an incremental run moved nothing");
            }
            Arrays.sort(nanos);
            long storeMb = sizeOf(store.profile().databaseFolder()) / (1024 * 1024);
            double medianMs = nanos[ROUNDS / 2] / 1e6;
            out.printf("records=%d: initial sync %d ms (%d ms of CPU); incremental runs of %d changes per side: median %.1f ms "
                    + "(fastest %.1f, slowest %.1f); store %d MB on disk, heap %d MB after it%n", size, initialMs, initialCpuMs, changes, medianMs, nanos[0] / 1e6,
                    nanos[ROUNDS - 1] / 1e6, storeMb, heapMb);
            return new Timing(initialMs, medianMs);
        } finally {
            try (var paths = Files.walk(folder)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static long sizeOf(Path folder) throws java.io.IOException {
        try (var paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalStateException("The benchmark's own check failed: " + problem);
        }
    }
}
