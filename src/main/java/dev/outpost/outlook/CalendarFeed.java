package dev.outpost.outlook;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.microsoft.graph.models.Event;

import dev.outpost.sync.AnchorExpiredException;
import dev.outpost.sync.ChangePage;

/**
 * The calendarView feed with its window in its tokens. Graph fixes a calendarView delta's window at the first
 * request (start and end live in the links), but Outpost's window moves with the days: left alone, a year-old anchor
 * would still track last year's window and never see the months now ahead. So the tokens carry the window's start
 * ({@code outpost-calendar:1;<start>;<Graph link>}) and once the window has moved on by more than
 * {@link #REFRESH_AFTER}, the anchor is reported expired and the engine re-lists (reconciling, never wiping).
 */
final class CalendarFeed {

    /** How far the window may move before a re-listing: events at its edges are then at most a week late. */
    static final Duration REFRESH_AFTER = Duration.ofDays(7);

    private static final String PREFIX = "outpost-calendar:1;";

    private final DeltaFeed<Event> feed;
    private final EventItems events;

    CalendarFeed(DeltaFeed<Event> feed, EventItems events) {
        this.feed = feed;
        this.events = events;
    }

    ChangePage changes(Optional<String> from) {
        Instant start = events.window().start();
        String link = null;
        if (from.isPresent()) {
            String token = from.get();
            int split = token.indexOf(';', PREFIX.length());
            Instant tokenStart;
            try {
                if (!token.startsWith(PREFIX) || split < 0) {
                    throw new DateTimeParseException("no window", token, 0);
                }
                tokenStart = Instant.parse(token.substring(PREFIX.length(), split));
            } catch (DateTimeParseException e) {
                throw new AnchorExpiredException("The saved sync position for Outlook appointments is not one Outpost "
                        + "handed out; a full listing follows.");
            }
            if (Duration.between(tokenStart, start).abs().compareTo(REFRESH_AFTER) > 0) {
                throw new AnchorExpiredException("The calendar window moved on since the last full listing of Outlook "
                        + "appointments; a full listing of the current window follows.");
            }
            start = tokenStart;
            link = token.substring(split + 1);
        }
        DeltaFeed.Page page = feed.read(link);
        String prefix = PREFIX + start + ";";
        return page.nextLink() != null ? ChangePage.more(page.changes(), prefix + page.nextLink())
                : ChangePage.last(page.changes(), prefix + page.deltaLink());
    }
}
