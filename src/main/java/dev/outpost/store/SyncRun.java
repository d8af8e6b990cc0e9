package dev.outpost.store;

import java.time.Instant;

/**
 * One sync run as kept in the history.
 *
 * @param outcome e.g. {@code done}, {@code conflicts}, {@code failed}, {@code stopped}
 * @param counts  JSON: counts per type and direction
 */
public record SyncRun(long id, String pair, Instant startedAt, long durationMs, String outcome, String counts,
                      String message, boolean dryRun) {
}
