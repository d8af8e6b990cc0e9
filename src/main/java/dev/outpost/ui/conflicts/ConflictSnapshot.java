package dev.outpost.ui.conflicts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.outpost.store.ConflictRow;

/**
 * A conflict as read from the store for a dialog: the stored conflict, this computer's record as it is now (the
 * user may have edited it while it was held), the server's version, and what the dialog needs to show them.
 *
 * @param mine            this computer's values now, empty when it deleted the record
 * @param mineChangedAt   when this computer last wrote the record, null when that is not known
 * @param server          the server's newest values, empty when it deleted the record
 * @param referenceTitles the title of every record the values refer to, by local id
 * @param othersOfKind    the other open conflicts a "do the same" choice may settle (see {@link Conflicts})
 */
public record ConflictSnapshot(ConflictRow row, Optional<Map<String, String>> mine, Instant mineChangedAt, Optional<Map<String, String>> server,
                               Map<String, String> referenceTitles, List<Long> othersOfKind) {

    public ConflictSnapshot {
        referenceTitles = Map.copyOf(referenceTitles);
        othersOfKind = List.copyOf(othersOfKind);
    }

    /** Whether one side deleted the record: the update/delete dialog, not the field-by-field one. */
    public boolean deletedOnOneSide() {
        return mine.isEmpty() || server.isEmpty();
    }

    /** The record's title, from whichever version exists. */
    public String title() {
        return row.type().titleOf(mine.or(() -> server).orElse(row.baseValues()));
    }

    /** The fields that differ, when both sides still have the record. */
    public List<FieldDifference> differences() {
        if (deletedOnOneSide()) {
            return List.of();
        }
        return FieldDifference.between(row.type(), row.baseValues(), mine.orElseThrow(), server.orElseThrow());
    }
}
