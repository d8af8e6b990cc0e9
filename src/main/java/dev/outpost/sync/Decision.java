package dev.outpost.sync;

import java.util.Map;
import java.util.Set;

/** What the planner decided for one record; the executor carries it out. */
public sealed interface Decision {

    /** Both sides agree: nothing to do. */
    record Nothing() implements Decision {
    }

    /** Take the endpoint's record as it is (create or update the local one). */
    record TakeRemote(RemoteRecord remote) implements Decision {
    }

    /** Delete the local record: it was deleted on the endpoint. */
    record DeleteLocal() implements Decision {
    }

    /** Send the local values to the endpoint as an update. */
    record PushUpdate(Map<String, String> values) implements Decision {
    }

    /** Create the local record on the endpoint. */
    record PushCreate(Map<String, String> values) implements Decision {
    }

    /** Delete the record on the endpoint: it was deleted here. */
    record PushDelete() implements Decision {
    }

    /**
     * Both sides changed it: keep the merged values here, take the remote version as the new base, and
     * send the merged values back if they differ from the remote ones.
     *
     * @param values       the merged values
     * @param remote       the remote record merged with
     * @param autoMerged   the fields taken from one side because only it changed them
     * @param settled      the conflicting fields the pair's policy settled without asking
     */
    record Merge(Map<String, String> values, RemoteRecord remote, Set<String> autoMerged, Set<String> settled)
            implements Decision {
        /** Whether the endpoint must be sent the merged values. */
        public boolean needsPush() {
            return !values.equals(remote.values());
        }
    }

    /**
     * A true conflict under the {@code ask} policy: record it and hold the record until the user decides.
     *
     * @param fields the fields changed on both sides (empty for an update/delete conflict)
     * @param remote the remote record, empty when it was deleted there
     */
    record Conflict(ConflictKind kind, Set<String> fields, java.util.Optional<RemoteRecord> remote) implements Decision {
    }

    /** Deleted on both sides: forget the link. */
    record DropLink() implements Decision {
    }

    /** Deleted here but changed on the endpoint, and the endpoint wins: bring the record back with its values. */
    record RestoreLocal(RemoteRecord remote) implements Decision {
    }

    /** Changed here but deleted on the endpoint, and this side wins: create it on the endpoint again. */
    record RecreateRemote(Map<String, String> values) implements Decision {
    }

    /** Deleted here but changed on the endpoint, and this side wins: delete it there, at its new version. */
    record DeleteRemoteAt(RemoteRecord remote) implements Decision {
    }
}
