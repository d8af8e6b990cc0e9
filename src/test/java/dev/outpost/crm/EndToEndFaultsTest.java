package dev.outpost.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.RecordType;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncReport;
import dev.outpost.sync.SyncStep;
import dev.outpost.sync.TypeOutcome;
import dev.outpost.sync.TypeReport;

/**
 * The whole stack — offline store, sync engine, CRM connector — against the demo CRM over loopback, with
 * changes waiting on both sides when the server misbehaves: throttling, server errors, dropped connections, a
 * sign-in that expires in the middle of a run. Whatever happens, nothing is lost, nothing is sent twice, both
 * sides end up agreeing on every record, and a sync right after moves nothing.
 */
class EndToEndFaultsTest {

    @TempDir
    Path profile;

    private DemoCrmProfile crm;
    private DemoServerActor otherUser;

    @BeforeEach
    void syncOnce() {
        crm = new DemoCrmProfile(profile, 40);
        SyncReport first = crm.sync();
        assertThat(first.outcome()).as("the first sync: %s", first.types()).isEqualTo("done");
        assertThat(crm.differences()).as("after the first sync").isEmpty();
        otherUser = new DemoServerActor(crm.server);
    }

    @AfterEach
    void close() {
        otherUser.close();
        crm.close();
    }

