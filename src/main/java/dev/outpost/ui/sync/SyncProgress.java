package dev.outpost.ui.sync;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import dev.outpost.model.RecordType;

/**
 * How far a running sync got: the type it works on and how many records each type has moved so far.
 * Written on the sync thread, read on the FX thread, hence synchronized.
 */
final class SyncProgress {

    private final Map<RecordType, Integer> moved = new EnumMap<>(RecordType.class);
    private RecordType current;

    synchronized void working(RecordType type) {
        current = type;
    }

    synchronized void moved(RecordType type, int records) {
        current = type;
        moved.merge(type, records, Integer::sum);
    }

    synchronized Optional<RecordType> current() {
        return Optional.ofNullable(current);
    }

    synchronized int movedSoFar(RecordType type) {
        return moved.getOrDefault(type, 0);
    }

    synchronized void reset() {
        moved.clear();
        current = null;
    }
}
