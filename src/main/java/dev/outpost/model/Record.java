package dev.outpost.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One CRM record as kept offline: immutable, with its field values in canonical text form.
 * Empty fields are absent from {@code values}.
 *
 * @param id      the local id (a UUID), stable for the record's whole life
 * @param type    what kind of record it is
 * @param values  field name to canonical value, never blank
 * @param rev     the store's revision number of the last local write, from one global sequence
 * @param deleted whether the record is a tombstone (deleted, restorable until synced)
 */
public record Record(String id, RecordType type, Map<String, String> values, long rev, boolean deleted) {

    public Record {
        Objects.requireNonNull(id);
        Objects.requireNonNull(type);
        TreeMap<String, String> kept = new TreeMap<>();
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                kept.put(k, v);
            }
        });
        values = java.util.Collections.unmodifiableMap(kept);
    }

    /** The value of a field, or "" when it is empty. */
    public String get(String field) {
        return values.getOrDefault(field, "");
    }

    /** The text that names the record for a person, e.g. a contact's full name. */
    public String title() {
        return type.titleOf(values);
    }
}
