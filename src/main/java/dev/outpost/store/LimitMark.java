package dev.outpost.store;

import java.time.Instant;
import java.util.Map;

import dev.outpost.model.RecordType;

/**
 * When a pair's limit last ranked its records, and what it left out then.
 *
 * @param rankedRev the highest rev when the ranking read the records
 * @param limit     the limit it ranked for
 * @param rankedAt  when
 * @param overLimit per type, how many records it left out (types with none absent)
 */
public record LimitMark(long rankedRev, int limit, Instant rankedAt, Map<RecordType, Integer> overLimit) {
    public LimitMark {
        overLimit = Map.copyOf(overLimit);
    }
}
