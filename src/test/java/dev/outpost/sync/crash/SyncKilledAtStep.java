package dev.outpost.sync.crash;

import java.nio.file.Path;
import java.util.List;

import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.MassDeleteGuard;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;
import dev.outpost.sync.memory.MemoryEndpoint;

/**
 * A child JVM's main: one sync of a profile with a persistent memory endpoint, which dies the hard way
 * ({@code halt(137)}: no finally block, no clean shutdown of the store, like a killed process) when it
 * reaches its N-th step. Prints {@code steps K} when the run ends without reaching N.
 * Arguments: profile folder, endpoint file, N (0: never die).
 */
public final class SyncKilledAtStep {

    static final int KILLED = 137;

    private SyncKilledAtStep() {
    }

    /** The pair under test: small pages and batches, so a run has many steps. */
    static SyncPair pair(MemoryEndpoint endpoint) {
        endpoint.pageSize(3).batchSize(3);
        return new SyncPair("crm", endpoint, ConflictPolicy.ASK, List.of(RecordType.ACCOUNT, RecordType.CONTACT),
                MassDeleteGuard.DEFAULT);
    }

    public static void main(String[] args) {
        int killAt = Integer.parseInt(args[2]);
        int[] steps = {0};
        OfflineStore store = OfflineStore.open(new ProfileFolder(Path.of(args[0])));
        MemoryEndpoint endpoint = MemoryEndpoint.persistentIn(Path.of(args[1]));
        new SyncEngine(store.sync()).run(pair(endpoint), RunOptions.normal().observedBy(step -> {
            if (++steps[0] == killAt) {
                System.out.println("killed at step " + killAt + ": " + step);
                System.out.flush();
                Runtime.getRuntime().halt(KILLED);
            }
        }));
        store.close();
        System.out.println("steps " + steps[0]);
    }
}
