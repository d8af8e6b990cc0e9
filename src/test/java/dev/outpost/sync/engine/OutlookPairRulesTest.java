package dev.outpost.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.store.Link;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.RecordRepository;
import dev.outpost.store.SyncStore;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.MassDeleteGuard;
import dev.outpost.sync.OutlookPairRules;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;
import dev.outpost.sync.SyncReport;
import dev.outpost.sync.TypeOutcome;
import dev.outpost.sync.TypeReport;
import dev.outpost.sync.memory.MemoryEndpoint;

/**
 * The outlook pair's rules (DESIGN.md, "Outlook pair rules"): e-mail one way, what a deletion in Outlook means,
 * the combined limit of records sent, and tracking. The crm pair runs beside it where a rule reaches the CRM.
 */
class OutlookPairRulesTest {

    private static final List<RecordType> OUTLOOK_TYPES =
            List.of(RecordType.CONTACT, RecordType.TASK, RecordType.APPOINTMENT, RecordType.EMAIL);

    @TempDir
    Path profile;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private OfflineStore store;
    private RecordRepository records;
    private SyncStore sync;
    private SyncEngine engine;
    private MemoryEndpoint crm;
    private MemoryEndpoint outlook;
    private int limit = 5000;

    @BeforeEach
    void open() {
        store = OfflineStore.open(new ProfileFolder(profile));
        records = store.records();
        sync = store.sync();
        engine = new SyncEngine(sync, Clock.fixed(now, ZoneOffset.UTC), Validation.inSystemZone());
        crm = new MemoryEndpoint("CRM");
        outlook = new MemoryEndpoint("Outlook");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SyncReport syncOutlook() {
        SyncPair pair = new SyncPair("outlook", outlook, ConflictPolicy.SERVER_WINS, OUTLOOK_TYPES, MassDeleteGuard.DEFAULT,
                OutlookPairRules.rules(limit));
        SyncReport report = engine.run(pair, RunOptions.normal());
        assertThat(report.outcome()).isIn("done", "conflicts");
        return report;
    }

    private SyncReport syncCrm() {
        return engine.run(SyncPair.of("crm", crm, ConflictPolicy.ASK), RunOptions.normal());
    }

    private static TypeReport of(SyncReport report, RecordType type) {
        return report.types().stream().filter(t -> t.type() == type).findFirst().orElseThrow();
    }

    private String outlookIdOf(Record record) {
        return sync.link("outlook", record.id()).orElseThrow().remoteId();
    }

    private Record contact(String last, boolean isPrivate) {
        return records.create(RecordType.CONTACT, Map.of("lastName", last, "private", Boolean.toString(isPrivate)));
    }

    private Record task(String subject, LocalDate due) {
        return records.create(RecordType.TASK, Map.of("subject", subject, "due", due.toString()));
    }

    private Record appointment(String subject, Instant start) {
        return records.create(RecordType.APPOINTMENT, Map.of("subject", subject, "start", start.toString(),
                "end", start.plus(Duration.ofHours(1)).toString()));
    }

    private List<String> subjects(RecordType type) {
        return outlook.all(type).stream().map(r -> r.values().getOrDefault("subject", r.values().get("lastName")))
                .sorted().toList();
    }

    private void assertSecondSyncWritesNothing() {
        long writes = outlook.writeCount();
        SyncReport again = syncOutlook();
        assertThat(again.pushed()).isZero();
        assertThat(again.pulled()).isZero();
        assertThat(outlook.writeCount()).isEqualTo(writes);
    }

    // --- deletion in Outlook (seed 001)

    @Test
    void aPrivateContactDeletedInOutlookIsDeletedHereAndThenInTheCrm() {
        Record contact = contact("Berg", true);
        syncCrm();
        syncOutlook();
        assertThat(outlook.all(RecordType.CONTACT)).hasSize(1);

        outlook.remove(RecordType.CONTACT, outlookIdOf(contact));
        SyncReport report = syncOutlook();
        syncCrm();

        assertThat(of(report, RecordType.CONTACT).pulledDeleted()).isEqualTo(1);
        assertThat(records.list(RecordType.CONTACT, "")).isEmpty();
        assertThat(crm.all(RecordType.CONTACT)).isEmpty();
        assertSecondSyncWritesNothing();
    }

    @Test
    void aBusinessContactDeletedInOutlookStaysHereAndInTheCrmAndIsNotSentToOutlookAgain() {
        Record contact = contact("Berg", false);
        syncCrm();
        syncOutlook();

        outlook.remove(RecordType.CONTACT, outlookIdOf(contact));
        SyncReport report = syncOutlook();
        syncCrm();

        assertThat(of(report, RecordType.CONTACT).pulledDeleted()).isZero();
        assertThat(of(report, RecordType.CONTACT).stoppedTracking()).isEqualTo(1);
        assertThat(records.find(contact.id())).hasValueSatisfying(r -> assertThat(r.deleted()).isFalse());
        assertThat(crm.all(RecordType.CONTACT)).hasSize(1);
        assertThat(sync.link("outlook", contact.id())).isEmpty();
        assertThat(sync.tracked("outlook", contact.id())).isFalse();

        records.update(contact.id(), Map.of("jobTitle", "CFO")); // even an edit does not bring it back
        syncOutlook();
        assertThat(outlook.all(RecordType.CONTACT)).isEmpty();
        assertSecondSyncWritesNothing();
    }

    @Test
    void aTaskDeletedInOutlookIsDeletedHereAndThenInTheCrm() {
        Record task = task("Call Anna", LocalDate.now());
        syncCrm();
        syncOutlook();

        outlook.remove(RecordType.TASK, outlookIdOf(task));
        syncOutlook();
        syncCrm();

        assertThat(records.list(RecordType.TASK, "")).isEmpty();
        assertThat(crm.all(RecordType.TASK)).isEmpty();
    }

    @Test
    void anAppointmentDeletedInOutlookIsDeletedHere() {
        Record meeting = appointment("Review", now.plus(Duration.ofDays(1)));
        syncOutlook();

        outlook.remove(RecordType.APPOINTMENT, outlookIdOf(meeting));
        syncOutlook();

        assertThat(records.list(RecordType.APPOINTMENT, "")).isEmpty();
    }

    @Test
    void anItemDeletedInOutlookBeforeItsFirstSyncHasNoEffect() {
        contact("Berg", false);
        syncOutlook();
        RemoteRecord shortLived = outlook.createRemote(RecordType.CONTACT, Map.of("lastName", "Short", "private", "true"));
        outlook.remove(RecordType.CONTACT, shortLived.remoteId());

        SyncReport report = syncOutlook();

        assertThat(report.pulled()).isZero();
        assertThat(records.list(RecordType.CONTACT, "")).extracting(Record::title).containsExactly("Berg");
        assertThat(outlook.all(RecordType.CONTACT)).hasSize(1);
    }

    @Test
    void businessContactsDeletedInOutlookDoNotTripTheMassDeleteGuard() {
        for (int i = 0; i < 30; i++) {
            contact("Contact " + i, false);
        }
        syncOutlook();
        outlook.all(RecordType.CONTACT).forEach(r -> outlook.remove(RecordType.CONTACT, r.remoteId()));

        SyncReport report = syncOutlook();

        assertThat(of(report, RecordType.CONTACT).outcome()).isEqualTo(TypeOutcome.DONE);
        assertThat(of(report, RecordType.CONTACT).stoppedTracking()).isEqualTo(30);
        assertThat(records.list(RecordType.CONTACT, "")).hasSize(30);
    }

    // --- e-mail is one-way, Outlook to here (seed 003)

    @Test
    void emailsComeFromOutlookButNothingIsEverSentBack() {
        Record local = records.create(RecordType.EMAIL, Map.of("subject", "From the CRM", "from", "a@b.example"));
        RemoteRecord shared = outlook.createRemote(RecordType.EMAIL, Map.of("subject", "Shared", "from", "c@d.example"));
        syncOutlook();
        Record pulled = records.list(RecordType.EMAIL, "Shared").getFirst();
        long writes = outlook.writeCount();

        records.update(pulled.id(), Map.of("body", "Notes added here"));
        SyncReport edited = syncOutlook();
        assertThat(sync.pending("outlook", RecordType.EMAIL).records()).isEmpty();
        records.delete(pulled.id());
        SyncReport deleted = syncOutlook();
        outlook.edit(RecordType.EMAIL, shared.remoteId(), Map.of("subject", "Shared, edited"));
        syncOutlook();

        assertThat(outlook.writeCount()).isEqualTo(writes);
        assertThat(edited.pushed() + deleted.pushed()).isZero();
        assertThat(outlook.all(RecordType.EMAIL)).extracting(r -> r.values().get("subject")).containsExactly("Shared, edited");
        assertThat(records.find(local.id())).isPresent();
        assertThat(records.find(pulled.id())).hasValueSatisfying(r -> assertThat(r.deleted()).isTrue());
        assertSecondSyncWritesNothing();
    }

    @Test
    void anEmailEditedHereKeepsTheEditWhenOutlookChangesItToo() {
        RemoteRecord shared = outlook.createRemote(RecordType.EMAIL, Map.of("subject", "Shared", "from", "c@d.example"));
        syncOutlook();
        Record pulled = records.list(RecordType.EMAIL, "Shared").getFirst();
        records.update(pulled.id(), Map.of("body", "Notes added here"));
        syncOutlook();

        outlook.edit(RecordType.EMAIL, shared.remoteId(), Map.of("subject", "Shared again"));
        syncOutlook();

        assertThat(records.find(pulled.id()).orElseThrow().values())
                .containsEntry("subject", "Shared again").containsEntry("body", "Notes added here");
        assertThat(outlook.get(RecordType.EMAIL, shared.remoteId()).orElseThrow().values()).doesNotContainKey("body");
    }

    // --- the combined limit (seed 000)

    private Map<String, Record> eightCandidates() {
        Map<String, Record> made = new HashMap<>();
        for (Record r : List.of(
                contact("Berg", false), contact("Dahl", false), // modified now: nearest
                appointment("Tomorrow", now.plus(Duration.ofDays(1))),
                task("Due in two days", LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(2)),
                appointment("In ten days", now.plus(Duration.ofDays(10))),
                task("Due in a month", LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(30)),
                appointment("Months ago", now.minus(Duration.ofDays(100))),
                task("Long overdue", LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(200)))) {
            made.put(r.title(), r);
        }
        return made;
    }

    @Test
    void overTheLimitTheNearestAreSentAndTheRestAreListedAsOutOfScope() {
        Map<String, Record> made = eightCandidates();
        limit = 5;

        SyncReport report = syncOutlook();

        assertThat(subjects(RecordType.CONTACT)).containsExactly("Berg", "Dahl");
        assertThat(subjects(RecordType.APPOINTMENT)).containsExactly("In ten days", "Tomorrow");
        assertThat(subjects(RecordType.TASK)).containsExactly("Due in two days");
        assertThat(of(report, RecordType.TASK).overLimit()).isEqualTo(2);
        assertThat(of(report, RecordType.APPOINTMENT).overLimit()).isEqualTo(1);
        assertThat(of(report, RecordType.CONTACT).overLimit()).isZero();
        assertThat(sync.overLimit("outlook", RecordType.TASK))
                .containsExactlyInAnyOrder(made.get("Due in a month").id(), made.get("Long overdue").id());
        assertThat(sync.overLimit("outlook", RecordType.APPOINTMENT)).containsExactly(made.get("Months ago").id());
        assertSecondSyncWritesNothing();
    }

    @Test
    void raisingTheLimitSendsWhatItLeftOut() {
        eightCandidates();
        limit = 5;
        syncOutlook();

        limit = 8;
        SyncReport report = syncOutlook();

        assertThat(report.pushed()).isEqualTo(3);
        assertThat(outlook.count(RecordType.TASK) + outlook.count(RecordType.APPOINTMENT) + outlook.count(RecordType.CONTACT))
                .isEqualTo(8);
        assertThat(sync.overLimitCounts("outlook")).isEmpty();
        assertSecondSyncWritesNothing();
    }

    @Test
    void aSyncedRecordPushedOutByTheLimitStaysInOutlookAndStopsSyncing() {
        limit = 2;
        Record later = appointment("In ten days", now.plus(Duration.ofDays(10)));
        appointment("Tomorrow", now.plus(Duration.ofDays(1)));
        syncOutlook();
        String laterId = outlookIdOf(later);

        appointment("Today", now.plus(Duration.ofHours(2)));
        SyncReport report = syncOutlook();
        records.update(later.id(), Map.of("location", "Oslo"));
        outlook.edit(RecordType.APPOINTMENT, laterId, Map.of("notes", "moved"));
        syncOutlook();

        assertThat(of(report, RecordType.APPOINTMENT).overLimit()).isEqualTo(1);
        assertThat(outlook.get(RecordType.APPOINTMENT, laterId)).hasValueSatisfying(r ->
                assertThat(r.values()).doesNotContainKey("location").containsEntry("notes", "moved"));
        assertThat(records.find(later.id()).orElseThrow().values()).doesNotContainKey("notes");
        assertThat(subjects(RecordType.APPOINTMENT)).containsExactly("In ten days", "Today", "Tomorrow");
    }

    @Test
    void anItemTakenOutOfTheSharingInOutlookNoLongerHoldsAPlaceUnderTheLimit() {
        limit = 2;
        appointment("Tomorrow", now.plus(Duration.ofDays(1)));
        Record tenDays = appointment("In ten days", now.plus(Duration.ofDays(10)));
        Record monthsAgo = appointment("Months ago", now.minus(Duration.ofDays(100)));
        syncOutlook();
        assertThat(sync.overLimit("outlook", RecordType.APPOINTMENT)).containsExactly(monthsAgo.id());

        // The user takes the category off "Tomorrow" in Outlook: it leaves the scope, deleted nowhere.
        outlook.scope(RecordType.APPOINTMENT, v -> !"Tomorrow".equals(v.get("subject")));
        syncOutlook();
        Record nextWeek = appointment("Next week", now.plus(Duration.ofDays(7))); // a new record: the limit ranks again
        syncOutlook();

        assertThat(sync.overLimit("outlook", RecordType.APPOINTMENT)).containsExactly(monthsAgo.id());
        assertThat(sync.link("outlook", tenDays.id())).get().extracting(Link::inScope).isEqualTo(true);
        assertThat(sync.link("outlook", nextWeek.id())).get().extracting(Link::inScope).isEqualTo(true);
    }

    @Test
    void aRecordTheUserTracksRanksBeforeTheOthersUnderTheLimit() {
        limit = 1;
        appointment("Tomorrow", now.plus(Duration.ofDays(1)));
        Record old = appointment("Months ago", now.minus(Duration.ofDays(100)));
        sync.track("outlook", old.id());

        syncOutlook();

        assertThat(subjects(RecordType.APPOINTMENT)).containsExactly("Months ago");
    }

    @Test
    void aRankingStandsUntilARecordNewToThePairComesInOrAnHourHasPassed() {
        limit = 1;
        appointment("Tomorrow", now.plus(Duration.ofDays(1)));
        Record later = appointment("In ten days", now.plus(Duration.ofDays(10)));
        syncOutlook();
        records.update(later.id(), Map.of("start", now.plus(Duration.ofHours(2)).toString(),
                "end", now.plus(Duration.ofHours(3)).toString()));

        syncOutlook();
        assertThat(subjects(RecordType.APPOINTMENT)).containsExactly("Tomorrow");

        engine = new SyncEngine(sync, Clock.fixed(now.plus(Duration.ofMinutes(61)), ZoneOffset.UTC), Validation.inSystemZone());
        syncOutlook();
        assertThat(subjects(RecordType.APPOINTMENT)).containsExactly("In ten days", "Tomorrow"); // the first stays there
        assertThat(sync.overLimit("outlook", RecordType.APPOINTMENT)).containsExactly(local("Tomorrow").id());
    }

    private Record local(String subject) {
        return records.list(RecordType.APPOINTMENT, "").stream().filter(r -> r.title().equals(subject)).findFirst().orElseThrow();
    }

    // --- track and untrack

    @Test
    void untrackingStopsTheSyncWithoutDeletingAnythingAndTrackingResumesIt() {
        Record contact = contact("Berg", false);
        syncOutlook();
        String remoteId = outlookIdOf(contact);

        sync.untrack("outlook", contact.id());
        records.update(contact.id(), Map.of("jobTitle", "CFO"));
        outlook.edit(RecordType.CONTACT, remoteId, Map.of("phone", "+47 1"));
        syncOutlook();

        assertThat(outlook.get(RecordType.CONTACT, remoteId).orElseThrow().values()).doesNotContainKey("jobTitle");
        assertThat(records.find(contact.id()).orElseThrow().values()).doesNotContainKey("phone");
        assertThat(records.list(RecordType.CONTACT, "")).hasSize(1);
        assertSecondSyncWritesNothing();

        sync.track("outlook", contact.id());
        syncOutlook();

        assertThat(outlook.get(RecordType.CONTACT, remoteId).orElseThrow().values())
                .containsEntry("jobTitle", "CFO").containsEntry("phone", "+47 1");
        assertThat(records.find(contact.id()).orElseThrow().values()).containsEntry("phone", "+47 1");
        assertThat(outlook.all(RecordType.CONTACT)).hasSize(1);
    }

    @Test
    void aRecordUntrackedBeforeItWasSentIsNotSentUntilTrackedAgain() {
        Record contact = contact("Berg", false);
        sync.untrack("outlook", contact.id());

        syncOutlook();
        assertThat(outlook.all(RecordType.CONTACT)).isEmpty();
        assertThat(sync.untracked("outlook", RecordType.CONTACT)).containsExactly(contact.id());

        sync.track("outlook", contact.id());
        syncOutlook();
        assertThat(outlook.all(RecordType.CONTACT)).hasSize(1);
        assertSecondSyncWritesNothing();
    }

    @Test
    void untrackingForOutlookLeavesTheCrmPairAlone() {
        Record contact = contact("Berg", false);
        sync.untrack("outlook", contact.id());

        syncCrm();

        assertThat(crm.all(RecordType.CONTACT)).hasSize(1);
    }
}
