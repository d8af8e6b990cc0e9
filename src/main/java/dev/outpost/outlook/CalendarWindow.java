package dev.outpost.outlook;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The span of the calendar synced: from {@code daysBack} days before today (midnight UTC) to {@code daysAhead} days
 * after. An event overlapping it is in scope; one entirely outside is out of scope, never deleted.
 */
record CalendarWindow(Instant start, Instant end) {

    static CalendarWindow of(OutlookSettings settings) {
        LocalDate today = LocalDate.ofInstant(settings.clock().instant(), ZoneOffset.UTC);
        return new CalendarWindow(today.minusDays(settings.daysBack()).atStartOfDay().toInstant(ZoneOffset.UTC),
                today.plusDays(settings.daysAhead()).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** Whether an event from {@code from} to {@code to} overlaps the window. */
    boolean overlaps(Instant from, Instant to) {
        return from.isBefore(end) && (to.isAfter(start) || from.equals(start));
    }
}
