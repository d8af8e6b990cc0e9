package dev.outpost.sync.memory;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import dev.outpost.model.RecordType;

/**
 * The global change log, compacted: one position counter for all types and, per type, only the latest
 * position at which each record changed. A delta is then a range query whose cost follows the number of
 * records changed, not the size of the store. Deleted records keep their entry (the tombstone) forever.
 */
final class ChangeLog {

    private long position;
    private final Map<RecordType, TreeMap<Long, String>> bySeq = new EnumMap<>(RecordType.class);
    private final Map<RecordType, HashMap<String, Long>> lastSeq = new EnumMap<>(RecordType.class);

    ChangeLog() {
        for (RecordType type : RecordType.values()) {
            bySeq.put(type, new TreeMap<>());
            lastSeq.put(type, new HashMap<>());
        }
    }

    /** The position of the latest change; a feed that starts now reports what comes after it. */
    long position() {
        return position;
    }

    /** Notes that the record changed (was created, edited, deleted, or moved in or out of scope). */
    void record(RecordType type, String remoteId) {
        long seq = ++position;
        Long old = lastSeq.get(type).put(remoteId, seq);
        if (old != null) {
            bySeq.get(type).remove(old);
        }
        bySeq.get(type).put(seq, remoteId);
    }

    /** The records of the type whose latest change lies in (after, end], keyed by that position. */
    NavigableMap<Long, String> between(RecordType type, long after, long end) {
        return after >= end ? new TreeMap<>() : bySeq.get(type).subMap(after, false, end, true);
    }

    /** Whether the id was ever used for this type, deleted or not. */
    boolean knows(RecordType type, String remoteId) {
        return lastSeq.get(type).containsKey(remoteId);
    }

    /** Remote id to latest position, for persistence. */
    Map<String, Long> entries(RecordType type) {
        return lastSeq.get(type);
    }

    void restore(long position, Map<RecordType, Map<String, Long>> entries) {
        this.position = position;
        entries.forEach((type, seqs) -> seqs.forEach((id, seq) -> {
            lastSeq.get(type).put(id, seq);
            bySeq.get(type).put(seq, id);
        }));
    }
}
