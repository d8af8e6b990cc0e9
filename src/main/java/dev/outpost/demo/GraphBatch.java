package dev.outpost.demo;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1.0/$batch}, Graph's JSON batching (https://learn.microsoft.com/graph/json-batching): at most 20
 * requests, each {@code {id, method, url, headers, body, dependsOn}}; the answer holds one
 * {@code {id, status, headers, body}} per request. A request whose {@code dependsOn} failed gets {@code 424 Failed
 * Dependency}. Each part meets the throttling knob on its own, as Graph evaluates each against its limits. The
 * demo runs the parts one after another in request order (dependencies first), and answers them in the order run.
 */
final class GraphBatch {

    static final int MAX_REQUESTS = 20;

    private final Function<ApiRequest, ApiResponse> route;
    private final DemoFaults faults;

    GraphBatch(Function<ApiRequest, ApiResponse> route, DemoFaults faults) {
        this.route = route;
        this.faults = faults;
    }

    ApiResponse handle(ApiRequest outer) {
        ObjectNode body;
        try {
            body = GraphJson.body(outer);
        } catch (IllegalArgumentException e) {
            return GraphErrors.error(400, "BadRequest", "Invalid batch payload format. " + e.getMessage());
        }
        JsonNode requests = body.get("requests");
        if (requests == null || !requests.isArray()) {
            return GraphErrors.error(400, "BadRequest", "Invalid batch payload format: 'requests' is missing.");
        }
        if (requests.size() > MAX_REQUESTS) {
            return GraphErrors.error(400, "BadRequest", "Invalid batch payload format: a batch holds at most "
                    + MAX_REQUESTS + " requests.");
        }
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode r : requests) {
            String id = r.path("id").asText("");
            if (id.isEmpty() || !r.hasNonNull("method") || !r.hasNonNull("url")) {
                return GraphErrors.error(400, "BadRequest", "Invalid batch payload format: every request needs id, "
                        + "method and url.");
            }
            if (byId.put(id.toLowerCase(java.util.Locale.ROOT), r) != null) {
                return GraphErrors.error(400, "BadRequest",
                        "Invalid batch payload format: the id '" + id + "' is not unique.");
            }
            if (r.has("body") && !r.path("headers").has("Content-Type") && !r.path("headers").has("content-type")) {
                return GraphErrors.error(400, "BadRequest", "Invalid batch payload format: a request with a body "
                        + "needs a Content-Type header.");
            }
        }
        for (JsonNode r : requests) {
            for (JsonNode dependency : r.path("dependsOn")) {
                if (!byId.containsKey(dependency.asText().toLowerCase(java.util.Locale.ROOT))) {
                    return GraphErrors.error(400, "BadRequest", "Invalid batch payload format: request '"
                            + r.get("id").asText() + "' depends on an unknown request '" + dependency.asText() + "'.");
                }
            }
        }
        Map<String, Integer> statuses = new HashMap<>();
        ObjectNode result = RowJson.JSON.createObjectNode();
        ArrayNode responses = result.putArray("responses");
        for (String id : byId.keySet()) {
            run(id, byId, statuses, new HashSet<>(), outer, responses);
        }
        return GraphJson.response(200, result);
    }

    private int run(String key, Map<String, JsonNode> byId, Map<String, Integer> statuses, Set<String> visiting,
            ApiRequest outer, ArrayNode responses) {
        Integer done = statuses.get(key);
        if (done != null) {
            return done;
        }
        JsonNode r = byId.get(key);
        if (!visiting.add(key)) {
            return answer(r, key, GraphErrors.error(400, "BadRequest", "The dependsOn chain of the batch is circular."),
                    statuses, responses);
        }
        for (JsonNode dependency : r.path("dependsOn")) {
            String dependencyKey = dependency.asText().toLowerCase(java.util.Locale.ROOT);
            int status = run(dependencyKey, byId, statuses, visiting, outer, responses);
            if (status >= 400) {
                return answer(r, key, GraphErrors.error(424, "FailedDependency",
                        "Request '" + r.get("id").asText() + "' depends on request '" + dependency.asText()
                                + "', which failed."),
                        statuses, responses);
            }
        }
        if (faults.throttleNow()) {
            return answer(r, key, GraphErrors.throttled(faults.retryAfterSeconds()), statuses, responses);
        }
        return answer(r, key, route.apply(part(r, outer)), statuses, responses);
    }

    private static int answer(JsonNode r, String key, ApiResponse response, Map<String, Integer> statuses,
            ArrayNode responses) {
        statuses.put(key, response.status());
        ObjectNode out = responses.addObject();
        out.put("id", r.get("id").asText());
        out.put("status", response.status());
        ObjectNode headers = out.putObject("headers");
        response.headers().forEach(headers::put);
        if (response.body().length > 0) {
            try {
                out.set("body", RowJson.JSON.readTree(response.body()));
            } catch (java.io.IOException e) {
                out.put("body", new String(response.body(), StandardCharsets.UTF_8));
            }
        }
        return response.status();
    }

    /** One part as a request of its own: relative URL under /v1.0, its headers plus the batch's Authorization. */
    private static ApiRequest part(JsonNode r, ApiRequest outer) {
        String url = r.get("url").asText();
        String target = Mailbox.ROOT + (url.startsWith("/") ? url : "/" + url);
        Map<String, String> headers = new HashMap<>();
        outer.header("Authorization").ifPresent(v -> headers.put("Authorization", v));
        r.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
        byte[] body = new byte[0];
        JsonNode b = r.get("body");
        if (b != null && !b.isNull()) {
            body = (b.isTextual() ? b.asText() : b.toString()).getBytes(StandardCharsets.UTF_8);
        }
        return ApiRequest.of(r.get("method").asText(), target.replace(" ", "%20"), headers, body);
    }
}
