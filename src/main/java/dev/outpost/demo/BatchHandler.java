package dev.outpost.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST $batch}: runs the requests of a multipart batch in order. A change set runs in one transaction:
 * if any of its requests fails, none of them is kept and the batch response holds only that failure. Without
 * {@code Prefer: odata.continue-on-error} the batch stops at the first failure, as Dataverse's does. Inside a
 * change set, {@code $<Content-ID>} in a URL or an {@code @odata.bind} value stands for the row an earlier
 * request of the change set created.
 */
final class BatchHandler {

    static final int MAX_REQUESTS = 1000;

    private final DataverseRoutes routes;
    private final RowStore store;

    BatchHandler(DataverseRoutes routes, RowStore store) {
        this.routes = routes;
        this.store = store;
    }

    ApiResponse handle(ApiRequest request) {
        Optional<String> boundary = MultipartReader.boundary(request.header("Content-Type").orElse(null));
        if (boundary.isEmpty()) {
            return ODataErrors.badRequest("A $batch request must be multipart/mixed with a boundary.");
        }
        List<MultipartReader.Part> parts = MultipartReader.parts(new String(request.body(), StandardCharsets.UTF_8),
                boundary.get());
        Map<MultipartReader.Part, List<MultipartReader.Part>> changeSets = new IdentityHashMap<>();
        int count = 0;
        for (MultipartReader.Part part : parts) {
            Optional<String> inner = MultipartReader.boundary(part.contentType());
            if (inner.isPresent()) {
                List<MultipartReader.Part> members = MultipartReader.parts(part.content(), inner.get());
                changeSets.put(part, members);
                count += members.size();
            } else {
                count++;
            }
        }
        if (count > MAX_REQUESTS) {
            return ODataErrors.badRequest("Number of requests in a batch exceeds the limit of " + MAX_REQUESTS + ".");
        }
        boolean continueOnError = request.preference("odata.continue-on-error").isPresent();
        MultipartWriter writer = new MultipartWriter();
        for (MultipartReader.Part part : parts) {
            boolean failed = changeSets.containsKey(part)
                    ? changeSet(changeSets.get(part), request, writer)
                    : single(part, request, writer);
            if (failed && !continueOnError) {
                break;
            }
        }
        ApiResponse response = new ApiResponse(200, Map.of("Content-Type", writer.contentType(), "OData-Version", "4.0"),
                writer.finish());
        return continueOnError ? response.withHeader("Preference-Applied", "odata.continue-on-error") : response;
    }

    private boolean single(MultipartReader.Part part, ApiRequest outer, MultipartWriter writer) {
        ApiResponse response = routes.handle(inherit(MultipartReader.request(part), outer));
        writer.response(response, part.headers().get("content-id"));
        return response.failed();
    }

    /** Runs a change set atomically; returns whether it failed. */
    private boolean changeSet(List<MultipartReader.Part> members, ApiRequest outer, MultipartWriter writer) {
        List<ApiResponse> responses = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        ApiResponse failure = store.write(tx -> {
            Map<String, String> created = new HashMap<>();
            for (MultipartReader.Part member : members) {
                String contentId = member.headers().get("content-id");
                ApiRequest request = inherit(resolve(MultipartReader.request(member), created), outer);
                ApiResponse response = request.method().equals("GET")
                        ? ODataErrors.badRequest("A change set cannot hold a GET request.")
                        : routes.handleWrite(request, tx);
                if (response.failed()) {
                    tx.rollbackOnly();
                    ids.clear();
                    ids.add(contentId);
                    return response;
                }
                if (contentId != null && response.headers().containsKey("OData-EntityId")) {
                    created.put(contentId, response.headers().get("OData-EntityId"));
                }
                responses.add(response);
                ids.add(contentId);
            }
            return null;
        });
        if (failure != null) {
            writer.response(failure, ids.getFirst());
            return true;
        }
        writer.changeSet(responses, ids);
        return false;
    }

    /** Replaces {@code $1}-style references to rows created earlier in the change set. */
    private static ApiRequest resolve(ApiRequest request, Map<String, String> created) {
        if (created.isEmpty()) {
            return request;
        }
        String path = request.path();
        String body = new String(request.body(), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> ref : created.entrySet()) {
            String entity = ref.getValue().substring(ref.getValue().indexOf(ApiRequest.API_PATH) + ApiRequest.API_PATH.length());
            if (path.equals("$" + ref.getKey())) {
                path = entity;
            }
            body = body.replace("\"$" + ref.getKey() + "\"", "\"/" + entity + "\"");
        }
        return new ApiRequest(request.method(), path, request.query(), request.headers(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** Preferences on the batch (annotations, return=representation) apply to its parts unless they set their own. */
    private static ApiRequest inherit(ApiRequest part, ApiRequest outer) {
        if (part.headers().containsKey("prefer") || outer.header("Prefer").isEmpty()) {
            return part;
        }
        Map<String, String> headers = new HashMap<>(part.headers());
        headers.put("prefer", outer.header("Prefer").get());
        return new ApiRequest(part.method(), part.path(), part.query(), headers, part.body());
    }
}
