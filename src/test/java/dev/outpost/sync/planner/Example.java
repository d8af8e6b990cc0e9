package dev.outpost.sync.planner;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.Decision;
import dev.outpost.sync.LocalSide;
import dev.outpost.sync.Planner;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.RemoteSide;

/**
 * One contact as both sides agreed on it at the last sync, and small helpers to describe what happened to it
 * since on each side. Times are fixed: the planner has no clock, so a test states every instant it relies on.
 */
final class Example {

    /** When the last sync happened. */
    static final Instant SYNCED = Instant.parse("2025-03-01T09:00:00Z");
    static final Instant EARLIER = SYNCED.plusSeconds(600);
    static final Instant LATER = SYNCED.plusSeconds(3600);

    /** The base: the values both sides agreed on at the last sync. */
    static final Map<String, String> BASE = Map.of(
            "firstName", "Ada",
            "lastName", "Lovelace",
            "email", "ada@old.example",
            "phone", "111");

    private Example() {
    }

    static Optional<Map<String, String>> base() {
        return Optional.of(BASE);
    }

    static Optional<Map<String, String>> noBase() {
        return Optional.empty();
    }

    /** A copy of {@code values} with the given field/value pairs set; an empty value removes the field. */
    static Map<String, String> with(Map<String, String> values, String... fieldValuePairs) {
        if (fieldValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("field/value pairs expected");
        }
        Map<String, String> copy = new TreeMap<>(values);
        for (int i = 0; i < fieldValuePairs.length; i += 2) {
            if (fieldValuePairs[i + 1].isEmpty()) {
                copy.remove(fieldValuePairs[i]);
            } else {
                copy.put(fieldValuePairs[i], fieldValuePairs[i + 1]);
            }
        }
        return Map.copyOf(copy);
    }

    /** A copy of {@code values} without the given fields (the fields were cleared). */
    static Map<String, String> without(Map<String, String> values, String... fields) {
        Map<String, String> copy = new TreeMap<>(values);
        for (String field : fields) {
            copy.remove(field);
        }
        return Map.copyOf(copy);
    }

    static RemoteRecord remote(Map<String, String> values, Instant modifiedAt) {
        return new RemoteRecord("crm-42", "v8", values, modifiedAt);
    }

    static LocalSide.Absent localAbsent() {
        return new LocalSide.Absent();
    }

    static LocalSide.Unchanged localUnchanged() {
        return new LocalSide.Unchanged(BASE);
    }

    static LocalSide.Changed localChanged(Map<String, String> values, Instant at) {
        return new LocalSide.Changed(values, at);
    }

    static LocalSide.Deleted localDeleted(Instant at) {
        return new LocalSide.Deleted(at);
    }

    static RemoteSide.Unknown remoteUnknown() {
        return new RemoteSide.Unknown();
    }

    static RemoteSide.Unchanged remoteUnchanged() {
        return new RemoteSide.Unchanged();
    }

    static RemoteSide.Changed remoteChanged(RemoteRecord record) {
        return new RemoteSide.Changed(record);
    }

    static RemoteSide.Deleted remoteDeleted() {
        return new RemoteSide.Deleted();
    }

    static Decision decide(LocalSide local, RemoteSide remote, ConflictPolicy policy) {
        return Planner.decide(base(), local, remote, policy);
    }
}
