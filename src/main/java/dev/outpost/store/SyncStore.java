package dev.outpost.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/**
 * The sync engine's view of the offline store: records, links, anchors, the journal, conflicts, sync
 * issues and run history, on the same connection as {@link RecordRepository}. Every method commits on its
 * own unless called inside {@link #inTransaction}, which makes everything inside one atomic unit — the way
 * a page of changes, its links and its anchor are applied together.
 */
public final class SyncStore {

    private final Database db;
    private final SyncRecordRows records;
    private final LinkRows links;
    private final AnchorRows anchors;
    private final JournalRows journal;
    private final ConflictRows conflicts;
    private final IssueRows issues;
    private final RunRows runs;
    private final ScopeRows scope;
    private final PairScopeWrites scopeWrites;

    SyncStore(Database db) {
        this.db = db;
        this.records = new SyncRecordRows(db);
        this.links = new LinkRows(db);
        this.anchors = new AnchorRows(db);
        this.journal = new JournalRows(db);
        this.conflicts = new ConflictRows(db);
        this.issues = new IssueRows(db);
        this.runs = new RunRows(db);
        this.scope = new ScopeRows(db);
        this.scopeWrites = new PairScopeWrites(records, links, scope);
    }

    /** Runs the work as one transaction: all its writes commit together, or none does. */
    public <T> T inTransaction(Supplier<T> work) {
        return db.write(work::get);
    }

    public void inTransaction(Runnable work) {
        db.write(() -> {
            work.run();
            return null;
        });
    }

    // --- records

    public Map<String, LocalRecord> records(Collection<String> ids) {
        return db.read(() -> records.byIds(ids));
    }

    public Optional<LocalRecord> record(String id) {
        return Optional.ofNullable(records(List.of(id)).get(id));
    }

    /** Creates or overwrites live records with the given ids and values; returns them with their new revs. */
    public List<Record> putRecords(List<Record> values) {
        return putRecords(values, java.util.Set.of());
    }

    /** Like {@link #putRecords(List)}, where the records of {@code newIds} are known not to exist yet. */
    public List<Record> putRecords(List<Record> values, java.util.Set<String> newIds) {
        return db.write(() -> records.put(values, newIds));
    }

    /** Marks a record deleted; returns the tombstone with its new rev. */
    public Record markDeleted(String id) {
        return db.write(() -> records.markDeleted(id));
    }

    /** Removes a tombstone once no pair links it. */
    public void purgeIfUnlinked(String id) {
        db.write(() -> {
            if (records.purgeIfUnlinked(id)) {
                scope.forget(id);
            }
            return null;
        });
    }

    /** Live records of the type, up to the rev given, that the pair does not link. */
    public List<LocalRecord> unlinkedRecords(String pair, RecordType type, long upToRev) {
        return db.read(() -> records.unlinked(pair, type, upToRev));
    }

    /** Whether a live record refers to this one in a reference field (a contact's account, a task's regarding). */
    public boolean isReferenced(String recordId) {
        return db.read(() -> records.referenced(recordId));
    }

    /** The highest rev any record has, 0 in an empty store. */
    public long lastRev() {
        return db.read(records::lastRev);
    }

    public int liveCount(RecordType type) {
        return db.read(() -> records.liveCount(type));
    }

    // --- links and local changes

    public Map<String, Link> linksByRemoteId(String pair, Collection<String> remoteIds) {
        return db.read(() -> links.byRemoteIds(pair, remoteIds));
    }

    public Map<String, Link> linksByRecordId(String pair, Collection<String> recordIds) {
        return db.read(() -> links.byRecordIds(pair, recordIds));
    }

    public Optional<Link> link(String pair, String recordId) {
        return Optional.ofNullable(linksByRecordId(pair, List.of(recordId)).get(recordId));
    }

    public List<Link> links(String pair, RecordType type) {
        return db.read(() -> links.ofType(pair, type));
    }

    public int linkCount(String pair) {
        return db.read(() -> links.count(pair));
    }

    /** Whether the pair links any record; unlike a count, one index probe. */
    public boolean hasLinks(String pair) {
        return db.read(() -> links.any(pair));
    }

    /** Creates or replaces links of records of the type. */
    public void putLinks(RecordType type, List<Link> changed) {
        putLinks(type, changed, java.util.Set.of());
    }

    /** Like {@link #putLinks(RecordType, List)}, where the records of {@code newRecordIds} have no link yet. */
    public void putLinks(RecordType type, List<Link> changed, java.util.Set<String> newRecordIds) {
        db.write(() -> {
            links.put(type, changed, newRecordIds);
            return null;
        });
    }

    public void removeLink(String pair, String recordId) {
        db.write(() -> {
            links.remove(pair, recordId);
            return null;
        });
    }

    /** The local changes of a type the pair has not synced, oldest first, held records included. */
    public PendingScan pending(String pair, RecordType type) {
        return pending(pair, type, new long[0]);
    }

