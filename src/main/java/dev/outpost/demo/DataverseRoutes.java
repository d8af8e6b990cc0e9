package dev.outpost.demo;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends each Web API request to the operation that answers it: WhoAmI, {@code $batch}, listings with change
 * tracking, and the single-row operations. Token checks and faults happen before, in {@link DemoServer}.
 */
final class DataverseRoutes {

    private static final Pattern ROW = Pattern.compile("(\\w+)\\(([^)]*)\\)");
    private static final Pattern SET = Pattern.compile("\\w+");

    private final RowStore store;
    private final ChangeTracking tracking;
    private final RowOperations rows;
    private final WhoAmI whoAmI;
    private final BatchHandler batch;

    /**
     * The ids WhoAmI answers with.
     *
     * @param userId         the signed-in systemuser, owner of most rows
     * @param businessUnitId the user's business unit
     * @param organizationId the organization
     * @param parallelism    the {@code x-ms-dop-hint} value
     * @param apiUrl         the service root, for {@code @odata.context}
     */
    record WhoAmI(String userId, String businessUnitId, String organizationId, int parallelism, String apiUrl) { }

    DataverseRoutes(RowStore store, ChangeTracking tracking, RowOperations rows, WhoAmI whoAmI) {
        this.store = store;
        this.tracking = tracking;
        this.rows = rows;
        this.whoAmI = whoAmI;
        this.batch = new BatchHandler(this, store);
    }

    /** Answers one request that is not inside a change set. */
    ApiResponse handle(ApiRequest request) {
        String path = request.path();
        if (path.equals("WhoAmI") || path.equals("WhoAmI()")) {
            return request.method().equals("GET") ? whoAmI() : notAllowed(request);
        }
        if (path.equals("$batch")) {
            return request.method().equals("POST") ? batch.handle(request) : notAllowed(request);
        }
        if (request.method().equals("GET")) {
            return read(request);
        }
        return store.write(tx -> {
            ApiResponse response = handleWrite(request, tx);
            if (response.failed()) {
                tx.rollbackOnly();
            }
            return response;
        });
    }

    /** Answers one write inside the caller's transaction (a change set's, or its own). */
    ApiResponse handleWrite(ApiRequest request, RowStore.Tx tx) throws SQLException {
        Matcher row = ROW.matcher(request.path());
        if (row.matches()) {
            Optional<EntitySet> set = EntitySet.named(row.group(1));
            if (set.isEmpty()) {
                return unknownSegment(row.group(1));
            }
            Optional<String> id = RowOperations.guid(row.group(2));
            if (id.isEmpty()) {
                return ODataErrors.badRequest("'" + row.group(2) + "' is not a valid key for " + set.get().name() + ".");
            }
            return switch (request.method()) {
                case "PATCH" -> rows.patch(set.get(), id.get(), request, tx);
                case "DELETE" -> rows.delete(set.get(), id.get(), request, tx);
                default -> notAllowed(request);
            };
        }
        if (SET.matcher(request.path()).matches()) {
            Optional<EntitySet> set = EntitySet.named(request.path());
            if (set.isEmpty()) {
                return unknownSegment(request.path());
            }
            return request.method().equals("POST") ? rows.create(set.get(), request, tx) : notAllowed(request);
        }
        return unknownSegment(request.path());
    }

    private ApiResponse read(ApiRequest request) {
        Matcher row = ROW.matcher(request.path());
        if (row.matches()) {
            Optional<EntitySet> set = EntitySet.named(row.group(1));
            Optional<String> id = RowOperations.guid(row.group(2));
            if (set.isEmpty()) {
                return unknownSegment(row.group(1));
            }
            return id.isEmpty() ? ODataErrors.badRequest("'" + row.group(2) + "' is not a valid key.")
                    : rows.get(set.get(), id.get(), request, store);
        }
        return EntitySet.named(request.path())
                .map(set -> tracking.list(set, request))
                .orElseGet(() -> unknownSegment(request.path()));
    }

    private ApiResponse whoAmI() {
        ObjectNode body = RowJson.JSON.createObjectNode();
        body.put("@odata.context", whoAmI.apiUrl() + "$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
        body.put("BusinessUnitId", whoAmI.businessUnitId());
        body.put("UserId", whoAmI.userId());
        body.put("OrganizationId", whoAmI.organizationId());
        return ApiResponse.json(200, body.toString()).withHeader("x-ms-dop-hint", Integer.toString(whoAmI.parallelism()));
    }

    private static ApiResponse unknownSegment(String segment) {
        return ODataErrors.error(404, "0x8006088a", "Resource not found for the segment '" + segment + "'.");
    }

    private static ApiResponse notAllowed(ApiRequest request) {
        return ODataErrors.error(405, "0x80060888", "The HTTP method '" + request.method()
                + "' is not allowed on '" + request.path() + "'.");
    }
}
