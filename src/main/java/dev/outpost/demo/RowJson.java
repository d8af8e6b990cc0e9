package dev.outpost.demo;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Turns stored rows into the JSON Dataverse answers with: the ETag, the selected columns, the key. */
final class RowJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String apiUrl;
    private final DemoFaults faults;

    /**
     * @param apiUrl the service root ending in {@code /api/data/v9.2/}, for {@code @odata.context}
     * @param faults which rows to serve corrupted
     */
    RowJson(String apiUrl, DemoFaults faults) {
        this.apiUrl = apiUrl;
        this.faults = faults;
    }

    String apiUrl() {
        return apiUrl;
    }

    /**
     * The columns a {@code $select} names, all of them when it is absent.
     *
     * @throws IllegalArgumentException naming the first column the set does not have
     */
    static List<String> columns(EntitySet set, String select) {
        if (select == null || select.isBlank()) {
            return set.allColumns();
        }
        List<String> columns = List.of(select.split("\\s*,\\s*"));
        for (String column : columns) {
            if (!set.readable(column)) {
                throw new IllegalArgumentException("Could not find a property named '" + column
                        + "' on type 'Microsoft.Dynamics.CRM." + set.logical() + "'.");
            }
        }
        return columns;
    }

    /** One live row with the chosen columns; lookups annotated with their target's logical name when asked. */
    ObjectNode row(EntitySet set, StoredRow row, List<String> columns, boolean annotations) {
        ObjectNode out = JSON.createObjectNode();
        out.put("@odata.etag", row.etag());
        for (String column : columns) {
            if (column.equals(set.key())) {
                continue;
            }
            if (column.equals(EntitySet.VERSION)) {
                out.put(column, row.version());
                continue;
            }
            JsonNode value = row.data().get(column);
            out.set(column, value == null ? NullNode.instance : value);
            if (annotations && value != null && !value.isNull()) {
                JsonNode target = row.data().get(column + EntitySet.LOOKUP_NAME);
                if (target != null) {
                    out.set(column + EntitySet.LOOKUP_NAME, target);
                }
            }
        }
        out.put(set.key(), row.id());
        faults.corrupt(row.id(), out);
        return out;
    }

    /** A deleted row in a delta page, shaped exactly as Dataverse shapes it. */
    ObjectNode deleted(EntitySet set, StoredRow row) {
        ObjectNode out = JSON.createObjectNode();
        out.put("@odata.context", apiUrl + "$metadata#" + set.name() + "/$deletedEntity");
        out.put("id", row.id());
        out.put("reason", "deleted");
        return out;
    }

    /** The {@code @odata.context} of a listing or single row. */
    String context(EntitySet set, String select, String suffix) {
        return apiUrl + "$metadata#" + set.name() + (select == null || select.isBlank() ? "" : "(" + select + ")")
                + suffix;
    }

    /** Whether the request asked for lookup target annotations. */
    static boolean wantsAnnotations(ApiRequest request) {
        return request.preference("odata.include-annotations")
                .map(a -> a.equals("*") || a.contains("lookuplogicalname"))
                .orElse(false);
    }
}