    /**
     * Like {@link #pending(String, RecordType)}, skipping the given revs, sorted: records this run wrote
     * already in step with the pair, which need not be read again.
     */
    public PendingScan pending(String pair, RecordType type, long[] syncedRevs) {
        return db.read(() -> links.pending(pair, type, syncedRevs));
    }

    /** The ids among these whose records still wait to be synced with the pair. */
    public java.util.Set<String> stillPending(String pair, RecordType type, Collection<String> ids) {
        return db.read(() -> links.stillPending(pair, type, ids));
    }

    /** Remembers how far a push looked ({@link PendingScan#scannedRev()}) and which records it left waiting. */
    public void markPushed(String pair, RecordType type, long scannedRev, Collection<String> leftover) {
        db.write(() -> {
            links.markPushed(pair, type, scannedRev, leftover);
            return null;
        });
    }

    /** The remote ids of the pair's in-scope links of a type. */
    public java.util.Set<String> inScopeRemoteIds(String pair, RecordType type) {
        return db.read(() -> links.inScopeRemoteIds(pair, type));
    }

    /** How many records of the type the pair links. */
    public int linkCount(String pair, RecordType type) {
        return db.read(() -> links.count(pair, type));
    }

    // --- what a pair sends: the user's track choices and the pair's limit (see V4__pair_scope.sql)

    /**
     * Puts a local record into the pair's scope: the next sync sends it (e.g. <em>Sync with Outlook</em> on a
     * contact). A record the user tracks ranks before the others under the pair's limit. A link the user or the
     * limit had paused resumes, and a pending edit is sent.
     *
     * @throws RecordNotFoundException when there is no such record
     */
    public void track(String pair, String recordId) {
        db.write(() -> {
            scopeWrites.track(pair, recordId);
            return null;
        });
    }

    /**
     * Takes a local record out of the pair's scope without deleting it anywhere: it stays here and on the other
     * side, and the pair neither sends its changes nor takes the other side's any more. Its link is kept, marked
     * out of scope, so the other side's copy is never taken for a new record.
     *
     * @throws RecordNotFoundException when there is no such record
     */
    public void untrack(String pair, String recordId) {
        db.write(() -> {
            scopeWrites.untrack(pair, recordId);
            return null;
        });
    }

    /**
     * The linked records of a type the user untracked whose copy on the other side still carries the pair's sharing
     * marker (Outlook: the category): the sync takes it off, see {@link #markReleased}.
     */
    public List<Link> toRelease(String pair, RecordType type) {
        return db.read(() -> scope.toRelease(pair, type));
    }

    /** The linked records of a type the user tracked again after a sync released their copy: the marker goes back. */
    public List<Link> toClaim(String pair, RecordType type) {
        return db.read(() -> scope.toClaim(pair, type));
    }

    /**
     * Records that the other side's copy of these records no longer carries (true) or carries again (false) the
     * pair's sharing marker.
     */
    public void markReleased(String pair, java.util.Collection<String> recordIds, boolean released) {
        db.write(() -> {
            for (String id : recordIds) {
                scope.setReleased(pair, id, released);
            }
            return null;
        });
    }

    /** Whether the pair sends the record by the user's choice: true unless the user untracked it (the default). */
    public boolean tracked(String pair, String recordId) {
        return db.read(() -> scope.tracked(pair, recordId)).orElse(true);
    }

    /** The records of a type the user took out of the pair, by id. */
    public List<String> untracked(String pair, RecordType type) {
        return db.read(() -> scope.untracked(pair, type));
    }

    /** The records of a type that the pair's limit left out at its last ranking, by id: listed, never deleted. */
    public List<String> overLimit(String pair, RecordType type) {
        return db.read(() -> scope.overLimit(pair, type));
    }

    /** Per type, how many records the pair's limit leaves out; types with none are absent. */
    public Map<RecordType, Integer> overLimitCounts(String pair) {
        return db.read(() -> scope.overLimitCounts(pair));
    }

    /** Whether the pair leaves out any record, untracked or over its limit; one probe. */
    public boolean hasExclusions(String pair) {
        return db.read(() -> scope.anyExcluded(pair));
    }

    /** The ids among these that the pair leaves out: untracked or over its limit. */
    public java.util.Set<String> excluded(String pair, Collection<String> recordIds) {
        return db.read(() -> scope.excluded(pair, recordIds));
    }

    /** How many live records of the types the pair may send (all but the untracked). */
    public int pushCandidateCount(String pair, java.util.Set<RecordType> types) {
        return db.read(() -> scope.candidateCount(pair, types));
    }

    /** The live records of the types the pair may send (all but the untracked), to rank under its limit. */
    public List<PushCandidate> pushCandidates(String pair, java.util.Set<RecordType> types) {
        return db.read(() -> scope.candidates(pair, types));
    }

    /**
     * Makes {@code outside} the records the pair's limit leaves out, in one transaction. A record newly out has
     * its link paused (marked out of scope: the other side keeps its copy, nothing is deleted); a record back in
     * has its paused link resumed, and the next push looks at it again.
     */
    public void limitPush(String pair, Map<String, RecordType> outside) {
        db.write(() -> {
            scopeWrites.limitPush(pair, outside);
            return null;
        });
    }

