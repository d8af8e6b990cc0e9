package dev.outpost.demo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading Graph requests: query options (names are case-insensitive), {@code Prefer} and {@code $expand}. */
final class GraphRequests {

    private static final Pattern EXPAND_FILTER = Pattern.compile(
            "(?i)singleValueExtendedProperties\\s*\\(\\s*\\$filter\\s*=\\s*id\\s+eq\\s+'((?:[^']|'')*)'\\s*\\)");

    private GraphRequests() {
    }

    static Optional<String> query(ApiRequest request, String name) {
        for (Map.Entry<String, String> q : request.query().entrySet()) {
            if (q.getKey().equalsIgnoreCase(name)) {
                return Optional.of(q.getValue());
            }
        }
        return Optional.empty();
    }

    /** A calendar view bound: an ISO date-time with or without an offset (none means UTC). */
    static Instant instant(String text) {
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("'" + text + "' is not a date and time.", again);
            }
        }
    }

    /**
     * The preferences of one request and the {@code Preference-Applied} header they earn.
     *
     * @param pageSize  {@code odata.maxpagesize}, when asked for
     * @param zoneName  {@code outlook.timezone}, or null
     * @param immutable whether {@code IdType="ImmutableId"} was asked for (ids never change here anyway)
     */
    record Options(Optional<Integer> pageSize, String zoneName, ZoneId zone, boolean immutable) {

        static Options of(ApiRequest request) {
            Optional<Integer> size = request.preference("odata.maxpagesize").flatMap(v -> {
                try {
                    return Optional.of(Math.max(1, Math.min(MailboxDelta.MAX_PAGE, Integer.parseInt(v.trim()))));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            });
            String zoneName = request.preference("outlook.timezone").orElse(null);
            ZoneId zone = zoneName == null ? ZoneOffset.UTC : GraphTimeZones.zone(zoneName).orElse(null);
            if (zone == null) {
                throw GraphErrors.refuse(400, "TimeZoneNotSupportedException",
                        "A valid TimeZone value must be specified. The following TimeZone value is not supported: '"
                                + zoneName + "'.");
            }
            boolean immutable = request.preference("IdType").map("ImmutableId"::equalsIgnoreCase).orElse(false);
            return new Options(size, zoneName, zone, immutable);
        }

        /** How items show, given the {@code $expand} of the request (or of the delta round). */
        MailboxItems.View view(String expand) {
            boolean extended = false;
            String filter = null;
            boolean linked = false;
            if (expand != null) {
                for (String part : split(expand)) {
                    String p = part.trim();
                    if (p.regionMatches(true, 0, "singleValueExtendedProperties", 0, 29)) {
                        extended = true;
                        Matcher m = EXPAND_FILTER.matcher(p);
                        if (m.matches()) {
                            filter = m.group(1).replace("''", "'");
                        }
                    } else if (p.equalsIgnoreCase("linkedResources")) {
                        linked = true;
                    }
                }
            }
            return new MailboxItems.View(zone, zoneName == null ? "UTC" : zoneName, extended, filter, linked);
        }

        /** Adds {@code Preference-Applied} for what this response honoured. */
        ApiResponse applied(ApiResponse response, boolean paged) {
            List<String> applied = new ArrayList<>();
            if (paged && pageSize.isPresent()) {
                applied.add("odata.maxpagesize=" + pageSize.get());
            }
            if (immutable) {
                applied.add("IdType=\"ImmutableId\"");
            }
            if (zoneName != null) {
                applied.add("outlook.timezone=\"" + zoneName + "\"");
            }
            return applied.isEmpty() ? response : response.withHeader("Preference-Applied", String.join(", ", applied));
        }
    }

    /** Splits {@code a,b(c,d),e} at the top-level commas. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(text.substring(from));
        return parts;
    }
}
