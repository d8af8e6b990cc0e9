package dev.outpost.crm;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncReport;
import dev.outpost.sync.SyncStep;

/**
 * A child JVM's main: syncs a profile with a CRM over loopback, as the app would, and dies the hard way
 * ({@code halt}: no finally block, no clean close of the store, like a killed process) when it reaches the
 * N-th time of one step. Prints {@code killed at STEP N} before dying, or {@code ended OUTCOME} when the run
 * ends first. Arguments: profile folder, CRM URL, bearer token, step name, N.
 */
public final class CrmSyncKilledAtStep {

    static final int KILLED = 137;

    private CrmSyncKilledAtStep() {
    }

    public static void main(String[] args) {
        Path profile = Path.of(args[0]);
        CrmConnection connection = CrmConnection.of(URI.create(args[1]), TokenSource.fixed(args[2]))
                .pageSize(7).batchSize(4).timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
        SyncStep deadly = SyncStep.valueOf(args[3]);
        int time = Integer.parseInt(args[4]);
        AtomicInteger reached = new AtomicInteger();
        OfflineStore store = OfflineStore.open(new ProfileFolder(profile));
        DataverseEndpoint endpoint = new DataverseEndpoint(connection);
        SyncReport report = new SyncEngine(store.sync()).run(DemoCrmProfile.pair(endpoint),
                RunOptions.normal().observedBy(step -> {
                    if (step == deadly && reached.incrementAndGet() == time) {
                        System.out.println("killed at " + step + " " + time);
                        System.out.flush();
                        Runtime.getRuntime().halt(KILLED);
                    }
                }));
        endpoint.close();
        store.close();
        System.out.println("ended " + report.outcome() + " " + report.types());
    }
}
