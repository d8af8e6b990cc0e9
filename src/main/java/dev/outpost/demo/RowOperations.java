package dev.outpost.demo;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The single-row operations on {@code <set>(<guid>)} and {@code <set>}: read, conditional update or create
 * ({@code If-Match}, {@code If-None-Match: *}, upsert), create with a server GUID, conditional delete.
 * Writes run inside a transaction the caller owns, so a {@code $batch} change set can hold several.
 */
final class RowOperations {

    private final RowJson json;
    private final Clock clock;
    private final String ownerId;

    /** @param ownerId the systemuser that owns rows created without an {@code ownerid} bind */
    RowOperations(RowJson json, Clock clock, String ownerId) {
        this.json = json;
        this.clock = clock;
        this.ownerId = ownerId;
    }

    ApiResponse get(EntitySet set, String id, ApiRequest request, RowStore store) {
        Optional<StoredRow> row = store.find(set.name(), id).filter(r -> !r.deleted());
        if (row.isEmpty()) {
            return ODataErrors.notFound(set, id);
        }
        return representation(set, row.get(), request, 200);
    }

    /** PATCH: update with If-Match, create-only with If-None-Match: *, otherwise upsert. */
    ApiResponse patch(EntitySet set, String id, ApiRequest request, RowStore.Tx tx) throws SQLException {
        Optional<StoredRow> existing = tx.find(set.name(), id).filter(r -> !r.deleted());
        Optional<String> ifMatch = request.header("If-Match");
        if (ifMatch.isPresent()) {
            if (existing.isEmpty()) {
                return ODataErrors.notFound(set, id);
            }
            if (!matches(ifMatch.get(), existing.get())) {
                return ODataErrors.stale();
            }
        }
        if (request.header("If-None-Match").map(String::trim).filter("*"::equals).isPresent() && existing.isPresent()) {
            return ODataErrors.exists();
        }
        return write(set, id, existing, request, tx);
    }

    /** POST: create with a GUID the server picks (or the key in the body). */
    ApiResponse create(EntitySet set, ApiRequest request, RowStore.Tx tx) throws SQLException {
        String id = UUID.randomUUID().toString();
        try {
            JsonNode key = body(request).get(set.key());
            if (key != null && key.isTextual()) {
                id = UUID.fromString(key.asText()).toString();
            }
        } catch (RowValues.Rejected e) {
            return e.response();
        } catch (IllegalArgumentException e) {
            return ODataErrors.error(400, ODataErrors.BAD_VALUE, "The key '" + set.key() + "' is not a GUID.");
        }
        if (tx.find(set.name(), id).filter(r -> !r.deleted()).isPresent()) {
            return ODataErrors.exists();
        }
        return write(set, id, Optional.empty(), request, tx);
    }

    ApiResponse delete(EntitySet set, String id, ApiRequest request, RowStore.Tx tx) throws SQLException {
        Optional<StoredRow> existing = tx.find(set.name(), id).filter(r -> !r.deleted());
        if (existing.isEmpty()) {
            return ODataErrors.notFound(set, id);
        }
        Optional<String> ifMatch = request.header("If-Match");
        if (ifMatch.isPresent() && !matches(ifMatch.get(), existing.get())) {
            return ODataErrors.stale();
        }
        tx.delete(set.name(), id, existing.get().data());
        return ApiResponse.noContent();
    }

    /** The GUID inside {@code <set>(<guid>)}, lower case, or empty when it is not one. */
    static Optional<String> guid(String key) {
        try {
            String bare = key.startsWith("'") ? key.replace("'", "") : key;
            return bare.length() == 36 ? Optional.of(UUID.fromString(bare).toString().toLowerCase(Locale.ROOT))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private ApiResponse write(EntitySet set, String id, Optional<StoredRow> existing, ApiRequest request,
            RowStore.Tx tx) throws SQLException {
        ObjectNode data = existing.map(r -> r.data().deepCopy()).orElseGet(() -> {
            ObjectNode fresh = RowJson.JSON.createObjectNode();
            fresh.put(EntitySet.OWNER, ownerId);
            fresh.put(EntitySet.OWNER + EntitySet.LOOKUP_NAME, "systemuser");
            return fresh;
        });
        try {
            RowValues.apply(set, data, body(request), tx, clock.instant());
        } catch (RowValues.Rejected e) {
            return e.response();
        }
        long version = tx.put(set.name(), id, data);
        StoredRow row = new StoredRow(set.name(), id, version, false, data);
        int status = existing.isPresent() ? 200 : 201;
        if (request.preference("return").filter("representation"::equals).isPresent()) {
            return representation(set, row, request, status);
        }
        return ApiResponse.noContent().withHeader("OData-EntityId", json.apiUrl() + set.name() + "(" + id + ")");
    }

    private ApiResponse representation(EntitySet set, StoredRow row, ApiRequest request, int status) {
        String select = request.query().get("$select");
        List<String> columns;
        try {
            columns = RowJson.columns(set, select);
        } catch (IllegalArgumentException e) {
            return ODataErrors.error(400, ODataErrors.BAD_PROPERTY, e.getMessage());
        }
        ObjectNode out = RowJson.JSON.createObjectNode();
        out.put("@odata.context", json.context(set, select, "/$entity"));
        out.setAll(json.row(set, row, columns, RowJson.wantsAnnotations(request)));
        return ApiResponse.json(status, out.toString()).withHeader("ETag", row.etag())
                .withHeader("OData-EntityId", json.apiUrl() + set.name() + "(" + row.id() + ")");
    }

    private static boolean matches(String ifMatch, StoredRow row) {
        String wanted = ifMatch.trim();
        return wanted.equals("*") || wanted.replace("W/", "").replace("\"", "").equals(Long.toString(row.version()));
    }

    private static JsonNode body(ApiRequest request) throws RowValues.Rejected {
        if (request.body().length == 0) {
            return RowJson.JSON.createObjectNode();
        }
        try {
            return RowJson.JSON.readTree(request.body());
        } catch (IOException e) {
            throw new RowValues.Rejected(ODataErrors.error(400, ODataErrors.BAD_VALUE, "The request body is not JSON."));
        }
    }
}
