package dev.outpost.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes Outpost's canonical values as a Dataverse request body by the contract of {@code docs/crm-mapping.md}:
 * columns as JSON values, references as {@code <navigation>@odata.bind: "/<set>(<guid>)"}. For an update every
 * mapped field absent from the values is sent as an explicit {@code null}, because Dataverse's PATCH merges.
 */
final class RowWriter {

    /** A value the CRM cannot take; names the field, never the value. */
    static final class InvalidValue extends IllegalArgumentException {
        private final String field;

        InvalidValue(String field, String reason) {
            super("The " + field + " value " + reason);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    /** parentcustomerid_account and parentaccountid, the contract's only plain lookups, both point at accounts. */
    private static final String LOOKUP_TARGET_SET = "accounts";

    private final EntityMapping mapping;
    private final Function<String, Optional<String>> regardingTarget;

    /**
     * @param regardingTarget the logical name of the entity a regarding GUID points at ({@code contact}), if known
     */
    RowWriter(EntityMapping mapping, Function<String, Optional<String>> regardingTarget) {
        this.mapping = mapping;
        this.regardingTarget = regardingTarget;
    }

    /**
     * The body for a create ({@code clearAbsent} false: absent fields left out) or an update ({@code true}).
     *
     * @throws InvalidValue when a value cannot be converted
     */
    ObjectNode body(Map<String, String> values, boolean clearAbsent) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        for (Column column : mapping.columns()) {
            String value = values.get(column.field());
            boolean empty = value == null || value.isEmpty();
            if (empty && !clearAbsent) {
                continue;
            }
            switch (column.kind()) {
                case LOOKUP -> body.put(column.navigation() + "@odata.bind",
                        empty ? null : "/" + LOOKUP_TARGET_SET + "(" + guid(column, value) + ")");
                case REGARDING -> regarding(body, column, empty ? null : guid(column, value));
                default -> {
                    if (empty) {
                        body.putNull(column.column());
                    } else {
                        put(body, column, value);
                    }
                }
            }
        }
        return body;
    }

    private void regarding(ObjectNode body, Column column, String id) {
        if (id == null) {
            // Any of the navigation properties clears the one lookup column.
            body.putNull(column.navigation() + "_account_" + mapping.logical() + "@odata.bind");
            return;
        }
        String logical = regardingTarget.apply(id).orElseThrow(() -> new InvalidValue(column.field(),
                "refers to a record the CRM does not have"));
        EntityMapping target = EntityMapping.ofLogical(logical).orElseThrow(() -> new InvalidValue(column.field(),
                "refers to a kind of record Outpost does not sync"));
        body.put(column.navigation() + "_" + logical + "_" + mapping.logical() + "@odata.bind",
                "/" + target.set() + "(" + id + ")");
    }

    private static void put(ObjectNode body, Column column, String value) {
        String name = column.column();
        try {
            switch (column.kind()) {
                case TEXT -> body.put(name, value);
                case BOOLEAN -> body.put(name, switch (value.toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new InvalidValue(column.field(), "is not true or false");
                });
                case MONEY -> body.put(name, new BigDecimal(value));
                case PERCENT -> body.put(name, Integer.parseInt(value));
                case DATE -> body.put(name, LocalDate.parse(value).toString());
                case DATE_AS_DATE_TIME -> body.put(name, LocalDate.parse(value) + "T00:00:00Z");
                case DATE_TIME -> body.put(name, Instant.parse(value).truncatedTo(ChronoUnit.SECONDS).toString());
                case PRIORITY -> body.put(name, switch (value) {
                    case "low" -> 0;
                    case "normal" -> 1;
                    case "high" -> 2;
                    default -> throw new InvalidValue(column.field(), "is not low, normal or high");
                });
                case DONE -> body.put(name, Boolean.parseBoolean(value) ? 1 : 0);
                case LOOKUP, REGARDING -> throw new IllegalStateException("lookups are bound, not put");
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new InvalidValue(column.field(), "is not in the form the CRM expects");
        }
    }

    private static String guid(Column column, String value) {
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(column.field(), "is not a CRM record id");
        }
    }
}
