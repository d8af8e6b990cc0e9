package dev.outpost.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.outpost.model.Record;
import dev.outpost.store.JournalEntry;
import dev.outpost.store.Link;
import dev.outpost.store.LocalRecord;
import dev.outpost.store.PendingRecord;
import dev.outpost.store.PendingScan;
import dev.outpost.store.SyncIssue;

/**
 * Sends one type's local changes, in batches. Each batch is written to the journal before it is sent and
 * each answer is recorded, with its journal entry closed, in one transaction: a crash in between is
 * reconciled by {@link JournalRecovery}, never repeated blindly. A write refused because the record changed
 * there (412) is merged and sent again in a later round of the same run.
 */
final class PushPhase {

    static final String WRITE_FAILED = "write-failed";
    private static final int ROUNDS = 3;

    private final TypeRun run;

    PushPhase(TypeRun run) {
        this.run = run;
    }

    /** Pushes until nothing is left to send; false when the run stopped early (guard, cancel). */
    boolean run() {
        if (!run.options.dryRun()) {
            settleIssuesOfRecordsDeletedBeforeTheyWereSent();
        }
        for (int round = 0; round < ROUNDS; round++) {
            run.refreshHeld();
            run.refreshSkipped();
            PendingScan scan = run.store.pending(run.pair.name(), run.type, run.state.syncedRevs());
            List<PendingRecord> pending = scan.records().stream()
                    .filter(p -> !run.held.containsKey(p.local().record().id()))
                    .filter(p -> !run.duplicateSuspects.contains(p.local().record().id()))
                    .filter(p -> !run.unreadable.holds(p.local().record().id()))
                    .filter(p -> !run.skipped(p.local().record())).toList();
            if (round == 0) {
                int deletions = (int) pending.stream().filter(p -> p.local().record().deleted() && p.link().isPresent()).count();
                if (run.guardTrips(deletions, () -> run.store.linkCount(run.pair.name(), run.type))) {
                    run.tally.outcome = TypeOutcome.NEEDS_CONFIRMATION;
                    run.tally.pendingDeletes = deletions;
                    run.tally.message = deletions + " " + run.type.plural() + " were deleted here. Confirm to delete them in "
                            + run.pair.endpoint().name() + " too.";
                    return false;
                }
            }
            List<Outgoing> outgoing = plan(pending);
            if (run.options.dryRun()) {
                return true;
            }
            int again = 0;
            int size = Math.max(1, run.pair.endpoint().batchSize());
            for (int from = 0; from < outgoing.size(); from += size) {
                if (run.cancelled()) {
                    return false; // the push mark stays where it was: the next run looks at these again
                }
                again += send(outgoing.subList(from, Math.min(outgoing.size(), from + size)));
            }
            List<String> looked = scan.records().stream().map(p -> p.local().record().id()).toList();
            run.store.markPushed(run.pair.name(), run.type, scan.scannedRev(),
                    run.store.stillPending(run.pair.name(), run.type, looked));
            if (again == 0) {
                return true;
            }
        }
        return true;
    }

    private record Outgoing(PendingRecord pending, RemoteWrite write, JournalEntry entry) {
    }

