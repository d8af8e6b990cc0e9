package dev.outpost.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;
import dev.outpost.sync.TypeReport;
import dev.outpost.sync.memory.MemoryEndpoint;

/** The order of a run's passes, over two in-memory endpoints standing in for the CRM and the mailbox. */
class SyncRoundTest {

    @TempDir
    Path profile;

    private OfflineStore store;
    private final MemoryEndpoint crm = new MemoryEndpoint("CRM");
    private final MemoryEndpoint mailbox = new MemoryEndpoint("Outlook");
    private SyncRound round;

    @BeforeEach
    void open() {
        store = OfflineStore.open(new ProfileFolder(profile));
        round = new SyncRound(new SyncEngine(store.sync()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SyncRound.Reports run() {
        return round.run(SyncPair.of("crm", crm, ConflictPolicy.ASK), Optional.of(OutlookPair.of(mailbox)),
                RunOptions.normal());
    }

    @Test
    void aContactMadeInOutlookReachesTheCrmInTheSameRun() {
        mailbox.createRemote(RecordType.CONTACT, Map.of("lastName", "Vik", "email", "ana.vik@example.com"));

        SyncRound.Reports reports = run();

        assertThat(reports.crmAgain()).isPresent();
        assertThat(reports.crmAgain().get().types()).extracting(TypeReport::type).containsExactly(RecordType.CONTACT);
        assertThat(crm.all(RecordType.CONTACT)).singleElement()
                .satisfies(c -> assertThat(c.values()).containsEntry("email", "ana.vik@example.com"));
    }

    @Test
    void aCrmRecordReachesOutlookAndNeedsNoSecondCrmPass() {
        crm.createRemote(RecordType.TASK, Map.of("subject", "Call back"));

        SyncRound.Reports reports = run();

        assertThat(mailbox.all(RecordType.TASK)).singleElement()
                .satisfies(t -> assertThat(t.values()).containsEntry("subject", "Call back"));
        assertThat(reports.crmAgain()).isEmpty();
    }

    @Test
    void aTypeTheCrmPassFailedIsNotTriedAgainInTheSameRun() {
        crm.faults().unreachable(true);
        mailbox.createRemote(RecordType.CONTACT, Map.of("lastName", "Vik"));

        SyncRound.Reports reports = run();

        assertThat(reports.outlook().orElseThrow().pulled()).isEqualTo(1);
        assertThat(reports.crmAgain()).isEmpty();
    }

    @Test
    void withoutAMailboxOnlyTheCrmPairRuns() {
        SyncRound.Reports reports = round.run(SyncPair.of("crm", crm, ConflictPolicy.ASK), Optional.empty(),
                RunOptions.normal());

        assertThat(reports.all()).hasSize(1);
    }

    @Test
    void aDryRunPreviewsBothPairsAndWritesNothing() {
        mailbox.createRemote(RecordType.CONTACT, Map.of("lastName", "Vik"));

        SyncRound.Reports reports = round.run(SyncPair.of("crm", crm, ConflictPolicy.ASK),
                Optional.of(OutlookPair.of(mailbox)), RunOptions.preview());

        assertThat(reports.outlook()).isPresent();
        assertThat(reports.crmAgain()).isEmpty();
        assertThat(crm.count(RecordType.CONTACT)).isZero();
    }
}
