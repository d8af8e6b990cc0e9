package dev.outpost.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import dev.outpost.model.Record;

/**
 * One local change not yet sent: a record made here, changed here or deleted here since the last sync.
 *
 * @param record   the record as it is now (a tombstone when deleted)
 * @param what     what happened to it here
 * @param base     the values the server and this computer last agreed on; empty for a record never synced
 * @param conflict the open conflict holding the record, if any: its {@code localValues} are the user's side
 */
public record UnsyncedChange(Record record, What what, Map<String, String> base, Optional<ConflictRow> conflict) {

    /** What happened to a record here. */
    public enum What {
        CREATED("created"), CHANGED("changed"), DELETED("deleted");

        private final String word;

        What(String word) {
            this.word = word;
        }

        /** The word the export file uses, e.g. "changed". */
        public String word() {
            return word;
        }
    }

    public UnsyncedChange {
        Objects.requireNonNull(record);
        Objects.requireNonNull(what);
        base = Map.copyOf(base);
    }

    /**
     * The fields this computer changed, with their values now: every value of a new record, the fields that
     * differ from the base of a changed one (an emptied field maps to ""), none of a deleted one.
     */
    public Map<String, String> changedFields() {
        Map<String, String> changed = new LinkedHashMap<>();
        switch (what) {
            case CREATED -> changed.putAll(record.values());
            case CHANGED -> {
                TreeSet<String> names = new TreeSet<>(record.values().keySet());
                names.addAll(base.keySet());
                for (String name : names) {
                    if (!record.get(name).equals(base.getOrDefault(name, ""))) {
                        changed.put(name, record.get(name));
                    }
                }
            }
            case DELETED -> {
                // nothing changed in the fields: the record as a whole went
            }
        }
        return changed;
    }
}
