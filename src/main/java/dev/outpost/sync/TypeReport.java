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
 * @param message        for FAILED, what went wrong in words a user can act on; else ""
 */
public record TypeReport(RecordType type, TypeOutcome outcome, int pulledCreated, int pulledUpdated, int pulledDeleted,
                         int pushedCreated, int pushedUpdated, int pushedDeleted, int merged, int conflicts, int issues,
                         int pendingDeletes, String message) {

    public int pulled() {
        return pulledCreated + pulledUpdated + pulledDeleted;
    }

    public int pushed() {
        return pushedCreated + pushedUpdated + pushedDeleted;
    }
}
