package dev.outpost.crm;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.outpost.model.Field;
import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.RemoteRecord;

/**
 * Reads one Dataverse row into a {@link RemoteRecord} with Outpost's field names and canonical values, by the
 * contract of {@code docs/crm-mapping.md}. A row it cannot read (a value of the wrong type, too long, out of
 * range, no key or version) is answered as {@link Unreadable} naming the first field at fault — never its value.
 */
final class RowReader {

    /** What reading one row gave. */
    sealed interface Result {
    }

    /** The row, read; {@code owner} is its owning systemuser's GUID, or null when the row names none. */
    record Readable(RemoteRecord record, String owner) implements Result {
    }

    /**
     * A row the connector cannot read.
     *
     * @param remoteId the row's GUID, or {@link RemoteChange.Unreadable#UNKNOWN_ID} when the key itself is missing
     * @param field    the Outpost field (or column) at fault
     * @param reason   what is wrong, without the value
     */
    record Unreadable(String remoteId, String field, String reason) implements Result {
    }

    /** Thrown inside the reader for one bad value. */
    private static final class BadValue extends Exception {
        BadValue(String reason) {
            super(reason, null, false, false);
        }
    }

    private final EntityMapping mapping;
    private final ReferenceTargets targets;

    RowReader(EntityMapping mapping, ReferenceTargets targets) {
        this.mapping = mapping;
        this.targets = targets;
    }

    Result read(JsonNode row) {
        if (row == null || !row.isObject()) {
            return new Unreadable(RemoteChange.Unreadable.UNKNOWN_ID, "(row)", "not a JSON object");
        }
        JsonNode keyNode = row.get(mapping.key());
        String id;
        try {
            id = guid(keyNode);
        } catch (BadValue e) {
            return new Unreadable(RemoteChange.Unreadable.UNKNOWN_ID, mapping.key(), e.getMessage());
        }
        String version = version(row);
        if (version == null) {
            return new Unreadable(id, EntityMapping.VERSION, "no versionnumber or ETag");
        }
        Instant modifiedAt;
        try {
            JsonNode modified = row.get(EntityMapping.MODIFIED_ON);
            modifiedAt = modified == null || modified.isNull() ? Instant.EPOCH : instant(modified);
        } catch (BadValue e) {
            return new Unreadable(id, EntityMapping.MODIFIED_ON, e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        for (Column column : mapping.columns()) {
            JsonNode value = row.get(column.column());
            if (value == null || value.isNull()) {
                continue;
            }
            try {
                values.put(column.field(), convert(column, value, row));
            } catch (BadValue e) {
                return new Unreadable(id, column.field(), e.getMessage());
            }
        }
        JsonNode owner = row.get(EntityMapping.OWNER);
        return new Readable(new RemoteRecord(id, version, values, modifiedAt),
                owner != null && owner.isTextual() ? owner.asText().toLowerCase(Locale.ROOT) : null);
    }

    /** The row version: {@code versionnumber}, else the number in the weak ETag. */
    static String version(JsonNode row) {
        JsonNode number = row.get(EntityMapping.VERSION);
        if (number != null && (number.isIntegralNumber() || number.isTextual() && !number.asText().isBlank())) {
            return number.asText();
        }
        JsonNode etag = row.get("@odata.etag");
        return etag != null && etag.isTextual() ? versionOfEtag(etag.asText()) : null;
    }

    /** {@code W/"123"} → {@code 123}; null when blank. */
    static String versionOfEtag(String etag) {
        String v = etag.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "").trim();
        return v.isEmpty() ? null : v;
    }

    private String convert(Column column, JsonNode value, JsonNode row) throws BadValue {
        return switch (column.kind()) {
            case TEXT -> text(column, value);
            case BOOLEAN -> {
                require(value.isBoolean(), "not true or false");
                yield Boolean.toString(value.asBoolean());
            }
            case MONEY -> {
                require(value.isNumber(), "not a number");
                yield value.decimalValue().setScale(2, RoundingMode.HALF_UP).toPlainString();
            }
            case PERCENT -> Integer.toString(integer(value, 0, 100));
            case DATE -> {
                require(value.isTextual(), "not a date");
                try {
                    yield LocalDate.parse(value.asText()).toString();
                } catch (DateTimeParseException e) {
                    throw new BadValue("not a date");
                }
            }
            case DATE_AS_DATE_TIME -> LocalDate.ofInstant(instant(value), ZoneOffset.UTC).toString();
            case DATE_TIME -> instant(value).toString();
            case PRIORITY -> switch (integer(value, 0, 2)) {
                case 0 -> "low";
                case 1 -> "normal";
                default -> "high";
            };
            case DONE -> integer(value, 0, 2) == 1 ? "true" : "false";
            case LOOKUP -> guid(value);
            case REGARDING -> {
                String id = guid(value);
                JsonNode target = row.get(column.lookupNameAnnotation());
                if (target != null && target.isTextual()) {
                    targets.learn(id, target.asText());
                }
                yield id;
            }
        };
    }

    private String text(Column column, JsonNode value) throws BadValue {
        require(value.isTextual(), "not text");
        int max = mapping.type().field(column.field()).map(Field::maxLength).orElse(Integer.MAX_VALUE);
        String text = value.asText();
        if (text.length() > max) {
            throw new BadValue("longer than " + max + " characters");
        }
        return text;
    }

    private static int integer(JsonNode value, int min, int max) throws BadValue {
        require(value.isIntegralNumber() && value.canConvertToInt(), "not a whole number");
        int n = value.asInt();
        require(n >= min && n <= max, "outside " + min + " to " + max);
        return n;
    }

    private static Instant instant(JsonNode value) throws BadValue {
        require(value.isTextual(), "not a date and time");
        try {
            return OffsetDateTime.parse(value.asText()).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw new BadValue("not a date and time");
        }
    }

    private static String guid(JsonNode value) throws BadValue {
        require(value != null && value.isTextual() && value.asText().length() == 36, "not a GUID");
        try {
            return UUID.fromString(value.asText()).toString().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new BadValue("not a GUID");
        }
    }

    private static void require(boolean ok, String reason) throws BadValue {
        if (!ok) {
            throw new BadValue(reason);
        }
    }
}
