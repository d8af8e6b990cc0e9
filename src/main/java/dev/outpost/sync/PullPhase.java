package dev.outpost.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.outpost.model.RecordType;
import dev.outpost.store.ConflictRow;
import dev.outpost.store.Link;
import dev.outpost.store.LocalRecord;

/**
 * Brings one type's remote changes into the store, page by page. Removals wait until the last page so
 * the mass-delete guard can count them; they are applied with the last page and the new anchor in one
 * transaction. An id seen twice in one run is asked of the endpoint, because a feed may repeat an entry
 * and deliver an older state after a newer one.
 */
final class PullPhase {

    static final String POSSIBLE_DUPLICATE = "possible-duplicate";
    static final String UNREADABLE_REMOTE = "unreadable-remote";

    private final TypeRun run;
    private final RecordType type;
    private final Set<String> seen = new HashSet<>();
    private final Set<String> removedSeen = new HashSet<>();
    /** Ids the feed reported unreadable this round: an endpoint that cannot read a row cannot fetch it either. */
    private final Map<String, RemoteChange.Unreadable> unreadableSeen = new HashMap<>();
    private Map<UserKey, Deque<LocalRecord>> unlinkedByKey;

    PullPhase(TypeRun run) {
        this.run = run;
        this.type = run.type;
    }

    /** Pulls until the feed's end; false when the run stopped early (guard, cancel). */
    boolean run() {
        Optional<String> anchor = run.store.anchor(run.pair.name(), type);
        boolean listing = anchor.isEmpty();
        Optional<String> from = anchor;
        Map<String, RemoteChange> removals = new LinkedHashMap<>();
        while (true) {
            if (run.cancelled()) {
                return false;
            }
            ChangePage page;
            try {
                page = run.pair.endpoint().changes(type, from);
            } catch (AnchorExpiredException expired) {
                if (listing) {
                    throw new EndpointException(run.pair.endpoint().name() + " refused a complete listing of "
                            + type.plural() + ": " + expired.getMessage());
                }
                // Re-list everything and reconcile against the links: never a wipe-and-reload.
                listing = true;
                from = Optional.empty();
                seen.clear();
                removedSeen.clear();
                unreadableSeen.clear();
                removals.clear();
                continue;
            }
            // Keyed by remote id: a later entry for the same id replaces the earlier one and moves to the end.
            Map<String, RemoteChange> changes = new LinkedHashMap<>();
            for (RemoteChange change : page.changes()) {
                // A row without a readable id is no id to track or ask about; it can only be reported.
                boolean untracked = change instanceof RemoteChange.Unreadable u && !u.idKnown();
                RemoteChange current = untracked || seen.add(change.remoteId()) ? change : truth(change);
                if (current instanceof RemoteChange.Removal) {
                    removedSeen.add(current.remoteId());
                } else if (current instanceof RemoteChange.Unreadable u && u.idKnown()) {
                    unreadableSeen.put(u.remoteId(), u);
                }
                changes.remove(current.remoteId());
                removals.remove(current.remoteId());
                if (current instanceof RemoteChange.Removal) {
                    removals.put(current.remoteId(), current);
                } else {
                    changes.put(current.remoteId(), current);
                }
            }
            if (!page.isLast()) {
                apply(List.copyOf(changes.values()), Optional.empty());
                from = page.next();
                continue;
            }
            if (listing && run.state.pairHadLinks) {
                absentFromTheListing(changes, removals);
            }
            int deletions = localDeletions(removals.keySet());
            if (run.guardTrips(deletions, () -> run.store.liveCount(type))) {
                apply(List.copyOf(changes.values()), Optional.empty());
                run.tally.outcome = TypeOutcome.NEEDS_CONFIRMATION;
                run.tally.pendingDeletes = deletions;
                run.tally.message = deletions + " " + type.plural() + " were deleted in " + run.pair.endpoint().name()
                        + ". Confirm to delete them here too.";
                return false;
            }
            List<RemoteChange> last = new ArrayList<>(changes.values());
            last.addAll(removals.values());
            apply(last, page.anchor());
            return true;
        }
    }

