package dev.outpost.sync;

import dev.outpost.model.RecordType;

/**
 * One thing a run would do, as a dry run reports it.
 *
 * @param type     the record type
 * @param recordId the local record, or "" for a record that does not exist here yet
 * @param remoteId the endpoint's record, or "" for one that does not exist there yet
 * @param decision what would be done
 */
public record PlannedAction(RecordType type, String recordId, String remoteId, Decision decision) {
}
