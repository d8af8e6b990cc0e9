package dev.outpost.sync;

/**
 * The points of a run where a process may die without losing anything: each follows a commit or a remote
 * write. Tests kill a child JVM at each of them and check the next run ends as an uninterrupted one.
 */
public enum SyncStep {
    /** A page of remote changes (and, on the last page, the anchor) was committed. */
    PAGE_APPLIED,
    /** A batch of writes was written to the journal, not yet sent. */
    JOURNAL_WRITTEN,
    /** The endpoint took a batch; the answers are not recorded yet. */
    BATCH_SENT,
    /** One write's answer was recorded and its journal entry closed. */
    WRITE_RECORDED,
    /** The journal entries an interrupted run left were settled. */
    JOURNAL_SETTLED;

    /** Told about each step as it is reached. */
    @FunctionalInterface
    public interface Observer {
        Observer NONE = step -> { };

        void reached(SyncStep step);
    }
}
