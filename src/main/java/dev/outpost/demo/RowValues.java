package dev.outpost.demo;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Applies the body of a create or update to a row's values, checking it loosely the way Dataverse would: every
 * property must be a column or a navigation property ({@code …@odata.bind}) of the set, of a fitting JSON type,
 * and a bound row must exist. Read-only columns (key, {@code versionnumber}, {@code modifiedon}) are ignored.
 */
final class RowValues {

    private static final Pattern BIND = Pattern.compile("(?:.*/)?(\\w+)\\(([0-9a-fA-F-]{36})\\)$");

    /** A body the server refuses, with the response that says why. */
    static final class Rejected extends Exception {
        private final transient ApiResponse response;

        Rejected(ApiResponse response) {
            super(null, null, false, false);
            this.response = response;
        }

        ApiResponse response() {
            return response;
        }
    }

    private RowValues() {
    }

    /**
     * Applies {@code body} to {@code data} (changed in place) and stamps {@code modifiedon}.
     *
     * @throws Rejected when a property is unknown, a value has the wrong type or a bound row does not exist
     */
    static void apply(EntitySet set, ObjectNode data, JsonNode body, RowStore.Tx tx, Instant now)
            throws Rejected, SQLException {
        if (!body.isObject()) {
            throw new Rejected(ODataErrors.error(400, ODataErrors.BAD_VALUE, "The request body must be a JSON object."));
        }
        for (Map.Entry<String, JsonNode> property : body.properties()) {
            String name = property.getKey();
            JsonNode value = property.getValue();
            if (name.endsWith("@odata.bind")) {
                bind(set, data, name.substring(0, name.length() - "@odata.bind".length()), value, tx);
            } else if (name.contains("@") || name.equals(set.key()) || name.equals(EntitySet.VERSION)
                    || name.equals(EntitySet.MODIFIED_ON)) {
                continue; // annotations and read-only columns
            } else if (!set.columns().containsKey(name) || set.columns().get(name) == EntitySet.ColumnType.LOOKUP) {
                throw new Rejected(ODataErrors.error(400, ODataErrors.BAD_PROPERTY, "The property '" + name
                        + "' does not exist on type 'Microsoft.Dynamics.CRM." + set.logical()
                        + "'. Make sure to only use property names that are defined by the type."));
            } else if (value.isNull()) {
                data.remove(name);
            } else {
                data.set(name, checked(set, name, set.columns().get(name), value));
            }
        }
        data.put(EntitySet.MODIFIED_ON, now.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static JsonNode checked(EntitySet set, String name, EntitySet.ColumnType type, JsonNode value)
            throws Rejected {
        boolean fits = switch (type) {
            case STRING -> value.isTextual();
            case BOOLEAN -> value.isBoolean();
            case INTEGER -> value.isIntegralNumber();
            case DECIMAL -> value.isNumber();
            case DATE -> value.isTextual() && parses(() -> LocalDate.parse(value.asText()));
            case DATE_TIME -> value.isTextual() && parses(() -> OffsetDateTime.parse(value.asText()));
            case LOOKUP -> false;
        };
        if (!fits) {
            throw new Rejected(ODataErrors.error(400, ODataErrors.BAD_VALUE, "Cannot convert the literal '" + value
                    + "' to the expected type of property '" + name + "' on '" + set.logical() + "'."));
        }
        if (type == EntitySet.ColumnType.DATE_TIME) {
            Instant instant = OffsetDateTime.parse(value.asText()).toInstant().truncatedTo(ChronoUnit.SECONDS);
            return RowJson.JSON.getNodeFactory().textNode(instant.toString());
        }
        return value;
    }

    private static void bind(EntitySet set, ObjectNode data, String navigation, JsonNode value, RowStore.Tx tx)
            throws Rejected, SQLException {
        EntitySet.Bind bind = set.binds().get(navigation);
        if (bind == null) {
            throw new Rejected(ODataErrors.error(400, ODataErrors.BAD_PROPERTY, "An undeclared property '" + navigation
                    + "' which only has property annotations in the payload was found on '" + set.logical() + "'."));
        }
        if (value.isNull()) {
            data.remove(bind.lookupColumn());
            data.remove(bind.lookupColumn() + EntitySet.LOOKUP_NAME);
            return;
        }
        Matcher m = value.isTextual() ? BIND.matcher(value.asText()) : null;
        if (m == null || !m.matches() || !m.group(1).equals(bind.target())) {
            throw new Rejected(ODataErrors.error(400, ODataErrors.BAD_VALUE, "The value of '" + navigation
                    + "@odata.bind' must be a URL like '/" + bind.target() + "(<guid>)'."));
        }
        String id = m.group(2).toLowerCase(java.util.Locale.ROOT);
        String logical = bind.target().equals("systemusers") ? "systemuser" : null;
        if (logical == null) {
            EntitySet target = EntitySet.named(bind.target()).orElseThrow();
            if (tx.find(target.name(), id).filter(r -> !r.deleted()).isEmpty()) {
                throw new Rejected(ODataErrors.notFound(target, id));
            }
            logical = target.logical();
        }
        data.put(bind.lookupColumn(), id);
        data.put(bind.lookupColumn() + EntitySet.LOOKUP_NAME, logical);
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
