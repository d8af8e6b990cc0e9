package dev.outpost.demo;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Graph's {@code dateTimeTimeZone}: a local date-time plus a Windows (or IANA) time-zone name
 * (https://learn.microsoft.com/graph/api/resources/datetimetimezone). The demo stores instants and converts at the
 * edges, so an event created at 09:00 "Pacific Standard Time" reads back at 17:00 or 16:00 UTC.
 */
final class GraphTimeZones {

    /** The Windows zone names the demo understands (CLDR's windowsZones, territory 001). */
    private static final Map<String, String> WINDOWS = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        WINDOWS.putAll(Map.ofEntries(
                Map.entry("UTC", "UTC"),
                Map.entry("Coordinated Universal Time", "UTC"),
                Map.entry("Pacific Standard Time", "America/Los_Angeles"),
                Map.entry("Mountain Standard Time", "America/Denver"),
                Map.entry("US Mountain Standard Time", "America/Phoenix"),
                Map.entry("Central Standard Time", "America/Chicago"),
                Map.entry("Eastern Standard Time", "America/New_York"),
                Map.entry("Atlantic Standard Time", "America/Halifax"),
                Map.entry("GMT Standard Time", "Europe/London"),
                Map.entry("Greenwich Standard Time", "Atlantic/Reykjavik"),
                Map.entry("W. Europe Standard Time", "Europe/Berlin"),
                Map.entry("Romance Standard Time", "Europe/Paris"),
                Map.entry("Central Europe Standard Time", "Europe/Budapest"),
                Map.entry("Central European Standard Time", "Europe/Warsaw"),
                Map.entry("E. Europe Standard Time", "Europe/Chisinau"),
                Map.entry("FLE Standard Time", "Europe/Kiev"),
                Map.entry("India Standard Time", "Asia/Kolkata"),
                Map.entry("China Standard Time", "Asia/Shanghai"),
                Map.entry("Tokyo Standard Time", "Asia/Tokyo"),
                Map.entry("AUS Eastern Standard Time", "Australia/Sydney")));
    }

    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS", Locale.ROOT);

    private GraphTimeZones() {
    }

    /** The zone a Windows or IANA name stands for; empty when the demo does not know it. */
    static Optional<ZoneId> zone(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String iana = WINDOWS.get(name.trim());
        try {
            return Optional.of(ZoneId.of(iana != null ? iana : name.trim()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The instant of a local date-time such as {@code 2026-11-21T09:00:00.0000000} in a zone. */
    static Instant instant(String localDateTime, ZoneId zone) {
        String text = localDateTime.trim();
        if (text.endsWith("Z")) {
            text = text.substring(0, text.length() - 1);
        }
        return LocalDateTime.parse(text).atZone(zone).toInstant();
    }

    /** Graph's spelling of an instant in a zone: seven fractional digits and no offset. */
    static String local(Instant instant, ZoneId zone) {
        return OUT.format(LocalDateTime.ofInstant(instant, zone == null ? ZoneOffset.UTC : zone));
    }
}
