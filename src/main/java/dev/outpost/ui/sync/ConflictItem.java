package dev.outpost.ui.sync;

import java.util.List;

import dev.outpost.store.ConflictRow;

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
}