    /**
     * A complete listing that does not hold a linked record: deleted there — unless the endpoint still has it, and
     * only a window or a filter left it out (a calendar listing covers the window of today, not last week's).
     * Asked by id, whatever the scope, so that ageing out of a window never deletes anything anywhere.
     */
    private void absentFromTheListing(Map<String, RemoteChange> changes, Map<String, RemoteChange> removals) {
        Set<String> absent = new HashSet<>();
        for (String remoteId : run.store.inScopeRemoteIds(run.pair.name(), type)) {
            if (!seen.contains(remoteId)) {
                absent.add(remoteId);
            }
        }
        if (absent.isEmpty()) {
            return;
        }
        Set<String> stillThere = new HashSet<>();
        run.pair.endpoint().fetchReferenced(type, absent).forEach(r -> stillThere.add(r.remoteId()));
        for (String remoteId : absent) {
            if (stillThere.contains(remoteId)) {
                changes.put(remoteId, new RemoteChange.OutOfScope(remoteId));
            } else {
                removals.put(remoteId, new RemoteChange.Removal(remoteId));
            }
        }
    }

    /** What the endpoint holds now for an id the feed named twice. */
    private RemoteChange truth(RemoteChange change) {
        RemoteChange.Unreadable unread = change instanceof RemoteChange.Unreadable u ? u
                : unreadableSeen.get(change.remoteId());
        Optional<RemoteRecord> now;
        try {
            now = run.pair.endpoint().fetch(type, change.remoteId());
        } catch (EndpointException e) {
            if (unread == null) {
                throw e;
            }
            now = Optional.empty(); // the connector refuses to read the row it could not read in the feed
        }
        if (now.isPresent()) {
            return new RemoteChange.Upsert(now.get());
        }
        boolean removed = change instanceof RemoteChange.Removal || removedSeen.contains(change.remoteId());
        if (!removed && unread != null) {
            return unread; // "cannot read it" is no sign it is gone or out of scope: leave the local copy alone
        }
        // Absent without a removal in the feed may only mean "left the scope": unlink rather than delete.
        return removed ? new RemoteChange.Removal(change.remoteId()) : new RemoteChange.OutOfScope(change.remoteId());
    }

    /** How many live records the removals would delete here: those the pair stops tracking or leaves out are not. */
    private int localDeletions(Set<String> remoteIds) {
        Map<String, Link> links = run.store.linksByRemoteId(run.pair.name(), remoteIds);
        Set<String> excluded = excluded(links);
        Map<String, LocalRecord> locals = run.store.records(links.values().stream().map(Link::recordId)
                .filter(id -> !excluded.contains(id)).toList());
        return (int) locals.values().stream().filter(l -> !l.record().deleted() && !run.stopsTracking(l)).count();
    }

    /** The linked records the pair leaves out (untracked, over its limit); asked only when the pair has any. */
    private Set<String> excluded(Map<String, Link> links) {
        if (!run.state.pairExcludes || links.isEmpty()) {
            return Set.of();
        }
        return run.store.excluded(run.pair.name(), links.values().stream().map(Link::recordId).toList());
    }

    /** Takes in records fetched by id (see {@link ReferencedRecords}); answers remote to local id of those linked. */
    Map<String, String> take(List<RemoteRecord> records) {
        apply(records.stream().<RemoteChange>map(RemoteChange.Upsert::new).toList(), Optional.empty());
        Map<String, String> linked = new HashMap<>();
        run.store.linksByRemoteId(run.pair.name(), records.stream().map(RemoteRecord::remoteId).toList())
                .forEach((remoteId, link) -> {
                    if (link.inScope()) {
                        linked.put(remoteId, link.recordId());
                    }
                });
        return linked;
    }

