package dev.outpost.ui.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.outpost.model.Field;
import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.ConflictRow;
import dev.outpost.ui.UiText;

/**
 * A conflict as the list shows it.
 *
 * @param row        the stored conflict
 * @param title      the record's title, e.g. "Fabrikam"
 * @param summary    what collided in words, e.g. "Changed on both sides" or "Deleted on the server, changed here"
 * @param collisions per field, mine vs the server's value (empty for an update/delete conflict)
 */
public record ConflictItem(ConflictRow row, String title, String summary, List<FieldCollision> collisions) {

    public ConflictItem {
        collisions = List.copyOf(collisions);
    }

    /**
     * The list's item for a conflict: the record's title (from the record here, else from the conflict's values),
     * what happened in words, and a row per field changed on both sides.
     */
    public static ConflictItem of(ConflictRow row, Optional<dev.outpost.model.Record> here) {
        RecordType type = row.type();
        Map<String, String> known = row.localValues().or(row::remoteValues).orElse(row.baseValues());
        String title = here.map(Record::title).orElse(type.titleOf(known));
        List<FieldCollision> collisions = new ArrayList<>();
        for (String name : row.fields()) {
            String label = type.field(name).map(Field::label).orElse(name);
            collisions.add(new FieldCollision(label, row.localValues().map(v -> v.getOrDefault(name, "")).orElse(""),
                    row.remoteValues().map(v -> v.getOrDefault(name, "")).orElse("")));
        }
        String summary;
        if (row.remoteValues().isEmpty()) {
            summary = UiText.get("conflicts.deletedOnServer", type.label());
        } else if (row.localValues().isEmpty()) {
            summary = UiText.get("conflicts.deletedHere", type.label());
        } else {
            summary = UiText.get("conflicts.bothChanged", type.label());
        }
        return new ConflictItem(row, title, summary, collisions);
    }
}
