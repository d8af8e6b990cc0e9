package dev.outpost.ui.sync;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.outpost.model.RecordType;

/**
 * How far a running sync got: the type it works on, how many records each type has received and sent so far,
 * and how many of the run's steps (one per pair and type) have begun. Written on the sync thread, read on the FX
 * thread, hence synchronized.
 */
final class SyncProgress {

    /** What one type has moved so far in this run. */
    record Moved(int received, int sent) {
    }

    private final Map<RecordType, Moved> perType = new LinkedHashMap<>();
    private final Set<String> begun = new HashSet<>();
    private int steps;
    private RecordType current;

    synchronized void working(RecordType type) {
        current = type;
    }

    /** The engine began a type with one endpoint: a step of the run, for the bar's fraction. */
    synchronized void working(String endpoint, RecordType type) {
        current = type;
        begun.add(endpoint + "/" + type);
    }

    synchronized void received(RecordType type, int records) {
        add(type, new Moved(records, 0));
    }

    synchronized void sent(RecordType type, int records) {
        add(type, new Moved(0, records));
    }

    private void add(RecordType type, Moved more) {
        current = type;
        perType.merge(type, more, (was, now) -> new Moved(was.received() + now.received(), was.sent() + now.sent()));
    }

    synchronized Optional<RecordType> current() {
        return Optional.ofNullable(current);
    }

    synchronized int movedSoFar(RecordType type) {
        Moved so = perType.getOrDefault(type, new Moved(0, 0));
        return so.received() + so.sent();
    }

    /** Received and sent per type, in the order the types were first reached. */
    synchronized Map<RecordType, Moved> perType() {
        return new LinkedHashMap<>(perType);
    }

    /** How many steps the run has: one per pair and type; 0 when unknown. */
    synchronized void expect(int totalSteps) {
        steps = totalSteps;
    }

    /** The share of the run's steps done (those begun but the one under way), or -1 when the total is unknown. */
    synchronized double fraction() {
        if (steps <= 0 || begun.isEmpty()) {
            return -1;
        }
        return Math.min(1.0, (begun.size() - 1) / (double) steps);
    }

    synchronized void reset() {
        perType.clear();
        begun.clear();
        steps = 0;
        current = null;
    }
}
