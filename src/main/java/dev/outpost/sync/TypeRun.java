package dev.outpost.sync;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.outpost.model.RecordType;
import dev.outpost.store.ConflictRow;
import dev.outpost.store.LocalRecord;
import dev.outpost.store.SyncIssue;
import dev.outpost.store.SyncStore;

/** One type's part of one run: what the pull and push phases share. */
final class TypeRun {

    final SyncStore store;
    final SyncPair pair;
    final RecordType type;
    final RunOptions options;
    final RemoteValues checker;
    final Tally tally;
    final boolean firstSync;
    /** Records held by an open conflict, by record id. */
    final Map<String, ConflictRow> held = new HashMap<>();
    /** Records with an open possible-duplicate issue: not pushed until the user decides. */
    final Set<String> duplicateSuspects = new HashSet<>();
    /** Records whose change the user skipped (see {@link IssueResolver#skip}), to the rev skipped. */
    final Map<String, Long> skippedChanges = new HashMap<>();
    /** Records whose refused category change (see {@link SharingPhase}) the user skipped. */
    final Set<String> skippedSharing = new HashSet<>();
    /** Rows the endpoint cannot read: an issue each, and their records are not pushed meanwhile. */
    final UnreadableIssues unreadable = new UnreadableIssues(this);
    final RunState state;
    /** Synced one way, from the endpoint: never pushed (see {@link PairRules#pullOnly()}). */
    final boolean pullOnly;
    private final List<PlannedAction> plan;

    TypeRun(SyncStore store, SyncPair pair, RecordType type, RunOptions options, RemoteValues checker,
            List<PlannedAction> plan, RunState state) {
        this.store = store;
        this.state = state;
        this.pair = pair;
        this.type = type;
        this.options = options;
        this.checker = checker;
        this.plan = plan;
        this.tally = new Tally(type);
        this.pullOnly = pair.rules().pullOnly().contains(type);
        // Until a first pull has ended with an anchor, matching by user key links records made on both sides.
        this.firstSync = store.anchor(pair.name(), type).isEmpty();
        refreshHeld();
        for (SyncIssue issue : store.openIssues(Optional.of(pair.name()))) {
            if (issue.kind().equals(PullPhase.POSSIBLE_DUPLICATE) && issue.recordId() != null) {
                duplicateSuspects.add(issue.recordId());
            }
            skipped(issue);
        }
    }

    /** Reads which records open conflicts hold, including those this run has just recorded. */
    void refreshHeld() {
        held.clear();
        for (ConflictRow conflict : store.openConflicts(Optional.of(pair.name()))) {
            held.put(conflict.recordId(), conflict);
        }
    }

    private void skipped(SyncIssue issue) {
        if (issue.skipped() && issue.recordId() != null && issue.type() == type) {
            if (issue.kind().equals(SharingPhase.SHARING_FAILED)) {
                skippedSharing.add(issue.recordId());
            } else {
                skippedChanges.merge(issue.recordId(), issue.skippedRev(), Math::max);
            }
        }
    }

    /** Reads the skips again: the pull may have merged the other side's edits into a skipped record (a new rev). */
    void refreshSkipped() {
        if (skippedChanges.isEmpty()) {
            return; // no skip is made during a run
        }
        skippedChanges.clear();
        skippedSharing.clear();
        store.openIssues(Optional.of(pair.name())).forEach(this::skipped);
    }

    /** Whether the user skipped this change of the record: an edit made since is a new change, and is sent. */
    boolean skipped(dev.outpost.model.Record record) {
        Long rev = skippedChanges.get(record.id());
        return rev != null && record.rev() <= rev;
    }

    /** The policy for this type: a one-way type takes the endpoint's side, there is nothing to send back. */
    ConflictPolicy policy() {
        return pullOnly ? ConflictPolicy.SERVER_WINS : pair.policy();
    }

    /** Whether the endpoint's deletion of this live, linked record only stops its sync with the pair. */
    boolean stopsTracking(LocalRecord local) {
        return !local.record().deleted()
                && pair.rules().removal().onRemoteRemoval(type, local.record()) == RemovalRule.Effect.STOP_TRACKING;
    }

    Effects effects() {
        return new Effects(store, pair.name(), type, tally);
    }

    /** Writes the effects, unless this is a dry run. */
    void commit(Effects effects) {
        if (!options.dryRun() && !effects.isEmpty()) {
            effects.commit();
            state.addSynced(effects.syncedRevs());
        }
    }

    void reached(SyncStep step) {
        options.observer().reached(step);
    }

    void planned(String recordId, String remoteId, Decision decision) {
        if (options.dryRun() && !(decision instanceof Decision.Nothing)) {
            plan.add(new PlannedAction(type, recordId, remoteId, decision));
        }
    }

    boolean cancelled() {
        if (options.cancelled().getAsBoolean()) {
            tally.outcome = TypeOutcome.CANCELLED;
            tally.message = "Cancelled; the next sync goes on from here.";
            return true;
        }
        return false;
    }

    boolean guardTrips(int deletions, int total) {
        return !options.confirmedMassDeletes().contains(type) && pair.guard().trips(deletions, total);
    }

    /** Like {@link #guardTrips(int, int)}, counting the side's records only when the deletions could trip it. */
    boolean guardTrips(int deletions, java.util.function.IntSupplier total) {
        return deletions > pair.guard().minimum() && guardTrips(deletions, total.getAsInt());
    }
}
