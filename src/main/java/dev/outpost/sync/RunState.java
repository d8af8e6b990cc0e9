package dev.outpost.sync;

import java.util.ArrayList;
import java.util.List;

import dev.outpost.store.SyncStore;

/**
 * What the types of one run share: where the store stood when the run began, and the revs the run wrote
 * already in step with the pair. They let a first sync skip work whose answer is known to be empty — the
 * scans that would otherwise read every record of the earlier types once per later type.
 */
final class RunState {

    /** The highest rev in the store when the run began; records above it were written by this run or since. */
    final long startRev;
    /** Whether the pair linked any record when the run began; without links a listing can find no deletions. */
    final boolean pairHadLinks;
    /** Whether the pair leaves out any record (untracked, over its limit); without any, pulls need not ask. */
    final boolean pairExcludes;
    private final List<Long> syncedRevs = new ArrayList<>();

    RunState(SyncStore store, String pair) {
        this.startRev = store.lastRev();
        this.pairHadLinks = store.hasLinks(pair);
        this.pairExcludes = store.hasExclusions(pair);
    }

    void addSynced(List<Long> revs) {
        syncedRevs.addAll(revs);
    }

    /**
     * The revs this run wrote in step with the pair, of any type, sorted: a push need not read them. Other
     * types' revs are skipped too — a push looks at its own type only, so reading them would find nothing.
     */
    long[] syncedRevs() {
        return syncedRevs.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