    private List<Outgoing> plan(List<PendingRecord> pending) {
        List<Outgoing> outgoing = new ArrayList<>();
        List<Link> unchanged = new ArrayList<>();
        for (PendingRecord p : pending) {
            Record record = p.local().record();
            RemoteSide remote = p.link().isPresent() ? new RemoteSide.Unchanged() : new RemoteSide.Unknown();
            Decision decision = Planner.decide(p.link().map(Link::base), Sides.local(Optional.of(p.local()), p.link()),
                    remote, run.policy());
            String remoteId = p.link().map(Link::remoteId).orElse("");
            switch (decision) {
                case Decision.PushCreate c -> {
                    if (!run.firstSync && looksLikeExisting(record)) {
                        continue;
                    }
                    String clientId = UUID.randomUUID().toString();
                    outgoing.add(new Outgoing(p, new RemoteWrite.Create(clientId, c.values()),
                            entry(record, "create", clientId, null, null, c.values())));
                }
                case Decision.PushUpdate u -> {
                    Link link = p.link().orElseThrow();
                    if (u.values().equals(link.base())) {
                        // Changed and changed back: nothing to send, only the link to bring up to date.
                        unchanged.add(link.withVersion(link.remoteVersion(), link.base(), record.rev()));
                        continue;
                    }
                    outgoing.add(new Outgoing(p, new RemoteWrite.Update(link.remoteId(), link.remoteVersion(), u.values()),
                            entry(record, "update", null, link.remoteId(), link.remoteVersion(), u.values())));
                }
                case Decision.PushDelete d -> {
                    Link link = p.link().orElseThrow();
                    outgoing.add(new Outgoing(p, new RemoteWrite.Delete(link.remoteId(), link.remoteVersion()),
                            entry(record, "delete", null, link.remoteId(), link.remoteVersion(), java.util.Map.of())));
                }
                default -> {
                    continue; // a tombstone never synced: nothing to tell the endpoint
                }
            }
            run.planned(record.id(), remoteId, decision);
        }
        if (!run.options.dryRun()) {
            run.store.putLinks(run.type, unchanged);
        }
        return outgoing;
    }

    /** Whether the endpoint already has a record like this new one, which this computer does not know. */
    private boolean looksLikeExisting(Record record) {
        Optional<UserKey> key = UserKey.of(run.type, record.values());
        if (key.isEmpty()) {
            return false;
        }
        List<RemoteRecord> matches = run.pair.endpoint().findByUserKey(run.type, key.get());
        if (matches.isEmpty()) {
            return false;
        }
        var linked = run.store.linksByRemoteId(run.pair.name(), matches.stream().map(RemoteRecord::remoteId).toList());
        if (matches.stream().allMatch(m -> linked.containsKey(m.remoteId()))) {
            return false; // only records this computer has too: the user made another one knowingly
        }
        if (run.store.issueResolvedAs(run.pair.name(), record.id(), PullPhase.POSSIBLE_DUPLICATE, IssueResolver.KEEP_BOTH)) {
            return false; // the user chose to keep both (Retry on the issue)
        }
        if (!run.options.dryRun()) {
            run.store.raiseIssue(run.pair.name(), run.type, record.id(), matches.getFirst().remoteId(),
                    PullPhase.POSSIBLE_DUPLICATE, "'" + record.title() + "' looks like " + run.type.withArticle() + " that "
                            + run.pair.endpoint().name() + " already has. It was not sent; keep both, or delete one of them.");
        }
        run.duplicateSuspects.add(record.id());
        run.tally.issues++;
        return true;
    }

    private JournalEntry entry(Record record, String op, String clientId, String remoteId, String version,
                               java.util.Map<String, String> values) {
        return new JournalEntry(0, run.pair.name(), run.type, record.id(), op, clientId, remoteId, version, record.rev(), values);
    }

    /** Sends one batch and records every answer; returns how many records need another round. */
    private int send(List<Outgoing> batch) {
        List<JournalEntry> entries = run.store.addToJournal(batch.stream().map(Outgoing::entry).toList());
        run.reached(SyncStep.JOURNAL_WRITTEN);
        List<WriteOutcome> outcomes = run.pair.endpoint().write(run.type, batch.stream().map(Outgoing::write).toList());
        run.reached(SyncStep.BATCH_SENT);
        if (outcomes.size() != batch.size()) {
            throw new EndpointException(run.pair.endpoint().name() + " answered " + outcomes.size() + " of "
                    + batch.size() + " writes; the rest is checked at the next sync.");
        }
        int again = 0;
        for (int i = 0; i < batch.size(); i++) {
            again += record(batch.get(i).pending(), entries.get(i), outcomes.get(i));
            run.reached(SyncStep.WRITE_RECORDED);
        }
        return again;
    }