    @Test
    void aStormOf429sDuringATwoWaySyncLosesNothing() {
        syncThrough(rate -> crm.server.faults().throttle(rate, 1), 0.5, "429s");

        assertThat(crm.sleeper.waits).as("waits for Retry-After").allSatisfy(wait -> assertThat(wait).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void serverErrorsOnAThirdOfRequestsDuringATwoWaySyncLoseNothing() {
        syncThrough(rate -> crm.server.faults().serverErrors(rate), 0.3, "503s");
    }

    @Test
    void connectionsDroppedOnAThirdOfResponsesDuringATwoWaySyncLoseNothingAndSendNothingTwice() {
        syncThrough(rate -> crm.server.faults().dropConnections(rate), 0.3, "dropped connections");
    }

    /**
     * A two-way sync through a fault at the given rate (and through it once for sure while the first batch of
     * writes is on its way): it completes, with retries, everything lands once, and a second sync moves nothing.
     */
    private void syncThrough(DoubleConsumer fault, double rate, String what) {
        ChangesOnBothSides changes = ChangesOnBothSides.make(crm, otherUser);
        FaultsHittingTheFirstBatch faults = new FaultsHittingTheFirstBatch(fault, rate);

        SyncReport run = crm.sync(RunOptions.normal().observedBy(faults));

        crm.server.faults().clear();
        assertThat(run.outcome()).as("the run through the %s: %s", what, run.types()).isEqualTo("done");
        assertThat(crm.sleeper.waits).as("waits after %s", what).hasSizeGreaterThan(5);
        assertThat(faults.retriesWhileSending).as("retries of a batch of writes on its way").isPositive();
        changes.assertLandedOnBothSidesOnce();
        assertASecondSyncMovesNothing();
    }

    @Test
    void faultsThatOutlastTheRetriesFailRunsButSyncingAgainLosesNothingAndSendsNothingTwice() {
        ChangesOnBothSides changes = ChangesOnBothSides.make(crm, otherUser);
        crm.retry = RetryPolicy.defaults().tries(2, 2);
        crm.server.faults().dropConnections(0.2).serverErrors(0.2).throttle(0.3, 1);
        List<String> outcomes = new ArrayList<>();

        while (outcomes.size() < 15 && !outcomes.contains("done")) {
            outcomes.add(crm.sync().outcome());
        }

        crm.server.faults().clear();
        assertThat(outcomes).as("the runs through the faults").contains("failed").endsWith("done");
        changes.assertLandedOnBothSidesOnce();
        assertASecondSyncMovesNothing();
    }

    @Test
    void aConnectionThatKeepsDroppingAfterTheCrmAppliedABatchFailsTheRunAndTheNextRunSendsNothingTwice() {
        ChangesOnBothSides changes = ChangesOnBothSides.make(crm, otherUser);
        AtomicInteger batches = new AtomicInteger();
        // From the contacts' batch on, the CRM applies every request but no answer gets back, however often retried.
        RunOptions dropping = RunOptions.normal().observedBy(step -> {
            if (step == SyncStep.JOURNAL_WRITTEN && batches.incrementAndGet() == 2) {
                crm.server.faults().dropConnections(1.0);
            }
        });

        SyncReport failed = crm.sync(dropping);

        crm.server.faults().clear();
        assertThat(failed.types()).as("the run whose answers were lost").filteredOn(t -> t.type() == RecordType.CONTACT)
                .singleElement().satisfies(t -> {
                    assertThat(t.outcome()).isEqualTo(TypeOutcome.FAILED);
                    assertThat(t.message()).contains("connection to the CRM broke");
                });
        assertThat(crm.serverRowsTitled(RecordType.CONTACT, "Iris Hale")).as("the new contact, there already").hasSize(1);
        assertThat(crm.serverRows(RecordType.CONTACT)).as("contacts there")
                .doesNotContainKey(changes.contactDeletedHereRemoteId);
        assertThat(crm.store.sync().openJournal(DemoCrmProfile.PAIR)).as("the contacts' writes whose answers were lost")
                .hasSize(3);
        changes.assertStillHere();
        SyncReport next = crm.sync();
        assertThat(next.outcome()).as("the next run: %s", next.types()).isEqualTo("done");
        changes.assertLandedOnBothSidesOnce();
        assertASecondSyncMovesNothing();
    }

    @Test
    void aSignInThatExpiresDuringThePullStopsTheRunLosingNothingAndTheNextSignInCompletesIt() {
        ChangesOnBothSides changes = ChangesOnBothSides.make(crm, otherUser);
        AtomicInteger pages = new AtomicInteger();
        // The accounts fit one page; the second page applied is the contacts': expire the sign-in there.
        RunOptions expiring = RunOptions.normal().observedBy(step -> {
            if (step == SyncStep.PAGE_APPLIED && pages.incrementAndGet() == 2) {
                crm.server.faults().expireTokensNow();
            }
        });

        SyncReport stopped = crm.sync(expiring);

        assertStoppedForSignIn(stopped, RecordType.CONTACT);
        changes.assertStillHere();
        crm.token.set(crm.server.issueToken());
        SyncReport resumed = crm.sync();
        assertThat(resumed.outcome()).as("the run after signing in again: %s", resumed.types()).isEqualTo("done");
        changes.assertLandedOnBothSidesOnce();
        assertASecondSyncMovesNothing();
    }

    @Test
    void aSignInThatExpiresBetweenJournalingABatchAndSendingItLosesNothingAndTheNextSignInSendsItOnce() {
        ChangesOnBothSides changes = ChangesOnBothSides.make(crm, otherUser);
        AtomicInteger batches = new AtomicInteger();
        // The first batch is the accounts'; the second, the contacts' create, edit and deletion, dies unsent.
        RunOptions expiring = RunOptions.normal().observedBy(step -> {
            if (step == SyncStep.JOURNAL_WRITTEN && batches.incrementAndGet() == 2) {
                crm.server.faults().expireTokensNow();
            }
        });

        SyncReport stopped = crm.sync(expiring);

        assertStoppedForSignIn(stopped, RecordType.CONTACT);
        assertThat(crm.store.sync().openJournal(DemoCrmProfile.PAIR)).as("the contacts' batch, journaled, unsent")
                .isNotEmpty();
        changes.assertStillHere();
        crm.token.set(crm.server.issueToken());
        SyncReport resumed = crm.sync();
        assertThat(resumed.outcome()).as("the run after signing in again: %s", resumed.types()).isEqualTo("done");
        changes.assertLandedOnBothSidesOnce();
        assertASecondSyncMovesNothing();
    }

    @Test
    void aSignInRefreshedWhenTheOldOneExpiresMidRunCarriesOnWithoutAsking() {
        ChangesOnBothSides changes = ChangesOnBothSides.make(crm, otherUser);
        AtomicInteger pages = new AtomicInteger();
        RunOptions expiring = RunOptions.normal().observedBy(step -> {
            if (step == SyncStep.PAGE_APPLIED && pages.incrementAndGet() == 2) {
                crm.server.faults().expireTokensNow();
                crm.renewTokenAfterItsNextUse(crm.server.issueToken()); // the sign-in cache renews it once refused
            }
        });

        SyncReport run = crm.sync(expiring);

        assertThat(run.outcome()).as("the run: %s", run.types()).isEqualTo("done");
        changes.assertLandedOnBothSidesOnce();
        assertASecondSyncMovesNothing();
    }

    /**
     * Makes sure a batch of writes meets the fault, whatever the dice say: the first batch's first try always
     * does, then the fault goes back to its usual rate. Counts the retries made while a batch was on its way.
     */
    private final class FaultsHittingTheFirstBatch implements SyncStep.Observer {
        private final DoubleConsumer rate;
        private final double usual;
        private int batches;
        private int waitsBefore;
        int retriesWhileSending;

        FaultsHittingTheFirstBatch(DoubleConsumer rate, double usual) {
            this.rate = rate;
            this.usual = usual;
            rate.accept(usual);
        }

        @Override
        public void reached(SyncStep step) {
            if (step == SyncStep.JOURNAL_WRITTEN) {
                waitsBefore = crm.sleeper.waits.size();
                if (++batches == 1) {
                    rate.accept(1.0);
                    crm.beforeEachWait = () -> {
                        rate.accept(usual);
                        crm.beforeEachWait = () -> { };
                    };
                }
            } else if (step == SyncStep.BATCH_SENT) {
                retriesWhileSending += crm.sleeper.waits.size() - waitsBefore;
            }
        }
    }

    /** The types before the one where the sign-in expired are done; it and every later one failed, asking to sign in. */
    private void assertStoppedForSignIn(SyncReport report, RecordType expiredDuring) {
        assertThat(report.outcome()).isEqualTo("failed");
        for (TypeReport type : report.types()) {
            if (type.type().ordinal() < expiredDuring.ordinal()) {
                assertThat(type.outcome()).as("%s, synced before the sign-in expired", type.type())
                        .isEqualTo(TypeOutcome.DONE);
            } else {
                assertThat(type.outcome()).as("%s, after the sign-in expired", type.type()).isEqualTo(TypeOutcome.FAILED);
                assertThat(type.message()).as("why %s failed", type.type()).contains("Sign in again");
            }
        }
        assertThat(crm.store.sync().latestRuns(1)).singleElement()
                .satisfies(run -> assertThat(run.message()).contains("Sign in again"));
    }

    /** A sync right after pulls, pushes and records nothing, and leaves every row on the server as it was. */
    private void assertASecondSyncMovesNothing() {
        Map<RecordType, Map<String, RemoteRecord>> before = crm.serverSnapshot();

        SyncReport again = crm.sync();

        assertThat(again.types()).as("what the second sync did").allSatisfy(type -> {
            assertThat(type.outcome()).isEqualTo(TypeOutcome.DONE);
            assertThat(type.pulled() + type.pushed() + type.merged() + type.conflicts() + type.issues()).isZero();
        });
        assertThat(crm.serverSnapshot()).as("every row and version on the server").isEqualTo(before);
    }
}
