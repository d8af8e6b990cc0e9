package dev.outpost.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.SyncReport;
import dev.outpost.sync.SyncStep;
import dev.outpost.sync.TypeOutcome;
import dev.outpost.sync.TypeReport;
import dev.outpost.testing.ChildJvm;

/**
 * The app dies in the middle of sending new records to the CRM — before the batch left, or after the CRM
 * applied it but before the answers were recorded — and is started again: the CRM ends up holding each new
 * record exactly once, linked to the local one, and a sync after that moves nothing. The dying run is a child
 * JVM syncing the profile with the demo CRM that this JVM serves over loopback; the restart runs here.
 */
class CrashMidPushTest {

    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> NEW_ACCOUNTS = List.of("Fjord Traders", "Grove Supplies", "Heath & Co");
    private static final List<String> NEW_CONTACTS = List.of("Iris Hale", "Jon Lund");

    @TempDir
    Path profile;

    private DemoCrmProfile crm;
    private Map<RecordType, Integer> before;
    private String accountEditedHere;

    /** Synced once; then three accounts (with an edit, one batch) and two contacts of the first made here. */
    @BeforeEach
    void syncOnceThenMakeRecordsHere() {
        crm = new DemoCrmProfile(profile, 20);
        SyncReport first = crm.sync();
        assertThat(first.outcome()).as("the first sync: %s", first.types()).isEqualTo("done");
        before = crm.serverCounts();
        accountEditedHere = crm.nth(RecordType.ACCOUNT, 0).id();

        var records = crm.store.records();
        String fjord = records.create(RecordType.ACCOUNT, Map.of("name", "Fjord Traders", "city", "Bergen")).id();
        records.create(RecordType.ACCOUNT, Map.of("name", "Grove Supplies"));
        records.create(RecordType.ACCOUNT, Map.of("name", "Heath & Co", "phone", "+44 20 7946 0000"));
        records.update(accountEditedHere, Map.of("city", "Oslo"));
        records.create(RecordType.CONTACT, Map.of("firstName", "Iris", "lastName", "Hale", "accountId", fjord));
        records.create(RecordType.CONTACT, Map.of("firstName", "Jon", "lastName", "Lund", "email", "jon@lund.example"));
        crm.closeStore();
    }

    @AfterEach
    void close() {
        crm.close();
    }

    @Test
    void aCrashAfterTheCrmAppliedTheNewAccountsButBeforeTheAnswersWereRecordedSendsNothingTwice() throws Exception {
        dieAt(SyncStep.BATCH_SENT, 1);
        assertThat(crm.server.count("accounts")).as("accounts the CRM holds when the app died")
                .isEqualTo(before.get(RecordType.ACCOUNT) + NEW_ACCOUNTS.size());

        SyncReport restart = restart();

        assertThat(report(restart, RecordType.ACCOUNT).pushedCreated()).as("accounts the restart created again").isZero();
        assertThat(report(restart, RecordType.CONTACT).pushedCreated()).as("contacts the restart created")
                .isEqualTo(NEW_CONTACTS.size());
        assertEachNewRecordIsInTheCrmOnceAndLinked();
        assertASyncAfterMovesNothing();
    }

    @Test
    void aCrashAfterTheNewAccountsWereJournaledButBeforeTheyWereSentSendsThemOnceOnRestart() throws Exception {
        dieAt(SyncStep.JOURNAL_WRITTEN, 1);
        assertThat(crm.server.count("accounts")).as("accounts the CRM holds when the app died")
                .isEqualTo(before.get(RecordType.ACCOUNT));

        SyncReport restart = restart();

        assertThat(report(restart, RecordType.ACCOUNT).pushedCreated()).as("accounts the restart created")
                .isEqualTo(NEW_ACCOUNTS.size());
        assertEachNewRecordIsInTheCrmOnceAndLinked();
        assertASyncAfterMovesNothing();
    }

    @Test
    void aCrashAfterTheCrmAppliedNewContactsOfANewAccountSendsNothingTwice() throws Exception {
        dieAt(SyncStep.BATCH_SENT, 2);
        assertThat(crm.server.count("contacts")).as("contacts the CRM holds when the app died")
                .isEqualTo(before.get(RecordType.CONTACT) + NEW_CONTACTS.size());

        SyncReport restart = restart();

        assertThat(restart.pushed()).as("records the restart sent again").isZero();
        assertEachNewRecordIsInTheCrmOnceAndLinked();
        assertASyncAfterMovesNothing();
    }

