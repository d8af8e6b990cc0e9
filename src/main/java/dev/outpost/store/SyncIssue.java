package dev.outpost.store;

import java.time.Instant;

import dev.outpost.model.RecordType;

/**
 * A per-record problem a sync met and could not settle alone.
 *
 * @param kind       e.g. {@code write-failed}, {@code possible-duplicate}, {@code unreadable-remote}
 * @param recordId   the local record, if there is one
 * @param remoteId   the endpoint's record, if known
 * @param reason     what happened, in plain words
 * @param attempts   how many runs met it
 * @param skippedRev when the user skipped it, the record's rev then: that change is not sent (a later edit is);
 *                   null when not skipped
 */
public record SyncIssue(long id, String pair, RecordType type, String recordId, String remoteId, String kind,
                        String reason, int attempts, Instant firstAt, Instant lastAt, Long skippedRev) {

    /** Whether the user chose not to send the record's change (see {@link SyncStore#skipIssue}). */
    public boolean skipped() {
        return skippedRev != null;
    }
}
