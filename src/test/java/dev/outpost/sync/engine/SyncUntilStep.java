package dev.outpost.sync.engine;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.memory.MemoryEndpoint;

/**
 * A child JVM's main: runs one sync of {@link KillAtEveryStepTest#pair} and dies the hard way
 * ({@code halt}: no finally block, no shutdown, like a killed process) when it reaches step N.
 * Arguments: profile folder, endpoint file, N (0: never).
 */
public final class SyncUntilStep {

    private SyncUntilStep() {
    }

    public static void main(String[] args) {
        int killAt = Integer.parseInt(args[2]);
        AtomicInteger steps = new AtomicInteger();
        OfflineStore store = OfflineStore.open(new ProfileFolder(Path.of(args[0])));
        MemoryEndpoint remote = MemoryEndpoint.persistentIn(Path.of(args[1]));
        new SyncEngine(store.sync()).run(KillAtEveryStepTest.pair(remote), RunOptions.normal().observedBy(step -> {
            if (steps.incrementAndGet() == killAt) {
                System.out.println("killed at " + step);
                System.out.flush();
                Runtime.getRuntime().halt(137);
            }
        }));
        store.close();
        System.out.println("steps " + steps.get());
    }
}
