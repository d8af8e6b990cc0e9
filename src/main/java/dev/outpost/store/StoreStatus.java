package dev.outpost.store;

import java.util.Map;

import dev.outpost.model.RecordType;

/**
 * A count of the offline store's contents.
 *
 * @param records per type, the live (not deleted) records
 * @param pending per type, the local changes not yet synced (creates, edits and deletions)
 */
public record StoreStatus(Map<RecordType, Integer> records, Map<RecordType, Integer> pending) {

    public StoreStatus {
        records = Map.copyOf(records);
        pending = Map.copyOf(pending);
    }

    public int totalRecords() {
        return records.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int totalPending() {
        return pending.values().stream().mapToInt(Integer::intValue).sum();
    }
}
