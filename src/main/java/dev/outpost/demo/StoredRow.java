package dev.outpost.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One row as the demo store keeps it: the column values as JSON, the row version, and whether it is a tombstone.
 *
 * @param set     the entity set name
 * @param id      the row's GUID, lower case
 * @param version the row version ({@code versionnumber}); a tombstone's is the version of its deletion
 * @param deleted whether the row was deleted (kept as a tombstone for change tracking)
 * @param data    the column values, {@code modifiedon} and the owner included, the key and version not
 */
record StoredRow(String set, String id, long version, boolean deleted, ObjectNode data) {

    String etag() {
        return "W/\"" + version + "\"";
    }
}
