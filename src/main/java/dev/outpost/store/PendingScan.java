package dev.outpost.store;

import java.util.List;

/**
 * The local changes a push is about to send.
 *
 * @param records    the records waiting, oldest first (held ones included: the engine leaves them out)
 * @param scannedRev the highest rev when they were read; later writes are found by the next push
 */
public record PendingScan(List<PendingRecord> records, long scannedRev) {
    public PendingScan {
        records = List.copyOf(records);
    }
}
