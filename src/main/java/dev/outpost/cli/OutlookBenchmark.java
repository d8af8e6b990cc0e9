package dev.outpost.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Times the Outlook pair over loopback: the demo server's mailbox (in this JVM) holding N shared contacts, events
 * and To Do tasks, the Outlook connector through the Graph SDK, a real store and the sync engine (see
 * {@link SyncedDemoMailbox}). An initial sync, incremental runs of K edits per side, and the HTTP requests it takes
 * to push 100 edits. The last line is machine-readable.
 */
@Command(name = "outlook", description = "Times a sync with the demo mailbox over loopback: initial sync of N shared "
        + "items, incremental runs of K edits per side, the requests to push 100 edits.")
final class OutlookBenchmark implements Callable<Integer> {

    private static final int ROUNDS = 7;
    /** Untimed rounds first: the incremental path has not run yet when the initial sync is over. */
    private static final int WARM_UP_ROUNDS = 3;
    private static final int PUSHED_EDITS = 100;

    @Spec
    CommandSpec spec;

    @Option(names = "--records", paramLabel = "N", required = true, description = "How many shared items the mailbox holds.")
    int records;

    @Option(names = "--changes", paramLabel = "K", defaultValue = "10", description = "Edits per side before each incremental run (default: ${DEFAULT-VALUE}).")
    int changes;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the demo mailbox's sample items (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        // Contacts are a third of the items; half are edited here, half there.
        if (records < 20 || changes < 1) {
            throw new ParameterException(spec.commandLine(), "--records must be at least 20 and --changes at least 1.");
        }
        PrintWriter out = spec.commandLine().getOut();
        long initialMs;
        double median;
        long pushRequests;
        try (SyncedDemoMailbox box = new SyncedDemoMailbox(records, seed)) {
            long before = box.requests();
            initialMs = box.initialSync(seed);
            long initialRequests = box.requests() - before;
            long[] nanos = new long[ROUNDS];
            for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
                long t = box.incrementalRun(round, changes);
                if (round >= WARM_UP_ROUNDS) {
                    nanos[round - WARM_UP_ROUNDS] = t;
                }
            }
            Arrays.sort(nanos);
            median = nanos[ROUNDS / 2] / 1e6;
            out.printf("records=%d: initial sync %d ms in %d requests; incremental runs of %d edits per side: median "
                    + "%.1f ms (fastest %.1f, slowest %.1f)%n", records, initialMs, initialRequests, changes, median,
                    nanos[0] / 1e6, nanos[ROUNDS - 1] / 1e6);
            pushRequests = box.push(out, PUSHED_EDITS);
        }
        out.printf("outlook records=%d initial_ms=%d incremental_ms=%.1f requests=%d%n", records, initialMs, median,
                pushRequests);
        return OutpostCommand.DONE;
    }
}
