package dev.outpost.sync.properties;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.statistics.Statistics;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.SyncEngine;

/**
 * The sync engine as a state machine, the way vdirsyncer tests its sync: random chains of edits, creations
 * and deletions on both sides, syncs with and without faults, crashes and restarts of the app, and the
 * user settling conflicts — on a real encrypted store against the in-memory endpoint. After every sync
 * without faults {@link Agreement} checks that both sides agree apart from held conflicts, that no record
 * exists twice, that no edit is lost, and that a second sync writes nothing; {@link MassDeletes} checks
 * the guard after every sync.
 *
 * <p>Every try ends with a sync without faults, so its end state is checked too. All randomness of a run
 * comes from the one seed jqwik reports (the endpoint's ids and faults are seeded from generated values);
 * {@code -Doutpost.props.seed=...} replays a run, {@code -Doutpost.tries.factor=0.1} makes a quick one, and
 * the {@code thorough} profile runs 100 times as many tries.
 *
 * <p>Engine limitations known and tolerated, as narrowly as possible: an update the app died sending is in
 * doubt once the other user changes one of the fields it changed, as the journal cannot tell whether it
 * arrived, so a race on that field may go either way; so is a create the app died sending once the other
 * user deletes what it made (the endpoint then cannot say it was made, and it is sent again) — see
 * {@link Ledger.Entry#inDoubt()}. And a deletion is not restored once a sync (or keep-mine) decided it wins
 * over an edit there without sending it yet: the link then holds the endpoint's values, and the restored
 * record would look like it undid that edit.
 */
@AddLifecycleHook(ThoroughRuns.class)
class SyncStateMachineProperties {

    private static final int MAX_ACTIONS = 30;

    /** The setup of the try running on this thread: the chain's first state is made from it. */
    private static final ThreadLocal<SyncWorld.Setup> SETUP = new ThreadLocal<>();

    @Property(tries = 1000)
    void whenTheUserResolvesConflictsNoEditIsLostAndNoRecordDuplicated(
            @ForAll("askSetups") SyncWorld.Setup setup, @ForAll("resolvingChains") ActionChain<SyncWorld> chain) {
        runAndSyncAtTheEnd(setup, chain);
    }

    @Property(tries = 1000)
    void underAnAutomaticPolicyOnlyTheLoserOfARaceIsOverruled(
            @ForAll("policySetups") SyncWorld.Setup setup, @ForAll("chains") ActionChain<SyncWorld> chain) {
        runAndSyncAtTheEnd(setup, chain);
    }

    @Provide
    Arbitrary<SyncWorld.Setup> askSetups() {
        return setups(Arbitraries.just(ConflictPolicy.ASK));
    }

    @Provide
    Arbitrary<SyncWorld.Setup> policySetups() {
        return setups(Arbitraries.of(ConflictPolicy.SERVER_WINS, ConflictPolicy.LOCAL_WINS, ConflictPolicy.NEWEST_WINS));
    }

    @Provide
    Arbitrary<ActionChain<SyncWorld>> resolvingChains() {
        return WorldActions.chains(() -> SyncWorld.open(SETUP.get()), true, MAX_ACTIONS);
    }

    @Provide
    Arbitrary<ActionChain<SyncWorld>> chains() {
        return WorldActions.chains(() -> SyncWorld.open(SETUP.get()), false, MAX_ACTIONS);
    }

    private static Arbitrary<SyncWorld.Setup> setups(Arbitrary<ConflictPolicy> policies) {
        return Combinators.combine(policies, Arbitraries.longs(), Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(1, 4)).as(SyncWorld.Setup::new);
    }

    private static void runAndSyncAtTheEnd(SyncWorld.Setup setup, ActionChain<SyncWorld> chain) {
        SETUP.set(setup);
        SyncWorld world = chain.run();
        world.syncCompletely();
        if (world.policy == ConflictPolicy.ASK) {
            Statistics.label("conflicts recorded").collect(world.counts.conflicts > 0);
            Statistics.label("conflicts resolved by the user").collect(world.counts.resolved > 0);
        } else {
            Statistics.label("edits overruled by the policy").collect(world.counts.overruled > 0);
        }
        Statistics.label("mass-delete guard asked").collect(world.counts.guardStops > 0);
        Statistics.label("app died mid-sync").collect(world.counts.crashes > 0);
        Statistics.label("syncs with faults").collect(Math.min(world.counts.faultySyncs, 5) + (world.counts.faultySyncs >= 5 ? "+" : ""));
    }

    @AfterTry
    void closeTheWorlds() {
        SyncWorld.closeAll();
    }

    /** Syncs with faults fail types on purpose; their warnings would bury jqwik's report. */
    @BeforeContainer
    static void quietTheEngine() {
        engineLog().setLevel(Level.ERROR);
    }

    @AfterContainer
    static void letTheEngineSpeak() {
        engineLog().setLevel(null);
    }

    @AfterContainer
    static void removeTheEmptyProfiles() {
        EmptyProfiles.deleteAll();
    }

    private static Logger engineLog() {
        return (Logger) LoggerFactory.getLogger(SyncEngine.class);
    }
}
