package dev.outpost.sync;

import dev.outpost.model.RecordType;

/** The counts of one type's run while it goes on. */
final class Tally {
    final RecordType type;
    TypeOutcome outcome = TypeOutcome.DONE;
    String message = "";
    int pulledCreated;
    int pulledUpdated;
    int pulledDeleted;
    int pushedCreated;
    int pushedUpdated;
    int pushedDeleted;
    int merged;
    int conflicts;
    int issues;
    int pendingDeletes;
    int stoppedTracking;
    int overLimit;

    Tally(RecordType type) {
        this.type = type;
    }

    TypeReport report() {
        return new TypeReport(type, outcome, pulledCreated, pulledUpdated, pulledDeleted, pushedCreated, pushedUpdated,
                pushedDeleted, merged, conflicts, issues, pendingDeletes, stoppedTracking, overLimit, message);
    }
}