    private int record(PendingRecord pending, JournalEntry entry, WriteOutcome outcome) {
        String pair = run.pair.name();
        String recordId = entry.recordId();
        switch (outcome) {
            case WriteOutcome.Written w -> {
                run.store.inTransaction(() -> {
                    run.store.putLinks(run.type, List.of(new Link(pair, recordId, w.remoteId(), w.version(), entry.rev(),
                            entry.values(), true)));
                    run.store.closeJournal(entry.id());
                    run.store.resolveIssues(pair, recordId, WRITE_FAILED, "sent");
                });
                if (entry.op().equals("create")) {
                    run.tally.pushedCreated++;
                } else {
                    run.tally.pushedUpdated++;
                }
                return 0;
            }
            case WriteOutcome.Deleted d -> {
                forget(entry);
                run.tally.pushedDeleted++;
                return 0;
            }
            case WriteOutcome.RemoteChanged c -> {
                Optional<RemoteRecord> now = run.pair.endpoint().fetch(run.type, entry.remoteId());
                if (now.isPresent()) {
                    RemoteValues.Checked checked = run.checker.check(run.type, now.get());
                    if (checked.record().isPresent()) {
                        return replan(entry, new RemoteSide.Changed(checked.record().get()), checked.record());
                    }
                    failed(entry, checked.problem());
                    return 0;
                }
                return gone(entry);
            }
            case WriteOutcome.RemoteGone g -> {
                return gone(entry);
            }
            case WriteOutcome.Failed f -> {
                failed(entry, f.reason());
                return 0;
            }
        }
    }

    private int gone(JournalEntry entry) {
        if (entry.op().equals("delete")) {
            forget(entry);
            return 0;
        }
        return replan(entry, new RemoteSide.Deleted(), Optional.empty());
    }

    /** The record changed or vanished there since the pull: decide again, as the pull would have. */
    private int replan(JournalEntry entry, RemoteSide remote, Optional<RemoteRecord> remoteRecord) {
        Optional<Link> link = run.store.link(run.pair.name(), entry.recordId());
        Optional<LocalRecord> local = run.store.record(entry.recordId());
        Effects effects = run.effects();
        if (remote instanceof RemoteSide.Deleted && link.isPresent() && local.filter(run::stopsTracking).isPresent()) {
            // Deleted there since the pull, and the pair's rule keeps it here: as the pull would have done.
            effects.stopTracking(entry.recordId());
            effects.also(() -> run.store.closeJournal(entry.id()));
            run.commit(effects);
            return 0;
        }
        Decision decision = Planner.decide(link.map(Link::base), Sides.local(local, link), remote, run.policy());
        effects.add(decision, link, local, Optional.of(entry.recordId()), remoteRecord);
        effects.also(() -> run.store.closeJournal(entry.id()));
        run.commit(effects);
        return effects.awaitingPush;
    }

    private void forget(JournalEntry entry) {
        run.store.inTransaction(() -> {
            run.store.removeLink(run.pair.name(), entry.recordId());
            run.store.purgeIfUnlinked(entry.recordId());
            run.store.closeJournal(entry.id());
            run.store.resolveIssues(run.pair.name(), entry.recordId(), WRITE_FAILED, "deleted");
        });
    }

    /**
     * A refused create (or a possible duplicate) whose record the user then deleted here has nothing left to send:
     * its issue would stay open for ever. (A linked record's issue is settled when its deletion is sent, see {@link #forget}.)
     */
    private void settleIssuesOfRecordsDeletedBeforeTheyWereSent() {
        List<String> refused = run.store.openIssues(Optional.of(run.pair.name())).stream()
                .filter(i -> (i.kind().equals(WRITE_FAILED) || i.kind().equals(PullPhase.POSSIBLE_DUPLICATE))
                        && i.type() == run.type && i.recordId() != null)
                .map(SyncIssue::recordId).toList();
        if (refused.isEmpty()) {
            return;
        }
        var links = run.store.linksByRecordId(run.pair.name(), refused);
        run.store.records(refused).forEach((id, local) -> {
            if (local.record().deleted() && !links.containsKey(id)) {
                run.store.resolveIssues(run.pair.name(), id, WRITE_FAILED, "deleted");
                run.store.resolveIssues(run.pair.name(), id, PullPhase.POSSIBLE_DUPLICATE, "deleted");
            }
        });
    }

    private void failed(JournalEntry entry, String reason) {
        run.store.inTransaction(() -> {
            run.store.closeJournal(entry.id());
            run.store.raiseIssue(run.pair.name(), run.type, entry.recordId(), entry.remoteId(), WRITE_FAILED, reason);
        });
        run.tally.issues++;
    }
}
