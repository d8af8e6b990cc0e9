package dev.outpost.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import dev.outpost.outlook.OutlookEndpoint;
import dev.outpost.outlook.OutlookPair;
import dev.outpost.outlook.OutlookSettings;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncReport;
import dev.outpost.sync.SyncStep;

/**
 * A child JVM's main: syncs a profile's Outlook pair with a mailbox over loopback through the Graph SDK, and dies the
 * hard way ({@code halt}) the N-th time it reaches a step. Prints {@code killed at STEP N} before dying, or
 * {@code ended OUTCOME}. Arguments: profile folder, Graph URL, bearer token, step name, N.
 */
public final class OutlookSyncKilledAtStep {

    static final int KILLED = 137;

    private OutlookSyncKilledAtStep() {
    }

    public static void main(String[] args) {
        SyncStep deadly = SyncStep.valueOf(args[3]);
        int time = Integer.parseInt(args[4]);
        AtomicInteger reached = new AtomicInteger();
        OfflineStore store = OfflineStore.open(new ProfileFolder(Path.of(args[0])));
        String token = args[2];
        OutlookEndpoint mailbox = new OutlookEndpoint(OutlookSettings.of(URI.create(args[1]), () -> token));
        SyncReport report = new SyncEngine(store.sync()).run(OutlookPair.of(mailbox),
                RunOptions.normal().observedBy(step -> {
                    if (step == deadly && reached.incrementAndGet() == time) {
                        System.out.println("killed at " + step + " " + time);
                        System.out.flush();
                        Runtime.getRuntime().halt(KILLED);
                    }
                }));
        mailbox.close();
        store.close();
        System.out.println("ended " + report.outcome() + " " + report.types());
    }
}
