package dev.outpost.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Times a real CRM sync over loopback: demo servers (folder-backed, in temp folders, in this JVM), the Dataverse
 * connector as the CLI configures it, real stores and the sync engine (see {@link SyncedDemoProfile}). An initial
 * sync of N records, incremental runs of K changes per side at N and at N/10, and the HTTP requests it takes to push
 * 1000 edits. The last line is machine-readable.
 */
@Command(name = "crm", description = "Times a sync with the demo CRM over loopback: initial sync of N records, "
        + "incremental runs of K changes per side, the requests to push 1000 edits.")
final class CrmBenchmark implements Callable<Integer> {

    private static final int ROUNDS = 7;
    /** Untimed rounds first: the incremental path has not run yet when the initial syncs are over. */
    private static final int WARM_UP_ROUNDS = 5;
    private static final int PUSHED_EDITS = 1000;

    @Spec
    CommandSpec spec;

    @Option(names = "--records", paramLabel = "N", required = true, description = "How many records the demo server holds.")
    int records;

    @Option(names = "--changes", paramLabel = "K", defaultValue = "10", description = "Changes per side before each incremental run (default: ${DEFAULT-VALUE}).")
    int changes;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the demo server's sample data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        // A tenth of the records must still hold a contact (edited here) and an account (edited there).
        if (records < 40 || changes < 1) {
            throw new ParameterException(spec.commandLine(), "--records must be at least 40 and --changes at least 1.");
        }
        PrintWriter out = spec.commandLine().getOut();
        long initialMs;
        double[] medians;
        long pushRequests;
        long heapMb;
        try (HeapPeak heap = new HeapPeak()) {
            heap.reset();
            try (SyncedDemoProfile full = new SyncedDemoProfile(records, seed)) {
                heap.seeded();
                initialMs = full.initialSync(seed); // first, on a cold JVM, as an app's first sync would be
                long initialRequests = full.requests();
                heap.synced();
                heap.reset();
                try (SyncedDemoProfile small = new SyncedDemoProfile(records / 10, seed)) {
                    heap.seeded();
                    long smallInitialMs = small.initialSync(seed);
                    long smallInitialRequests = small.requests();
                    medians = incrementalRuns(out, full, small, new long[] {initialMs, smallInitialMs},
                            new long[] {initialRequests, smallInitialRequests});
                    pushRequests = full.push(out, PUSHED_EDITS);
                    heap.synced();
                }
            }
            heapMb = mb(heap.syncPeak);
            out.printf("heap: peak %d MB used during the syncs, at most %d MB left after a collection (max heap %d MB); "
                    + "the demo servers run in this JVM, folder-backed, and count too; not counted: %d MB while one "
                    + "generated its sample data%n", heapMb, mb(heap.syncLeft), mb(Runtime.getRuntime().maxMemory()),
                    mb(heap.seedingPeak));
        }
        out.printf("crm records=%d initial_ms=%d incremental_ms=%.1f incremental_ratio=%.2f push_requests=%d peak_heap_mb=%d%n",
                records, initialMs, medians[0], medians[0] / medians[1], pushRequests, heapMb);
        return OutpostCommand.DONE;
    }

    /**
     * Incremental runs at both sizes, taking turns (and turns at going first), so that the JIT's warm-up and the
     * load of a shared machine weigh on both alike; returns the median times in ms, N's first.
     */
    private double[] incrementalRuns(PrintWriter out, SyncedDemoProfile full, SyncedDemoProfile small, long[] initialMs,
            long[] initialRequests) throws Exception {
        SyncedDemoProfile[] sizes = {full, small};
        long[][] nanos = new long[2][ROUNDS];
        for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
            for (int turn = 0; turn < 2; turn++) {
                int which = (round + turn) % 2;
                long t = sizes[which].incrementalRun(round, changes);
                if (round >= WARM_UP_ROUNDS) {
                    nanos[which][round - WARM_UP_ROUNDS] = t;
                }
            }
        }
        double[] medians = new double[2];
        for (int which = 1; which >= 0; which--) {
            long[] sorted = nanos[which].clone();
            Arrays.sort(sorted);
            medians[which] = sorted[ROUNDS / 2] / 1e6;
            out.printf("records=%d: initial sync %d ms, %d records pulled (mine and those they refer to) in %d requests; "
                    + "incremental runs of %d changes per side: median %.1f ms (fastest %.1f, slowest %.1f)%n",
                    sizes[which].size, initialMs[which], sizes[which].pulled(), initialRequests[which], changes, medians[which], sorted[0] / 1e6, sorted[ROUNDS - 1] / 1e6);
        }
        return medians;
    }

    /**
     * The heap used while syncing, over both sizes, apart from the demo server generating its sample data. The
     * heap is fullest just before a collection, so the collector's own "before" figures give the peak exactly;
     * what a collection leaves is an upper bound of what was alive.
     */
    private static final class HeapPeak implements NotificationListener, AutoCloseable {

        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        private final Set<String> poolNames = pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        private final List<NotificationEmitter> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(NotificationEmitter.class::isInstance).map(NotificationEmitter.class::cast).toList();
        private final AtomicLong phasePeak = new AtomicLong();
        private final AtomicLong phaseLeft = new AtomicLong();
        long seedingPeak;
        long syncPeak;
        long syncLeft;

        HeapPeak() {
            collectors.forEach(c -> c.addNotificationListener(this, null, null));
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            if (info.getGcCause().equals("System.gc()")) {
                return; // the benchmark's own, between phases
            }
            phasePeak.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
            phaseLeft.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
        }

        void reset() {
            System.gc(); // so that a phase starts from what is alive, not from the garbage of the one before
            long now = now();
            phasePeak.set(now);
            phaseLeft.set(now);
        }

        void seeded() {
            seedingPeak = Math.max(seedingPeak, Math.max(phasePeak.get(), now()));
            reset();
        }

        void synced() {
            syncPeak = Math.max(syncPeak, Math.max(phasePeak.get(), now()));
            syncLeft = Math.max(syncLeft, phaseLeft.get());
        }

        private long now() {
            return pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        }

        private long heapUsed(Map<String, MemoryUsage> usage) {
            return usage.entrySet().stream().filter(e -> poolNames.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().getUsed()).sum();
        }

        @Override
        public void close() throws ListenerNotFoundException {
            for (NotificationEmitter collector : collectors) {
                collector.removeNotificationListener(this);
            }
        }
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