    /** When the pair's limit last ranked its records, if it has. */
    public Optional<LimitMark> limitMark(String pair) {
        return db.read(() -> scope.limitMark(pair));
    }

    public void saveLimitMark(String pair, LimitMark mark) {
        db.write(() -> {
            scope.saveLimitMark(pair, mark);
            return null;
        });
    }

    /** Whether a record of the types written after {@code rev} is new to the pair (see {@link #limitMark}). */
    public boolean newPushCandidatesSince(String pair, java.util.Set<RecordType> types, long rev) {
        return db.read(() -> scope.newCandidatesSince(pair, types, rev));
    }

    // --- anchors

    public Optional<String> anchor(String pair, RecordType type) {
        return db.read(() -> anchors.get(pair, type));
    }

    public void saveAnchor(String pair, RecordType type, String token) {
        db.write(() -> {
            if (!anchors.get(pair, type).filter(token::equals).isPresent()) {
                anchors.save(pair, type, token);
            }
            return null;
        });
    }

    public void clearAnchor(String pair, RecordType type) {
        db.write(() -> {
            anchors.clear(pair, type);
            return null;
        });
    }

    // --- journal

    public List<JournalEntry> addToJournal(List<JournalEntry> entries) {
        return db.write(() -> journal.add(entries));
    }

    public void closeJournal(long id) {
        db.write(() -> {
            journal.close(id);
            return null;
        });
    }

    public List<JournalEntry> openJournal(String pair) {
        return db.read(() -> journal.open(pair));
    }

    // --- conflicts

    public long addConflict(ConflictRow conflict) {
        return db.write(() -> conflicts.add(conflict));
    }

    public void updateConflictRemote(long id, Optional<Map<String, String>> values, String version, Instant changedAt) {
        db.write(() -> {
            conflicts.updateRemote(id, values, version, changedAt);
            return null;
        });
    }

    public void resolveConflict(long id, String resolution) {
        db.write(() -> {
            conflicts.resolve(id, resolution);
            return null;
        });
    }

    /** The conflicts decided last, newest first: the history lists them with the runs. */
    public List<DecidedConflict> decidedConflicts(int limit) {
        return db.read(() -> conflicts.decided(limit));
    }

    /** Open conflicts of one pair, or of every pair. */
    public List<ConflictRow> openConflicts(Optional<String> pair) {
        return db.read(() -> conflicts.open(pair));
    }

    public Optional<ConflictRow> openConflict(String pair, String recordId) {
        return db.read(() -> conflicts.openFor(pair, recordId));
    }

    public Optional<ConflictRow> conflict(long id) {
        return db.read(() -> conflicts.get(id));
    }

    // --- sync issues

    public void raiseIssue(String pair, RecordType type, String recordId, String remoteId, String kind, String reason) {
        db.write(() -> {
            issues.raise(pair, type, recordId, remoteId, kind, reason);
            return null;
        });
    }

    public void resolveIssues(String pair, String recordIdOrRemoteId, String kind, String resolution) {
        db.write(() -> {
            issues.resolve(pair, recordIdOrRemoteId, kind, resolution);
            return null;
        });
    }

    public void resolveIssue(long id, String resolution) {
        db.write(() -> {
            issues.resolve(id, resolution);
            return null;
        });
    }

    public List<SyncIssue> openIssues(Optional<String> pair) {
        return db.read(() -> issues.open(pair));
    }

    /** Whether an issue of the kind for the record was closed with this resolution, e.g. the user's "keep both". */
    public boolean issueResolvedAs(String pair, String recordId, String kind, String resolution) {
        return db.read(() -> issues.resolvedAs(pair, recordId, kind, resolution));
    }

    /**
     * Keeps a skipped change skipped after the sync itself wrote the record (a merge of the other side's edits into
     * it): its open skipped issues move to the record's rev now.
     */
    public void keepSkipped(String pair, String recordId) {
        db.write(() -> {
            Map<String, LocalRecord> found = records.byIds(List.of(recordId));
            if (found.containsKey(recordId)) {
                issues.reskip(pair, recordId, found.get(recordId).record().rev());
            }
            return null;
        });
    }

    /** An open sync issue by id; empty once it is closed. */
    public Optional<SyncIssue> openIssue(long id) {
        return db.read(() -> issues.get(id));
    }

    /**
     * Marks an open issue skipped at the record's rev {@code rev}: the engine does not send that change of the record
     * again, and the issue stays listed; null lifts the skip. See {@code dev.outpost.sync.IssueResolver}.
     */
    public void markIssueSkipped(long id, Long rev) {
        db.write(() -> {
            issues.skip(id, rev);
            return null;
        });
    }

    // --- run history

    public void addRun(SyncRun run) {
        db.write(() -> {
            runs.add(run);
            return null;
        });
    }

    public List<SyncRun> latestRuns(int limit) {
        return db.read(() -> runs.latest(limit));
    }
}