    private void apply(List<RemoteChange> given, Optional<String> anchor) {
        Effects effects = run.effects();
        String pair = run.pair.name();
        Map<String, Link> links = run.store.linksByRemoteId(pair, given.stream().map(RemoteChange::remoteId).toList());
        Map<String, LocalRecord> locals = run.store.records(links.values().stream().map(Link::recordId).toList());
        Set<String> excluded = excluded(links);
        List<RemoteChange> changes = keepReferenced(given, links);
        for (RemoteChange change : changes) {
            Optional<Link> link = Optional.ofNullable(links.get(change.remoteId()));
            Optional<LocalRecord> local = link.map(l -> locals.get(l.recordId()));
            Optional<ConflictRow> held = link.map(l -> run.held.get(l.recordId()));
            if (link.isPresent() && excluded.contains(link.get().recordId())) {
                // Untracked or over the limit: the pair leaves it alone both ways; a deletion there only ends the link.
                if (change instanceof RemoteChange.Removal) {
                    effects.forgetLink(link.get().recordId());
                }
                continue;
            }
            switch (change) {
                case RemoteChange.OutOfScope o -> link.filter(Link::inScope).ifPresent(l -> {
                    effects.link(new Link(pair, l.recordId(), l.remoteId(), l.remoteVersion(), l.syncedRev(), l.base(), false));
                    run.planned(l.recordId(), l.remoteId(), new Decision.Nothing());
                });
                case RemoteChange.Removal r -> {
                    if (link.isEmpty()) {
                        continue;
                    }
                    if (held.isPresent()) {
                        effects.also(() -> run.store.updateConflictRemote(held.get().id(), Optional.empty(),
                                held.get().remoteVersion(), java.time.Instant.now()));
                        continue;
                    }
                    if (local.filter(run::stopsTracking).isPresent()) {
                        effects.stopTracking(link.get().recordId());
                        continue;
                    }
                    decide(effects, link, local, new RemoteSide.Deleted(), Optional.empty());
                }
                case RemoteChange.Unreadable bad -> run.unreadable.raise(effects, bad, link, local);
                case RemoteChange.Upsert u -> {
                    RemoteValues.Checked checked = run.checker.check(type, u.record());
                    if (checked.record().isEmpty()) {
                        run.unreadable.raise(effects, u.remoteId(), link, checked.problem());
                        continue;
                    }
                    run.unreadable.readable(effects, u.remoteId());
                    RemoteRecord remote = checked.record().get();
                    if (held.isPresent()) {
                        effects.also(() -> run.store.updateConflictRemote(held.get().id(), Optional.of(remote.values()),
                                remote.version(), remote.modifiedAt()));
                    } else if (link.isEmpty()) {
                        takeNew(effects, remote);
                    } else if (run.pullOnly && local.filter(l -> l.record().deleted()).isPresent()) {
                        continue; // deleted here, and a one-way type is not restored: the deletion is settled after the pull
                    } else if (!(link.get().inScope() && link.get().remoteVersion().equals(remote.version()))) {
                        Link l = link.get();
                        if (remote.values().equals(l.base()) && localSide(local, link) instanceof LocalSide.Unchanged) {
                            // Changed there in nothing synced (Outlook: its categories, as when the sync shares it
                            // again): only the version moves on, nothing is written here.
                            effects.link(new Link(pair, l.recordId(), l.remoteId(), remote.version(), l.syncedRev(),
                                    l.base(), true));
                        } else {
                            decide(effects, link, local, new RemoteSide.Changed(remote), Optional.of(remote));
                        }
                    } // else: the echo of our own write
                }
            }
        }
        anchor.ifPresent(a -> effects.also(() -> run.store.saveAnchor(pair, type, a)));
        run.commit(effects);
        run.reached(SyncStep.PAGE_APPLIED);
    }

