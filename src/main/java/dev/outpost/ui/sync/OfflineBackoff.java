package dev.outpost.ui.sync;

import java.time.Duration;

/**
 * How long to wait before the next try while the CRM cannot be reached: the first wait, then twice as long each time,
 * never longer than the sync interval. Reset once a sync reaches the CRM again.
 */
final class OfflineBackoff {

    private final Duration first;
    private Duration last;

    OfflineBackoff(Duration first) {
        this.first = first;
    }

    /** The wait before the next try, at most {@code interval}. */
    Duration next(Duration interval) {
        Duration wait = last == null ? first : last.multipliedBy(2);
        if (wait.compareTo(interval) > 0) {
            wait = interval;
        }
        last = wait;
        return wait;
    }

    /** Whether tries are being spaced out: the last sync could not reach the CRM. */
    boolean backingOff() {
        return last != null;
    }

    void reset() {
        last = null;
    }
}
