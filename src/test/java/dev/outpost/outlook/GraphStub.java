package dev.outpost.outlook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small, strict stand-in for Graph on loopback: it answers only the requests a test expects (method and path,
 * query decoded), from fixture JSON shaped like the Graph docs' examples, and records every request it saw —
 * including the parts of a {@code $batch}, with their own headers. Anything unexpected is answered 500 and
 * recorded as a failure the test checks.
 */
final class GraphStub implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A request as the stub saw it; headers by lower-case name; {@code query} decoded, "" when none. */
    record Seen(String method, String path, String query, Map<String, String> headers, String body, boolean inBatch) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** An answer. */
    record Reply(int status, Map<String, String> headers, String body) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Function<Seen, Reply>>> routes = new ConcurrentHashMap<>();
    private final Map<String, Function<Seen, Reply>> fallbacks = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    GraphStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The Graph root of this stub, {@code http://127.0.0.1:PORT/v1.0}. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0";
    }

    /** Expects one request (method and path under /v1.0), answered by the handler; routes queue in order. */
    GraphStub on(String method, String path, Function<Seen, Reply> handler) {
        routes.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).addLast(handler);
        return this;
    }

    /** Answers any number of these requests (recorded like the others) once the queued ones are used up. */
    GraphStub otherwise(String method, String path, int status, String fixture) {
        fallbacks.put(method + " " + path, request -> Reply.json(status, fixture(fixture)));
        return this;
    }

    /** Expects one request answered with a fixture (its {@code {{base}}} replaced by this stub's root). */
    GraphStub on(String method, String path, int status, String fixture) {
        return on(method, path, request -> Reply.json(status, fixture(fixture)));
    }

    String fixture(String name) {
        try (InputStream in = GraphStub.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", base());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    List<Seen> seen(String method, String path) {
        return seen.stream().filter(s -> s.method().equals(method) && s.path().equals(path)).toList();
    }

    List<String> failures() {
        List<String> all = new ArrayList<>(failures);
        routes.forEach((key, left) -> {
            if (!left.isEmpty()) {
                all.add("expected but not requested: " + key + " (" + left.size() + ")");
            }
        });
        return all;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Seen request = new Seen(exchange.getRequestMethod(), uri.getPath(), uri.getQuery() == null ? "" : uri.getQuery(),
                    headers, body, false);
            seen.add(request);
            Reply reply = request.path().equals("/v1.0/$batch") && request.method().equals("POST")
                    ? batch(request) : dispatch(request);
            byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (RuntimeException e) {
            failures.add("stub failed: " + e);
            throw e;
        }
    }

    private Reply dispatch(Seen request) {
        Deque<Function<Seen, Reply>> queue = routes.get(request.method() + " " + request.path());
        Function<Seen, Reply> handler = queue == null ? null : queue.pollFirst();
        if (handler == null) {
            handler = fallbacks.get(request.method() + " " + request.path());
        }
        if (handler == null) {
            failures.add("unexpected request: " + request.method() + " " + request.path() + "?" + request.query());
            return Reply.json(500, "{\"error\":{\"code\":\"unexpected\",\"message\":\"The stub did not expect this\"}}");
        }
        return handler.apply(request);
    }

    /** Graph JSON batching: each part dispatched like a request of its own, answered in one body. */
    private Reply batch(Seen envelope) {
        ArrayNode responses = JSON.createArrayNode();
        for (JsonNode part : envelope.json().path("requests")) {
            URI url = URI.create(part.path("url").asText());
            Map<String, String> headers = new LinkedHashMap<>();
            part.path("headers").properties().forEach(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
            String body = part.has("body") ? part.get("body").toString() : "";
            Seen request = new Seen(part.path("method").asText(), "/v1.0" + url.getPath(),
                    url.getQuery() == null ? "" : url.getQuery(), headers, body, true);
            seen.add(request);
            Reply reply = dispatch(request);
            ObjectNode answer = responses.addObject();
            answer.put("id", part.path("id").asText());
            answer.put("status", reply.status());
            ObjectNode replyHeaders = answer.putObject("headers");
            reply.headers().forEach(replyHeaders::put);
            if (reply.body() != null && !reply.body().isEmpty()) {
                try {
                    answer.set("body", JSON.readTree(reply.body()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        ObjectNode out = JSON.createObjectNode();
        out.set("responses", responses);
        return Reply.json(200, out.toString());
    }
}
