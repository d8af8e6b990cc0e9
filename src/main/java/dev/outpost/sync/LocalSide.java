package dev.outpost.sync;

import java.time.Instant;
import java.util.Map;

/** The local record's state since this pair last synced it, as the planner sees it. */
public sealed interface LocalSide {

    /** No local record corresponds to the remote one. */
    record Absent() implements LocalSide {
    }

    /** Not changed since the last sync. */
    record Unchanged(Map<String, String> values) implements LocalSide {
    }

    /** Changed (or created) locally since the last sync. */
    record Changed(Map<String, String> values, Instant modifiedAt) implements LocalSide {
    }

    /** Deleted locally since the last sync. */
    record Deleted(Instant deletedAt) implements LocalSide {
    }
}
