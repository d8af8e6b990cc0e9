package dev.outpost.sync;

/** What became of one {@link RemoteWrite}; an endpoint answers every write of a batch, in order. */
public sealed interface WriteOutcome {

    /** Created or updated; the record now has this id and version. */
    record Written(String remoteId, String version) implements WriteOutcome {
    }

    /** Deleted (or already gone, for a delete). */
    record Deleted() implements WriteOutcome {
    }

    /** The version did not match: someone changed the record since we read it (HTTP 412). Not an error. */
    record RemoteChanged() implements WriteOutcome {
    }

    /** The record to update no longer exists on the endpoint. */
    record RemoteGone() implements WriteOutcome {
    }

    /**
     * The endpoint refused or could not take this write.
     *
     * @param reason    what went wrong, in words a user can act on
     * @param retryable whether trying again later may work (a timeout) or not (a validation error)
     */
    record Failed(String reason, boolean retryable) implements WriteOutcome {
    }
}
