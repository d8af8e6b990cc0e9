package dev.outpost.sync;

import java.util.Optional;

import dev.outpost.store.LocalRecord;
import dev.outpost.store.StoreException;
import dev.outpost.store.SyncIssue;
import dev.outpost.store.SyncStore;

/**
 * Carries out the user's choice on a sync issue. Like {@link ConflictResolver}, nothing is sent here: the choice is
 * written to the store and the next run acts on it.
 *
 * <ul>
 *   <li><em>Retry</em>: the next sync tries the record again. A refused write is sent again (it would be anyway; a
 *   skip is lifted); a possible duplicate is sent although it looks like a record the endpoint has, so both are kept
 *   (the user's "keep both"); a row that could not be read is read again when it changes there.</li>
 *   <li><em>Skip</em>: the record's change as it is now is not sent to that side again. Nothing is dropped: the
 *   record keeps its values here, still counts as a local change waiting, and the issue stays listed as skipped, so
 *   the user sees what was not sent and can <em>Retry</em> it at any time. A later edit of the record is a new
 *   change and is sent (a refusal of it is a new attempt of the same issue, shown again).</li>
 * </ul>
 */
public final class IssueResolver {

    /** The resolution of a possible duplicate the user chose to send anyway: the engine no longer asks. */
    static final String KEEP_BOTH = "keep-both";

    private final SyncStore store;

    public IssueResolver(SyncStore store) {
        this.store = store;
    }

    /** Tries the issue's record again at the next sync; returns the issue as it was. */
    public SyncIssue retry(long issueId) {
        SyncIssue issue = open(issueId);
        store.inTransaction(() -> {
            store.markIssueSkipped(issueId, null);
            if (issue.kind().equals(PullPhase.POSSIBLE_DUPLICATE)) {
                store.resolveIssue(issueId, KEEP_BOTH);
            }
        });
        return issue;
    }

    /**
     * Stops sending the record's change as it is now; returns the issue as it was. For an issue with no record here
     * (a row that cannot be read and was never stored) it only marks the issue as seen.
     */
    public SyncIssue skip(long issueId) {
        SyncIssue issue = open(issueId);
        long rev = Optional.ofNullable(issue.recordId()).flatMap(store::record).map(LocalRecord::record)
                .map(dev.outpost.model.Record::rev).orElse(0L);
        store.markIssueSkipped(issueId, rev);
        return issue;
    }

    private SyncIssue open(long issueId) {
        return store.openIssue(issueId).orElseThrow(() -> new StoreException("Sync issue " + issueId
                + " is not open any more; the last sync may have settled it. List the open ones with: outpost issues"));
    }
}
