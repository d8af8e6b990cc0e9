package dev.outpost.store;

import java.util.Optional;

/**
 * A local change a pair has not synced: a record never sent, or changed or deleted since it was.
 *
 * @param local the record as it is now
 * @param link  the pair's link, empty when the record was never synced with the pair
 */
public record PendingRecord(LocalRecord local, Optional<Link> link) {
}
