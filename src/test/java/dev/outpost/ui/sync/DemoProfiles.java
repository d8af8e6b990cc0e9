package dev.outpost.ui.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.testfx.util.WaitForAsyncUtils;

import dev.outpost.crm.CrmConnection;
import dev.outpost.crm.DataverseEndpoint;
import dev.outpost.crm.TokenSource;
import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;
import dev.outpost.sync.SyncReport;

/** The other user of the demo CRM: a second profile that syncs with the same demo server. */
final class DemoProfiles {

    /** Few sample records keep the first sync of a UI test short. */
    static final int RECORDS = 60;

    private DemoProfiles() {
    }

    static SyncConnection connection(Path profile) {
        return new SyncConnection(new ProfileFolder(profile), Map.<String, String>of()::get, RECORDS);
    }

    static SyncReport syncOther(OfflineStore other, SyncConnection demo) {
        CrmConnection crm = CrmConnection.of(demo.demoUrl().orElseThrow(), TokenSource.fixed(SyncConnection.DEMO_TOKEN))
                .pageSize(5000).batchSize(50);
        return new SyncEngine(other.sync()).run(SyncPair.of(SyncConnection.PAIR, new DataverseEndpoint(crm),
                ConflictPolicy.ASK), RunOptions.normal());
    }

    static OfflineStore openOther(Path folder) {
        return OfflineStore.open(new ProfileFolder(folder));
    }

    static Record account(OfflineStore store, String name) {
        return store.records().list(RecordType.ACCOUNT, name).getFirst();
    }

    static void waitUntil(Duration timeout, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
