package dev.outpost.store;

import java.time.Instant;

import dev.outpost.model.Record;

/**
 * A record with what the sync engine needs besides its values.
 *
 * @param record     the record (possibly a tombstone)
 * @param modifiedAt when it was last written locally, for the newest-wins policy
 */
public record LocalRecord(Record record, Instant modifiedAt) {
}
