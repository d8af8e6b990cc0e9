package dev.outpost.store;

import java.time.Instant;

/**
 * A conflict the user decided, as the history lists it.
 *
 * @param conflict   the conflict as it was recorded
 * @param resolution how it was decided: {@code mine}, {@code server}, {@code merged}, {@code both}, or the
 *                   update/delete dialog's and the sync issues' own words
 * @param decidedAt  when
 */
public record DecidedConflict(ConflictRow conflict, String resolution, Instant decidedAt) {
}
