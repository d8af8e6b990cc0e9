package dev.outpost.outlook;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.microsoft.graph.models.DateTimeTimeZone;

/**
 * Graph's {@code dateTimeTimeZone} ({@code {"dateTime":"2026-03-01T09:00:00.0000000","timeZone":"Pacific Standard Time"}})
 * to and from UTC instants. Events are asked for in UTC ({@code Prefer: outlook.timezone="UTC"}), but an item may still
 * name a Windows zone (To Do tasks, servers that ignore the preference), so the common Windows zone names are mapped
 * here to IANA ids (the mapping is CLDR's windowsZones "001" territory); an unknown zone makes the item unreadable.
 */
final class GraphTimes {

    private static final Map<String, String> WINDOWS_ZONES = Map.ofEntries(
            Map.entry("UTC", "UTC"), Map.entry("Coordinated Universal Time", "UTC"),
            Map.entry("tzone://Microsoft/Utc", "UTC"), Map.entry("GMT Standard Time", "Europe/London"),
            Map.entry("Greenwich Standard Time", "Atlantic/Reykjavik"),
            Map.entry("W. Europe Standard Time", "Europe/Berlin"),
            Map.entry("Central Europe Standard Time", "Europe/Budapest"),
            Map.entry("Romance Standard Time", "Europe/Paris"),
            Map.entry("Central European Standard Time", "Europe/Warsaw"),
            Map.entry("E. Europe Standard Time", "Europe/Chisinau"), Map.entry("FLE Standard Time", "Europe/Kiev"),
            Map.entry("GTB Standard Time", "Europe/Bucharest"), Map.entry("Russian Standard Time", "Europe/Moscow"),
            Map.entry("Turkey Standard Time", "Europe/Istanbul"), Map.entry("Israel Standard Time", "Asia/Jerusalem"),
            Map.entry("South Africa Standard Time", "Africa/Johannesburg"),
            Map.entry("Arabian Standard Time", "Asia/Dubai"), Map.entry("India Standard Time", "Asia/Calcutta"),
            Map.entry("China Standard Time", "Asia/Shanghai"), Map.entry("Singapore Standard Time", "Asia/Singapore"),
            Map.entry("Tokyo Standard Time", "Asia/Tokyo"), Map.entry("Korea Standard Time", "Asia/Seoul"),
            Map.entry("AUS Eastern Standard Time", "Australia/Sydney"),
            Map.entry("E. Australia Standard Time", "Australia/Brisbane"),
            Map.entry("W. Australia Standard Time", "Australia/Perth"),
            Map.entry("New Zealand Standard Time", "Pacific/Auckland"),
            Map.entry("Hawaiian Standard Time", "Pacific/Honolulu"), Map.entry("Alaskan Standard Time", "America/Anchorage"),
            Map.entry("Pacific Standard Time", "America/Los_Angeles"),
            Map.entry("US Mountain Standard Time", "America/Phoenix"),
            Map.entry("Mountain Standard Time", "America/Denver"), Map.entry("Central Standard Time", "America/Chicago"),
            Map.entry("Eastern Standard Time", "America/New_York"),
            Map.entry("Atlantic Standard Time", "America/Halifax"),
            Map.entry("Newfoundland Standard Time", "America/St_Johns"),
            Map.entry("E. South America Standard Time", "America/Sao_Paulo"),
            Map.entry("Argentina Standard Time", "America/Buenos_Aires"),
            Map.entry("Central Standard Time (Mexico)", "America/Mexico_City"),
            Map.entry("SA Pacific Standard Time", "America/Bogota"));

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private GraphTimes() {
    }

    /** The zone a Graph time zone name stands for: a Windows name, an IANA id, or UTC. */
    static ZoneId zone(String name) throws DateTimeException {
        if (name == null || name.isBlank()) {
            return ZoneOffset.UTC;
        }
        String iana = WINDOWS_ZONES.get(name.trim());
        return ZoneId.of(iana != null ? iana : name.trim());
    }

    /** The instant a {@code dateTimeTimeZone} names, to the second. */
    static Instant instant(DateTimeTimeZone value, String field) throws ItemRead.BadValue {
        LocalDateTime local = local(value, field);
        try {
            return local.atZone(zone(value.getTimeZone())).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeException e) {
            throw new ItemRead.BadValue(field, "in a time zone Outpost does not know");
        }
    }

    /** The calendar date of a {@code dateTimeTimeZone}, in its own zone (To Do keeps due dates as midnight there). */
    static LocalDate date(DateTimeTimeZone value, String field) throws ItemRead.BadValue {
        return local(value, field).toLocalDate();
    }

    private static LocalDateTime local(DateTimeTimeZone value, String field) throws ItemRead.BadValue {
        if (value.getDateTime() == null) {
            throw new ItemRead.BadValue(field, "without a date and time");
        }
        try {
            return LocalDateTime.parse(value.getDateTime().trim());
        } catch (DateTimeParseException e) {
            throw new ItemRead.BadValue(field, "not a date and time");
        }
    }

    /** A canonical UTC instant as Graph's {@code dateTimeTimeZone} in UTC. */
    static DateTimeTimeZone utc(Instant instant) {
        DateTimeTimeZone value = new DateTimeTimeZone();
        value.setDateTime(WIRE.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)));
        value.setTimeZone("UTC");
        return value;
    }

    /** A date as midnight UTC, the way To Do stores a due date. */
    static DateTimeTimeZone midnight(LocalDate date) {
        DateTimeTimeZone value = new DateTimeTimeZone();
        value.setDateTime(WIRE.format(date.atStartOfDay()));
        value.setTimeZone("UTC");
        return value;
    }
}