    /**
     * A record leaving the scope stays when a record here refers to it (a colleague now owns the account of my
     * contact): it is fetched whatever the scope and applied as a change. Others leave: unlinked, not deleted.
     */
    private List<RemoteChange> keepReferenced(List<RemoteChange> changes, Map<String, Link> links) {
        Set<String> leaving = new HashSet<>();
        for (RemoteChange change : changes) {
            Link link = links.get(change.remoteId());
            if (change instanceof RemoteChange.OutOfScope && link != null && link.inScope()
                    && run.store.isReferenced(link.recordId())) {
                leaving.add(change.remoteId());
            }
        }
        if (leaving.isEmpty()) {
            return changes;
        }
        Map<String, RemoteRecord> now = new HashMap<>();
        run.pair.endpoint().fetchReferenced(type, leaving).forEach(r -> now.put(r.remoteId(), r));
        return changes.stream().map(c -> now.containsKey(c.remoteId()) && c instanceof RemoteChange.OutOfScope
                ? new RemoteChange.Upsert(now.get(c.remoteId())) : c).toList();
    }

    private void decide(Effects effects, Optional<Link> link, Optional<LocalRecord> local, RemoteSide remote,
                        Optional<RemoteRecord> remoteRecord) {
        Decision decision = Planner.decide(link.map(Link::base), localSide(local, link), remote, run.policy());
        String recordId = link.orElseThrow().recordId();
        run.planned(recordId, link.get().remoteId(), decision);
        effects.add(decision, link, local, Optional.of(recordId), remoteRecord);
        if (decision instanceof Decision.Merge && run.skippedChanges.containsKey(recordId)) {
            // The merge writes the record anew, still holding the change the user skipped: it stays skipped.
            effects.also(() -> run.store.keepSkipped(run.pair.name(), recordId));
        }
    }

    /**
     * The local side as the planner sees it. A one-way type's links are kept level with the local rev (see
     * {@link PullOnlyCatchUp}), so an edit here shows as a difference from the base instead.
     */
    private LocalSide localSide(Optional<LocalRecord> local, Optional<Link> link) {
        LocalSide side = Sides.local(local, link);
        if (run.pullOnly && side instanceof LocalSide.Unchanged u && link.isPresent() && !u.values().equals(link.get().base())) {
            return new LocalSide.Changed(u.values(), local.orElseThrow().modifiedAt());
        }
        return side;
    }

    /** A record new to this computer: matched by user key on a first sync, else taken as new. */
    private void takeNew(Effects effects, RemoteRecord remote) {
        Optional<UserKey> key = UserKey.of(type, remote.values());
        Deque<LocalRecord> matches = key.map(k -> unlinkedByKey().get(k)).orElse(null);
        LocalRecord match = matches == null ? null : matches.poll();
        if (match != null && run.firstSync) {
            LocalSide local = new LocalSide.Changed(match.record().values(), match.modifiedAt());
            Decision decision = Planner.decide(Optional.empty(), local, new RemoteSide.Changed(remote), run.policy());
            run.planned(match.record().id(), remote.remoteId(), decision);
            effects.add(decision, Optional.empty(), Optional.of(match), Optional.of(match.record().id()), Optional.of(remote));
            return;
        }
        if (match != null) {
            String localId = match.record().id();
            String title = match.record().title();
            effects.also(() -> run.store.raiseIssue(run.pair.name(), type, localId, remote.remoteId(), POSSIBLE_DUPLICATE,
                    "'" + title + "' was created here while " + type.withArticle() + " like it was added in "
                            + run.pair.endpoint().name() + ". Keep both, or delete one of them."));
            run.tally.issues++;
            run.duplicateSuspects.add(localId);
        }
        Decision decision = new Decision.TakeRemote(remote);
        run.planned("", remote.remoteId(), decision);
        effects.add(decision, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(remote));
    }

    private Map<UserKey, Deque<LocalRecord>> unlinkedByKey() {
        if (unlinkedByKey == null) {
            unlinkedByKey = new HashMap<>();
            // Records written since the run began came from this run's pull, and those are all linked.
            for (LocalRecord local : run.store.unlinkedRecords(run.pair.name(), type, run.state.startRev)) {
                if (!run.held.containsKey(local.record().id())) {
                    UserKey.of(type, local.record().values()).ifPresent(k ->
                            unlinkedByKey.computeIfAbsent(k, x -> new ArrayDeque<>()).add(local));
                }
            }
        }
        return unlinkedByKey;
    }
}