    /** Runs the sync in a child JVM that dies the hard way at the given time it reaches the step. */
    private void dieAt(SyncStep step, int time) throws Exception {
        try (ChildJvm child = ChildJvm.start(CrmSyncKilledAtStep.class, profile.toString(), crm.server.url().toString(),
                crm.token.get(), step.name(), Integer.toString(time))) {
            int exit = child.waitForExit(CHILD_TIMEOUT);
            assertThat(exit).as("the child's exit; it printed:\n%s", child.output())
                    .isEqualTo(CrmSyncKilledAtStep.KILLED);
            assertThat(child.lines()).as("what the child printed").contains("killed at " + step + " " + time);
        }
    }

    /** Opens the profile again, as the restarted app does, and syncs: the journal the crash left is settled first. */
    private SyncReport restart() {
        crm.reopen();
        assertThat(crm.store.sync().openJournal(DemoCrmProfile.PAIR)).as("writes the crash left in the journal")
                .isNotEmpty();
        SyncReport restart = crm.sync();
        assertThat(restart.outcome()).as("the restart: %s", restart.types()).isEqualTo("done");
        return restart;
    }

    private void assertEachNewRecordIsInTheCrmOnceAndLinked() {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(crm.server.count("accounts")).as("accounts in the CRM")
                .isEqualTo(before.get(RecordType.ACCOUNT) + NEW_ACCOUNTS.size());
        soft.assertThat(crm.server.count("contacts")).as("contacts in the CRM")
                .isEqualTo(before.get(RecordType.CONTACT) + NEW_CONTACTS.size());
        assertOnceAndLinked(soft, RecordType.ACCOUNT, NEW_ACCOUNTS);
        assertOnceAndLinked(soft, RecordType.CONTACT, NEW_CONTACTS);
        Record edited = crm.store.records().find(accountEditedHere).orElseThrow();
        soft.assertThat(crm.serverRows(RecordType.ACCOUNT).get(crm.remoteIdOf(edited)).values())
                .as("the account edited here, there").containsEntry("city", "Oslo");
        soft.assertThat(crm.differences()).as("how the store and the CRM differ").isEmpty();
        soft.assertThat(crm.store.sync().openJournal(DemoCrmProfile.PAIR)).as("writes left in the journal").isEmpty();
        soft.assertThat(crm.store.sync().openIssues(Optional.of(DemoCrmProfile.PAIR))).as("sync issues").isEmpty();
        soft.assertThat(crm.store.sync().openConflicts(Optional.of(DemoCrmProfile.PAIR))).as("conflicts").isEmpty();
        soft.assertAll();
    }

    private void assertOnceAndLinked(SoftAssertions soft, RecordType type, List<String> titles) {
        for (String title : titles) {
            List<RemoteRecord> there = crm.serverRowsTitled(type, title);
            soft.assertThat(there).as("%s '%s' in the CRM", type.id(), title).hasSize(1);
            List<Record> here = crm.locals(type, title);
            soft.assertThat(here).as("%s '%s' here", type.id(), title).hasSize(1);
            if (there.size() == 1 && here.size() == 1) {
                soft.assertThat(crm.store.sync().link(DemoCrmProfile.PAIR, here.getFirst().id()))
                        .as("the link of %s '%s'", type.id(), title)
                        .hasValueSatisfying(link -> assertThat(link.remoteId()).isEqualTo(there.getFirst().remoteId()));
            }
        }
    }

    private void assertASyncAfterMovesNothing() {
        Map<RecordType, Map<String, RemoteRecord>> server = crm.serverSnapshot();

        SyncReport again = crm.sync();

        assertThat(again.types()).as("what the sync after the restart did").allSatisfy(type -> {
            assertThat(type.outcome()).isEqualTo(TypeOutcome.DONE);
            assertThat(type.pulled() + type.pushed() + type.merged() + type.conflicts() + type.issues()).isZero();
        });
        assertThat(crm.serverSnapshot()).as("every row and version on the server").isEqualTo(server);
    }

    private static TypeReport report(SyncReport report, RecordType type) {
        return report.types().stream().filter(t -> t.type() == type).findFirst().orElseThrow();
    }
}
