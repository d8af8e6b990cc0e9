package dev.outpost.sync;

import dev.outpost.model.RecordType;

/**
 * What one run did for one record type.
 *
 * @param pulledCreated  records the endpoint had that are now here too
 * @param pulledUpdated  local records updated with the endpoint's changes
 * @param pulledDeleted  local records deleted because the endpoint deleted them
 * @param pushedCreated  records created on the endpoint
 * @param pushedUpdated  records updated on the endpoint
 * @param pushedDeleted  records deleted on the endpoint
 * @param merged         records changed on both sides whose fields merged without asking
 * @param conflicts      conflicts recorded for the user
 * @param issues         per-record problems recorded
 * @param pendingDeletes deletions the guard held back (with NEEDS_CONFIRMATION)
 * @param stoppedTracking records deleted on the endpoint that the pair's {@link RemovalRule} kept here, no longer
 *                       synced with the pair
 * @param overLimit      records the pair's {@link PushLimit} leaves out, listed by
 *                       {@link dev.outpost.store.SyncStore#overLimit}: not sent, not deleted anywhere
 * @param message        for FAILED, what went wrong in words a user can act on; else ""
 */
public record TypeReport(RecordType type, TypeOutcome outcome, int pulledCreated, int pulledUpdated, int pulledDeleted,
                         int pushedCreated, int pushedUpdated, int pushedDeleted, int merged, int conflicts, int issues,
                         int pendingDeletes, int stoppedTracking, int overLimit, String message) {

    /** A report of a pair without removal rules or limit. */
    public TypeReport(RecordType type, TypeOutcome outcome, int pulledCreated, int pulledUpdated, int pulledDeleted,
                      int pushedCreated, int pushedUpdated, int pushedDeleted, int merged, int conflicts, int issues,
                      int pendingDeletes, String message) {
        this(type, outcome, pulledCreated, pulledUpdated, pulledDeleted, pushedCreated, pushedUpdated, pushedDeleted,
                merged, conflicts, issues, pendingDeletes, 0, 0, message);
    }

    public int pulled() {
        return pulledCreated + pulledUpdated + pulledDeleted;
    }

    public int pushed() {
        return pushedCreated + pushedUpdated + pushedDeleted;
    }
}
