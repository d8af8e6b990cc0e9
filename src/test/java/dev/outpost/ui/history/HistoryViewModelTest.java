package dev.outpost.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.SyncRun;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;
import dev.outpost.sync.memory.MemoryEndpoint;
import dev.outpost.ui.concurrent.SameThreadTasks;

/** The History view's rows, from runs the real engine recorded in a real store. */
class HistoryViewModelTest {

    @TempDir
    Path folder;

    private OfflineStore store;
    private HistoryViewModel model;

    @BeforeEach
    void open() {
        store = OfflineStore.open(new ProfileFolder(folder));
        model = new HistoryViewModel(store.sync(), new SameThreadTasks(), ZoneId.of("UTC"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void eachRunSaysWhatMovedPerTypeAndDirectionNewestFirst() {
        MemoryEndpoint crm = new MemoryEndpoint();
        crm.createRemote(RecordType.ACCOUNT, Map.of("name", "Acme"));
        crm.createRemote(RecordType.ACCOUNT, Map.of("name", "Globex"));
        SyncPair pair = SyncPair.of("crm", crm, ConflictPolicy.ASK);
        SyncEngine engine = new SyncEngine(store.sync());
        engine.run(pair, RunOptions.normal());
        store.records().create(RecordType.CONTACT, Map.of("lastName", "Berg"));
        engine.run(pair, RunOptions.normal());
        engine.run(pair, RunOptions.normal());

        model.refresh();

        assertThat(model.rows()).hasSize(3);
        assertThat(model.rows().get(2).changes()).isEqualTo("accounts: 2 received");
        assertThat(model.rows().get(1).changes()).isEqualTo("contacts: 1 sent");
        assertThat(model.rows().get(0).changes()).isEqualTo("Nothing to do");
        assertThat(model.rows().get(0).result()).isEqualTo("Done");
        assertThat(model.rows().get(0).with()).isEqualTo("the CRM");
    }

    @Test
    void aHistoryThatCannotBeReadSaysWhyAndKeepsTheRowsShown() {
        new SyncEngine(store.sync()).run(SyncPair.of("crm", new MemoryEndpoint(), ConflictPolicy.ASK), RunOptions.normal());
        model.refresh();
        assertThat(model.rows()).hasSize(1);
        assertThat(model.problemProperty().get()).isEmpty();
        store.close(); // e.g. the offline copy was removed while the window was open

        model.refresh();

        assertThat(model.problemProperty().get()).startsWith("Could not read the history: ");
        assertThat(model.rows()).hasSize(1);
    }

    @Test
    void aFailedRunShowsItsReasonAndUnreadableCountsDoNotHideTheRest() {
        store.sync().addRun(new SyncRun(0, "outlook", java.time.Instant.parse("2026-11-21T08:30:00Z"), 2400, "failed",
                "not json", "Outlook is unreachable; check the connection and sync again.", false));

        model.refresh();

        HistoryRow row = model.rows().getFirst();
        assertThat(row.when()).isEqualTo("2026-11-21 08:30");
        assertThat(row.with()).isEqualTo("Outlook");
        assertThat(row.took()).isEqualTo("2.4 s");
        assertThat(row.result()).isEqualTo("Failed");
        assertThat(row.problem()).contains("unreachable");
        assertThat(row.changes()).contains("cannot be read");
    }

    @Test
    void aDecidedConflictIsAnEntryOfItsOwnBetweenTheRuns() {
        MemoryEndpoint crm = new MemoryEndpoint();
        var remote = crm.createRemote(RecordType.ACCOUNT, Map.of("name", "Acme", "city", "Leeds"));
        SyncPair pair = SyncPair.of("crm", crm, ConflictPolicy.ASK);
        SyncEngine engine = new SyncEngine(store.sync());
        engine.run(pair, RunOptions.normal());
        String id = store.records().list(RecordType.ACCOUNT, "").getFirst().id();
        store.records().update(id, Map.of("city", "Oslo"));
        crm.edit(RecordType.ACCOUNT, remote.remoteId(), Map.of("city", "Lisbon"));
        engine.run(pair, RunOptions.normal());
        long conflict = store.sync().openConflicts(java.util.Optional.empty()).getFirst().id();

        new dev.outpost.sync.ConflictResolver(store.sync(), dev.outpost.model.Validation.inSystemZone()).keepBoth(conflict);
        model.refresh();

        assertThat(model.rows()).hasSize(3);
        HistoryRow decided = model.rows().getFirst();
        assertThat(decided.result()).isEqualTo("Conflict decided");
        assertThat(decided.changes()).isEqualTo("Account \u201cAcme\u201d: kept both");
        assertThat(model.rows().get(1).result()).isEqualTo("Done, conflicts wait for you");
    }
}
