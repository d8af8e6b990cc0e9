package dev.outpost.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.RecordRepository;
import dev.outpost.store.SyncIssue;
import dev.outpost.store.SyncStore;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.MassDeleteGuard;
import dev.outpost.sync.OutlookPairRules;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;
import dev.outpost.sync.SyncReport;
import dev.outpost.sync.memory.MemoryEndpoint;

/**
 * Untracking a record releases its copy on the other side (Outlook: the sharing category comes off) at the next sync,
 * once; tracking it again claims the copy back. Nothing is deleted anywhere.
 */
class ReleaseAndClaimTest {

    private static final List<RecordType> OUTLOOK_TYPES =
            List.of(RecordType.CONTACT, RecordType.TASK, RecordType.APPOINTMENT, RecordType.EMAIL);

    @TempDir
    Path profile;

    private OfflineStore store;
    private RecordRepository records;
    private SyncStore sync;
    private SyncEngine engine;
    private MemoryEndpoint outlook;

    @BeforeEach
    void open() {
        store = OfflineStore.open(new ProfileFolder(profile));
        records = store.records();
        sync = store.sync();
        engine = new SyncEngine(sync, Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC),
                Validation.inSystemZone());
        outlook = new MemoryEndpoint("Outlook");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SyncReport syncOutlook(RunOptions options) {
        SyncPair pair = new SyncPair("outlook", outlook, ConflictPolicy.SERVER_WINS, OUTLOOK_TYPES, MassDeleteGuard.DEFAULT,
                OutlookPairRules.rules(5000));
        return engine.run(pair, options);
    }

    private SyncReport syncOutlook() {
        return syncOutlook(RunOptions.normal());
    }

    private Record syncedContact(String last) {
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", last, "private", "false"));
        syncOutlook();
        return contact;
    }

    private String remoteIdOf(Record record) {
        return sync.link("outlook", record.id()).orElseThrow().remoteId();
    }

    private List<SyncIssue> sharingIssues() {
        return sync.openIssues(Optional.of("outlook")).stream().filter(i -> i.kind().equals("sharing-failed")).toList();
    }

    @Test
    void untrackingALinkedRecordReleasesItsCopyAtTheNextSyncOnceAndDeletesNothing() {
        Record contact = syncedContact("Berg");
        String remoteId = remoteIdOf(contact);

        sync.untrack("outlook", contact.id());
        SyncReport report = syncOutlook();

        assertThat(report.outcome()).isEqualTo("done");
        assertThat(outlook.sharingCalls()).containsExactly("release contact " + remoteId);
        assertThat(outlook.get(RecordType.CONTACT, remoteId)).isPresent();
        assertThat(records.find(contact.id())).isPresent();

        long writes = outlook.writeCount();
        SyncReport again = syncOutlook();
        assertThat(again.pushed()).isZero();
        assertThat(again.pulled()).isZero();
        assertThat(outlook.writeCount()).isEqualTo(writes);
        assertThat(outlook.sharingCalls()).hasSize(1);
    }

    @Test
    void aRecordUntrackedBeforeItWasSentHasNothingToRelease() {
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Berg"));
        sync.untrack("outlook", contact.id());

        syncOutlook();

        assertThat(outlook.sharingCalls()).isEmpty();
        assertThat(outlook.all(RecordType.CONTACT)).isEmpty();
    }

    @Test
    void trackingAReleasedRecordAgainClaimsItsCopyOnceAndEditsFlowAgain() {
        Record contact = syncedContact("Berg");
        String remoteId = remoteIdOf(contact);
        sync.untrack("outlook", contact.id());
        syncOutlook();

        sync.track("outlook", contact.id());
        syncOutlook();

        assertThat(outlook.sharingCalls()).containsExactly("release contact " + remoteId, "claim contact " + remoteId);
        syncOutlook();
        assertThat(outlook.sharingCalls()).hasSize(2);

        records.update(contact.id(), Map.of("jobTitle", "CFO"));
        syncOutlook();
        assertThat(outlook.get(RecordType.CONTACT, remoteId).orElseThrow().values()).containsEntry("jobTitle", "CFO");
        outlook.edit(RecordType.CONTACT, remoteId, Map.of("phone", "+47 1"));
        syncOutlook();
        assertThat(records.find(contact.id()).orElseThrow().values()).containsEntry("phone", "+47 1");
    }

    @Test
    void trackingAgainBeforeAnySyncNeitherReleasesNorClaims() {
        Record contact = syncedContact("Berg");

        sync.untrack("outlook", contact.id());
        sync.track("outlook", contact.id());
        syncOutlook();

        assertThat(outlook.sharingCalls()).isEmpty();
    }

    @Test
    void untrackingAgainBeforeTheClaimWasSentLeavesTheCopyReleased() {
        Record contact = syncedContact("Berg");
        String remoteId = remoteIdOf(contact);
        sync.untrack("outlook", contact.id());
        syncOutlook();

        sync.track("outlook", contact.id());
        sync.untrack("outlook", contact.id());
        syncOutlook();

        assertThat(outlook.sharingCalls()).containsExactly("release contact " + remoteId);
    }

    @Test
    void aRefusedReleaseIsASyncIssueAndIsTriedAgainAtTheNextSync() {
        Record contact = syncedContact("Berg");
        String remoteId = remoteIdOf(contact);
        sync.untrack("outlook", contact.id());
        outlook.refuseSharing("the mailbox is read-only");

        SyncReport refused = syncOutlook();

        assertThat(sharingIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.recordId()).isEqualTo(contact.id());
            assertThat(issue.reason()).contains("the mailbox is read-only");
        });
        assertThat(refused.types().stream().mapToInt(t -> t.issues()).sum()).isEqualTo(1);

        outlook.refuseSharing("");
        syncOutlook();
        assertThat(sharingIssues()).isEmpty();
        assertThat(outlook.sharingCalls()).containsExactly("release contact " + remoteId, "release contact " + remoteId);
        syncOutlook();
        assertThat(outlook.sharingCalls()).hasSize(2);
    }

    @Test
    void aDryRunReleasesNothing() {
        Record contact = syncedContact("Berg");
        sync.untrack("outlook", contact.id());

        syncOutlook(RunOptions.preview());
        assertThat(outlook.sharingCalls()).isEmpty();

        syncOutlook();
        assertThat(outlook.sharingCalls()).hasSize(1);
    }

    @Test
    void aChangeThereInNothingSyncedOnlyMovesTheLinksVersion() {
        Record contact = syncedContact("Berg");
        String remoteId = remoteIdOf(contact);
        long rev = records.find(contact.id()).orElseThrow().rev();

        String version = outlook.bumpVersion(RecordType.CONTACT, remoteId).version();
        SyncReport report = syncOutlook();

        assertThat(report.pulled()).isZero();
        assertThat(records.find(contact.id()).orElseThrow().rev()).isEqualTo(rev);
        assertThat(sync.link("outlook", contact.id()).orElseThrow().remoteVersion()).isEqualTo(version);
    }

    @Test
    void trackingARecordWhoseCopyLeftTheScopeThereClaimsItBack() {
        Record contact = syncedContact("Berg");
        String remoteId = remoteIdOf(contact);
        outlook.scope(RecordType.CONTACT, values -> false); // as when the user takes the category off in Outlook
        syncOutlook();
        assertThat(sync.link("outlook", contact.id()).orElseThrow().inScope()).isFalse();

        sync.track("outlook", contact.id());
        syncOutlook();
        syncOutlook();

        assertThat(outlook.sharingCalls()).containsExactly("claim contact " + remoteId);
    }
}
