package dev.outpost.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.ConflictResolver;
import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncReport;
import dev.outpost.sync.TypeOutcome;
import dev.outpost.sync.TypeReport;
import dev.outpost.sync.memory.SimulatedCrash;

/** The engine's promises, one scenario each: nothing lost, nothing duplicated, nothing overwritten silently. */
class EngineScenariosTest extends EngineFixture {

    private TypeReport report(SyncReport report, RecordType type) {
        return report.types().stream().filter(t -> t.type() == type).findFirst().orElseThrow();
    }

    private List<String> accounts(int n, String prefix) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(remote.createRemote(RecordType.ACCOUNT, Map.of("name", prefix + " " + i)).remoteId());
        }
        return ids;
    }

    @Test
    void onTheFirstSyncRecordsMadeOnBothSidesAreLinkedByTheirUserKeyNotDuplicated() {
        records.create(RecordType.CONTACT, Map.of("lastName", "Berg", "email", "anna@berg.example", "jobTitle", "CFO"));
        remote.createRemote(RecordType.CONTACT, Map.of("lastName", "Berg", "email", "ANNA@berg.example", "phone", "+47 1"));

        SyncReport report = sync();

        assertThat(records.list(RecordType.CONTACT, "")).hasSize(1);
        assertThat(remote.all(RecordType.CONTACT)).hasSize(1);
        // With no base to compare, a field both sides filled differently is a conflict (the e-mail's case).
        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(store.sync().openConflicts(Optional.empty())).singleElement()
                .satisfies(c -> assertThat(c.fields()).containsExactly("email"));
    }

    @Test
    void onTheFirstSyncMatchingRecordsWithoutCollidingFieldsMergeBothWays() {
        records.create(RecordType.CONTACT, Map.of("lastName", "Berg", "email", "anna@berg.example", "jobTitle", "CFO"));
        remote.createRemote(RecordType.CONTACT, Map.of("lastName", "Berg", "email", "anna@berg.example", "phone", "+47 1"));

        sync();

        assertThat(records.list(RecordType.CONTACT, "").getFirst().values()).containsEntry("jobTitle", "CFO").containsEntry("phone", "+47 1");
        assertThat(remote.all(RecordType.CONTACT).getFirst().values()).containsEntry("jobTitle", "CFO").containsEntry("phone", "+47 1");
    }

    @Test
    void laterARemoteRecordLikeAnUnsentLocalOneBecomesAPossibleDuplicateIssueAndTheLocalOneIsHeld() {
        remote.createRemote(RecordType.ACCOUNT, Map.of("name", "Seed"));
        sync();
        records.create(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));
        remote.createRemote(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));

        SyncReport report = sync();

        assertThat(report(report, RecordType.CONTACT).issues()).isEqualTo(1);
        assertThat(store.sync().openIssues(Optional.empty())).extracting(i -> i.kind()).containsExactly("possible-duplicate");
        assertThat(records.list(RecordType.CONTACT, "")).hasSize(2); // both kept here, the user decides
        assertThat(remote.all(RecordType.CONTACT)).hasSize(1);       // and no second copy was sent
    }

    @Test
    void aNewLocalRecordLikeOneTheEndpointHasOutOfScopeIsNotSent() {
        remote.scope(RecordType.CONTACT, v -> !"hidden@x.example".equals(v.get("email")));
        remote.createRemote(RecordType.CONTACT, contact("Hid", "Den", "hidden@x.example"));
        remote.createRemote(RecordType.ACCOUNT, Map.of("name", "Seed"));
        sync();
        remote.scope(RecordType.CONTACT, v -> true);
        remote.resetCounters();
        // Let the endpoint's scope include it only for the user-key search: it is not linked here.
        records.create(RecordType.CONTACT, contact("Hid", "Den", "hidden@x.example"));

        sync();

        assertThat(remote.all(RecordType.CONTACT)).hasSize(1);
        assertThat(records.list(RecordType.CONTACT, "")).hasSize(2);
    }

    @Test
    void aRecordLeavingTheScopeIsUnlinkedNotDeletedOnEitherSide() {
        var made = remote.createRemote(RecordType.CONTACT, Map.of("lastName", "Berg", "category", "keep"));
        sync();
        remote.scope(RecordType.CONTACT, v -> "keep".equals(v.get("category")));
        remote.edit(RecordType.CONTACT, made.remoteId(), Map.of("category", "other"));

        sync();
        remote.resetCounters();
        sync();

        assertThat(maybeLocal(RecordType.CONTACT, "Berg")).isPresent();
        assertThat(remote.get(RecordType.CONTACT, made.remoteId())).isPresent();
        assertThat(remote.writeCount()).isZero();
        assertThat(records.status().totalPending()).isZero();
    }

    @Test
    void aRecordAbsentFromAReListingButStillThereOnlyLeftTheScopeAndIsDeletedNowhere() {
        // A calendar listing covers today's window: last month's events are missing from it, not deleted.
        var aged = remote.createRemote(RecordType.CONTACT, Map.of("lastName", "Aged", "category", "old"));
        remote.createRemote(RecordType.CONTACT, Map.of("lastName", "Current", "category", "keep"));
        var gone = remote.createRemote(RecordType.CONTACT, Map.of("lastName", "Gone", "category", "keep"));
        sync();
        remote.remove(RecordType.CONTACT, gone.remoteId());
        remote.scope(RecordType.CONTACT, v -> !"old".equals(v.get("category")));
        remote.faults().expireAnchorsUntilReset(); // the window moved: the next pull is a complete listing

        SyncReport report = sync();
        remote.faults().reset();

        assertThat(maybeLocal(RecordType.CONTACT, "Aged")).isPresent();
        assertThat(remote.get(RecordType.CONTACT, aged.remoteId())).isPresent();
        assertThat(maybeLocal(RecordType.CONTACT, "Gone")).isEmpty();
        assertThat(report(report, RecordType.CONTACT).pulledDeleted()).isEqualTo(1);
        assertThat(store.sync().link("crm", local(RecordType.CONTACT, "Aged").id())).get()
                .extracting(dev.outpost.store.Link::inScope).isEqualTo(false);
        assertThat(sync().pushed()).isZero();
    }

    @Test
    void manyRemoteDeletionsStopAndAskThenGoThroughWhenConfirmed() {
        List<String> ids = accounts(100, "Company");
        sync();
        ids.subList(0, 30).forEach(id -> remote.remove(RecordType.ACCOUNT, id));

        SyncReport held = sync();
        assertThat(report(held, RecordType.ACCOUNT).outcome()).isEqualTo(TypeOutcome.NEEDS_CONFIRMATION);
        assertThat(report(held, RecordType.ACCOUNT).pendingDeletes()).isEqualTo(30);
        assertThat(records.list(RecordType.ACCOUNT, "")).hasSize(100);

        SyncReport confirmed = engine.run(pair(), RunOptions.normal().confirmingMassDeletes(Set.of(RecordType.ACCOUNT)));
        assertThat(report(confirmed, RecordType.ACCOUNT).pulledDeleted()).isEqualTo(30);
        assertThat(records.list(RecordType.ACCOUNT, "")).hasSize(70);
    }

    @Test
    void manyLocalDeletionsStopAndAskBeforeDeletingOnTheEndpoint() {
        accounts(100, "Company");
        sync();
        records.list(RecordType.ACCOUNT, "").subList(0, 30).forEach(r -> records.delete(r.id()));

        SyncReport held = sync();

        assertThat(report(held, RecordType.ACCOUNT).outcome()).isEqualTo(TypeOutcome.NEEDS_CONFIRMATION);
        assertThat(remote.count(RecordType.ACCOUNT)).isEqualTo(100);
        engine.run(pair(), RunOptions.normal().confirmingMassDeletes(Set.of(RecordType.ACCOUNT)));
        assertThat(remote.count(RecordType.ACCOUNT)).isEqualTo(70);
    }

    @Test
    void deletionsUnderTheGuardsThresholdGoThroughWithoutAsking() {
        List<String> ids = accounts(100, "Company");
        sync();
        ids.subList(0, 20).forEach(id -> remote.remove(RecordType.ACCOUNT, id)); // 20%: not more than 20%

        SyncReport report = sync();

        assertThat(report(report, RecordType.ACCOUNT).outcome()).isEqualTo(TypeOutcome.DONE);
        assertThat(records.list(RecordType.ACCOUNT, "")).hasSize(80);
    }

    @Test
    void anExpiredAnchorIsAnsweredByAReListingReconciledAgainstTheLinks() {
        List<String> ids = accounts(10, "Company");
        sync();
        Record local = records.create(RecordType.ACCOUNT, Map.of("name", "Made offline"));
        remote.edit(RecordType.ACCOUNT, ids.get(0), Map.of("city", "Oslo"));
        remote.remove(RecordType.ACCOUNT, ids.get(1));
        remote.faults().expireAnchorsOnce();

        sync();

        assertThat(records.list(RecordType.ACCOUNT, "")).hasSize(10); // 10 - 1 removed + 1 made offline
        assertThat(local(RecordType.ACCOUNT, "Company 0").get("city")).isEqualTo("Oslo");
        assertThat(remote.count(RecordType.ACCOUNT)).isEqualTo(10);
        assertThat(remote.all(RecordType.ACCOUNT)).extracting(r -> r.values().get("name")).contains(local.get("name"));
        remote.resetCounters();
        sync();
        assertThat(remote.writeCount()).isZero();
    }

    @Test
    void aDryRunReturnsThePlanAndWritesNothingAnywhere() {
        accounts(3, "Company");
        records.create(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));
        remote.resetCounters();

        SyncReport plan = engine.run(pair(), RunOptions.preview());

        assertThat(plan.plan()).hasSize(4);
        assertThat(remote.writeCount()).isZero();
        assertThat(records.list(RecordType.ACCOUNT, "")).isEmpty();
        assertThat(store.sync().anchor("crm", RecordType.ACCOUNT)).isEmpty();
        assertThat(store.sync().latestRuns(10)).isEmpty();
        assertThat(sync().pushed()).isEqualTo(1); // the real run then does what was planned
    }

    @Test
    void aRefusedWriteBecomesASyncIssueTheRecordStaysWaitingAndTheNextRunSendsIt() {
        Record anna = records.create(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));
        remote.faults().failWrites(1.0);

        SyncReport failed = sync();
        assertThat(report(failed, RecordType.CONTACT).issues()).isEqualTo(1);
        assertThat(store.sync().openIssues(Optional.empty())).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("write-failed");
            assertThat(i.recordId()).isEqualTo(anna.id());
        });
        sync();
        assertThat(store.sync().openIssues(Optional.empty()).getFirst().attempts()).isEqualTo(2);

        remote.faults().reset();
        sync();
        assertThat(remote.all(RecordType.CONTACT)).hasSize(1);
        assertThat(store.sync().openIssues(Optional.empty())).isEmpty();
    }

    @Test
    void aRefusedWriteOfARecordDeletedHereSinceIsNoLongerAnIssue() {
        Record sent = records.create(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));
        sync();
        Record neverSent = records.create(RecordType.CONTACT, contact("Bo", "Dahl", "bo@dahl.example"));
        records.update(sent.id(), Map.of("jobTitle", "Buyer"));
        remote.faults().failWritesWhen((type, write) -> !(write instanceof RemoteWrite.Delete));
        sync();
        assertThat(store.sync().openIssues(Optional.empty())).hasSize(2);

        records.delete(sent.id());
        records.delete(neverSent.id());
        sync();

        assertThat(store.sync().openIssues(Optional.empty())).isEmpty();
        assertThat(remote.all(RecordType.CONTACT)).isEmpty();
    }

    @Test
    void aCrashAfterTheEndpointTookTheWritesMakesNoDuplicateWhenTheRunIsRepeated() {
        for (int i = 0; i < 7; i++) {
            records.create(RecordType.ACCOUNT, Map.of("name", "Offline " + i));
        }
        remote.faults().crashAfterWrites(4);
        assertThatThrownBy(this::sync).isInstanceOf(SimulatedCrash.class);

        reopen();
        sync();

        assertThat(remote.count(RecordType.ACCOUNT)).isEqualTo(7);
        assertThat(records.status().totalPending()).isZero();
        assertThat(store.sync().openJournal("crm")).isEmpty();
    }

    @Test
    void keepBothMakesTwoRecordsOnBothSides() {
        Record anna = records.create(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));
        sync();
        records.update(anna.id(), Map.of("jobTitle", "CEO"));
        remote.edit(RecordType.CONTACT, remoteIdOf(anna), Map.of("jobTitle", "COO"));
        sync();
        long conflict = store.sync().openConflicts(Optional.empty()).getFirst().id();

        Optional<String> copy = new ConflictResolver(store.sync(), Validation.inSystemZone()).keepBoth(conflict);
        sync();

        assertThat(copy).isPresent();
        assertThat(records.list(RecordType.CONTACT, "")).extracting(r -> r.get("jobTitle")).containsExactlyInAnyOrder("CEO", "COO");
        assertThat(remote.all(RecordType.CONTACT)).extracting(r -> r.values().get("jobTitle")).containsExactlyInAnyOrder("CEO", "COO");
    }

    @Test
    void anEditHereOfARecordDeletedThereIsAConflictAndKeepMineCreatesItAgain() {
        Record anna = records.create(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));
        sync();
        records.update(anna.id(), Map.of("jobTitle", "CEO"));
        remote.remove(RecordType.CONTACT, remoteIdOf(anna));

        SyncReport report = sync();
        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(maybeLocal(RecordType.CONTACT, "Anna Berg")).isPresent();

        new ConflictResolver(store.sync(), Validation.inSystemZone()).keepMine(store.sync().openConflicts(Optional.empty()).getFirst().id());
        sync();
        assertThat(remote.all(RecordType.CONTACT)).singleElement().satisfies(r -> assertThat(r.values()).containsEntry("jobTitle", "CEO"));
    }

    @Test
    void underServerWinsACollidingFieldTakesTheServersValueWithoutAConflict() {
        policy = ConflictPolicy.SERVER_WINS;
        Record anna = records.create(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));
        sync();
        records.update(anna.id(), Map.of("jobTitle", "CEO", "phone", "+1 2"));
        remote.edit(RecordType.CONTACT, remoteIdOf(anna), Map.of("jobTitle", "COO"));

        SyncReport report = sync();

        assertThat(report.conflicts()).isZero();
        assertThat(local(RecordType.CONTACT, "Anna Berg").values()).containsEntry("jobTitle", "COO").containsEntry("phone", "+1 2");
        assertThat(remote.all(RecordType.CONTACT).getFirst().values()).containsEntry("jobTitle", "COO").containsEntry("phone", "+1 2");
    }

    @Test
    void aRemoteRecordThatBreaksTheRulesBecomesAnIssueAndTheRestOfThePageGoesOn() {
        remote.createRemote(RecordType.CONTACT, Map.of("firstName", "No last name"));
        remote.createRemote(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));

        SyncReport report = sync();

        assertThat(report(report, RecordType.CONTACT).issues()).isEqualTo(1);
        assertThat(store.sync().openIssues(Optional.empty())).singleElement()
                .satisfies(i -> assertThat(i.reason()).contains("Last name is required"));
        assertThat(records.list(RecordType.CONTACT, "")).extracting(Record::title).containsExactly("Anna Berg");
    }

    @Test
    void aCancelledRunStopsAtASafePointAndTheNextOneFinishes() {
        accounts(5, "Company");
        AtomicInteger asked = new AtomicInteger();

        SyncReport cancelled = engine.run(pair(), RunOptions.normal().cancelledWhen(() -> asked.incrementAndGet() > 1));
        assertThat(cancelled.types()).extracting(TypeReport::outcome).contains(TypeOutcome.CANCELLED);

        sync();
        assertThat(records.list(RecordType.ACCOUNT, "")).hasSize(5);
    }

    @Test
    void anUnreachableEndpointFailsTheRunWithAMessageAndLosesNothing() {
        records.create(RecordType.ACCOUNT, Map.of("name", "Offline"));
        remote.faults().unreachable(true);

        SyncReport report = sync();

        assertThat(report.outcome()).isEqualTo("failed");
        assertThat(report.types().getFirst().message()).contains("unreachable");
        assertThat(store.sync().latestRuns(1).getFirst().outcome()).isEqualTo("failed");
        remote.faults().unreachable(false);
        sync();
        assertThat(remote.count(RecordType.ACCOUNT)).isEqualTo(1);
    }

    @Test
    void duplicatedAndReorderedFeedsStillGiveOneRecordPerRemoteRecordInItsLatestState() {
        List<String> ids = accounts(40, "Company");
        sync();
        remote.faults().duplicateAndReorder(0.5);
        for (int i = 0; i < 40; i += 2) {
            remote.edit(RecordType.ACCOUNT, ids.get(i), Map.of("city", "Oslo"));
            remote.edit(RecordType.ACCOUNT, ids.get(i), Map.of("city", "Lisbon"));
        }
        remote.remove(RecordType.ACCOUNT, ids.get(1));

        sync();

        List<Record> all = records.list(RecordType.ACCOUNT, "");
        assertThat(all).hasSize(39);
        assertThat(all.stream().filter(r -> r.get("city").equals("Lisbon"))).hasSize(20);
        assertThat(all.stream().filter(r -> r.get("city").equals("Oslo"))).isEmpty();
    }

    @Test
    void everyRunIsKeptInTheHistoryWithItsCounts() {
        accounts(2, "Company");
        sync();

        assertThat(store.sync().latestRuns(5)).singleElement().satisfies(run -> {
            assertThat(run.outcome()).isEqualTo("done");
            assertThat(run.counts()).contains("\"pulledCreated\":2");
        });
    }
}
