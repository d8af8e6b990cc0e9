package dev.outpost.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Graph delta queries over the mailbox's change log (https://learn.microsoft.com/graph/delta-query-overview). The
 * first request lists every item in scope; pages end with {@code @odata.nextLink} ({@code $skiptoken}) until the
 * last, which carries {@code @odata.deltaLink} ({@code $deltatoken}); following that returns what changed since:
 * items in full, deletions as {@code {"id":…,"@removed":{"reason":"deleted"}}}. For a calendar view
 * (https://learn.microsoft.com/graph/delta-query-events) the window travels in the token, and an event that changed
 * and now lies outside it comes back as removed.
 *
 * <p>A token is opaque to clients; here it is base64url JSON: the version range of the round, the cursor (the last
 * version delivered), the window, the {@code $expand}, the fault generation it was issued in and when.
 */
final class MailboxDelta {

    static final int DEFAULT_PAGE = 10;
    static final int MAX_PAGE = 1000;

    /**
     * What one delta endpoint tracks.
     *
     * @param kind   the item kind
     * @param folder the store folder
     * @param path   the endpoint below {@code /v1.0/}, e.g. {@code me/calendarView/delta}
     */
    record Scope(MailboxKind kind, String folder, String path) { }

    /** The state a skip or delta token carries. {@code upTo < 0}: a delta token, whose round has not started. */
    record Token(long since, long upTo, long cursor, boolean initial, long generation, long issued, String windowStart,
            String windowEnd, String expand, boolean emptied) {

        Token at(long newCursor, boolean newEmptied) {
            return new Token(since, upTo, newCursor, initial, generation, issued, windowStart, windowEnd, expand, newEmptied);
        }

        String encode() {
            ObjectNode o = RowJson.JSON.createObjectNode();
            o.put("s", since).put("u", upTo).put("c", cursor).put("i", initial).put("g", generation).put("t", issued)
                    .put("e", emptied);
            if (windowStart != null) {
                o.put("ws", windowStart).put("we", windowEnd);
            }
            if (expand != null) {
                o.put("x", expand);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(o.toString().getBytes(StandardCharsets.UTF_8));
        }

        static Optional<Token> decode(String text) {
            try {
                JsonNode o = RowJson.JSON.readTree(Base64.getUrlDecoder().decode(text));
                return Optional.of(new Token(o.get("s").asLong(), o.get("u").asLong(), o.get("c").asLong(),
                        o.get("i").asBoolean(), o.get("g").asLong(), o.get("t").asLong(),
                        o.hasNonNull("ws") ? o.get("ws").asText() : null, o.hasNonNull("we") ? o.get("we").asText() : null,
                        o.hasNonNull("x") ? o.get("x").asText() : null, o.path("e").asBoolean()));
            } catch (IllegalArgumentException | java.io.IOException | NullPointerException e) {
                return Optional.empty();
            }
        }
    }

    private final MailboxStore store;
    private final MailboxFaults faults;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final String base;

    /**
     * @param base the service root without a trailing slash, e.g. {@code http://127.0.0.1:5000/v1.0}
     */
    MailboxDelta(MailboxStore store, MailboxFaults faults, Clock clock, Duration tokenLifetime, String base) {
        this.store = store;
        this.faults = faults;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.base = base;
    }

    /** Answers one delta request: the first of a round, a nextLink or a deltaLink. */
    ApiResponse page(Scope scope, ApiRequest request, GraphRequests.Options options) {
        Optional<String> skip = GraphRequests.query(request, "$skiptoken");
        Optional<String> delta = GraphRequests.query(request, "$deltatoken");
        Token token;
        if (skip.isPresent() || delta.isPresent()) {
            Optional<Token> read = Token.decode(skip.orElseGet(delta::get));
            if (read.isEmpty()) {
                return GraphErrors.badRequest("The delta or skip token is not one the demo mailbox issued.");
            }
            token = read.get();
            if (token.generation() != faults.generation()
                    || Instant.ofEpochMilli(token.issued()).plus(tokenLifetime).isBefore(clock.instant())) {
                return GraphErrors.syncStateNotFound(restartUrl(scope, token));
            }
            if (token.upTo() < 0) {
                token = new Token(token.since(), store.version(), token.since(), false, token.generation(), token.issued(),
                        token.windowStart(), token.windowEnd(), token.expand(), token.emptied());
            }
        } else {
            String windowStart = null;
            String windowEnd = null;
            if (scope.kind() == MailboxKind.EVENT) {
                Optional<String> start = GraphRequests.query(request, "startDateTime");
                Optional<String> end = GraphRequests.query(request, "endDateTime");
                if (start.isEmpty() || end.isEmpty()) {
                    return GraphErrors.error(400, "ErrorInvalidParameter",
                            "This request requires a time window specified by the query string parameters "
                                    + "StartDateTime and EndDateTime.");
                }
                try {
                    windowStart = GraphRequests.instant(start.get()).toString();
                    windowEnd = GraphRequests.instant(end.get()).toString();
                } catch (IllegalArgumentException e) {
                    return GraphErrors.error(400, "ErrorInvalidParameter", e.getMessage());
                }
            }
            token = new Token(0, store.version(), 0, true, faults.generation(), clock.instant().toEpochMilli(),
                    windowStart, windowEnd, GraphRequests.query(request, "$expand").orElse(null), false);
        }
        int size = options.pageSize().orElse(DEFAULT_PAGE);
        ObjectNode body = RowJson.JSON.createObjectNode();
        body.put("@odata.context", base + "/$metadata#Collection(" + scope.kind().type() + ")");
        ArrayNode value = body.putArray("value");
        if (faults.emptyPagesNow() && !token.emptied()) {
            body.put("@odata.nextLink", link(scope, "$skiptoken", token.at(token.cursor(), true)));
            return options.applied(GraphJson.response(200, body), true);
        }
        MailboxItems.View view = options.view(token.expand());
        Predicate<MailboxStore.Entry> inScope = inScope(scope, token);
        boolean initial = token.initial();
        // One more than a page tells whether another page follows.
        List<MailboxStore.Entry> candidates = store.changes(scope.folder(), token.cursor(), token.upTo(),
                e -> !initial || (!e.deleted() && inScope.test(e)), size + 1);
        if (faults.replayNow() && token.cursor() > 0) {
            store.lastAtOrBefore(scope.folder(), token.cursor())
                    .filter(e -> !initial || (!e.deleted() && inScope.test(e)))
                    .ifPresent(e -> value.add(entry(scope, e, inScope, view)));
        }
        int n = Math.min(size, candidates.size());
        for (int i = 0; i < n; i++) {
            value.add(entry(scope, candidates.get(i), inScope, view));
        }
        if (candidates.size() > n) {
            body.put("@odata.nextLink", link(scope, "$skiptoken", token.at(candidates.get(n - 1).version(), false)));
        } else {
            Token next = new Token(token.upTo(), -1, token.upTo(), false, token.generation(), clock.instant().toEpochMilli(),
                    token.windowStart(), token.windowEnd(), token.expand(), false);
            body.put("@odata.deltaLink", link(scope, "$deltatoken", next));
        }
        return options.applied(GraphJson.response(200, body), true);
    }

    private ObjectNode entry(Scope scope, MailboxStore.Entry e, Predicate<MailboxStore.Entry> inScope,
            MailboxItems.View view) {
        if (e.deleted() || !inScope.test(e)) {
            ObjectNode removed = RowJson.JSON.createObjectNode();
            removed.put("@odata.type", scope.kind().odataType());
            removed.put("id", e.id());
            removed.putObject("@removed").put("reason", "deleted");
            return removed;
        }
        return MailboxItems.render(scope.kind(), e, view);
    }

    private static Predicate<MailboxStore.Entry> inScope(Scope scope, Token token) {
        if (token.windowStart() == null) {
            return e -> true;
        }
        Instant start = Instant.parse(token.windowStart());
        Instant end = Instant.parse(token.windowEnd());
        return e -> MailboxItems.overlaps(e.data(), start, end);
    }

    private String link(Scope scope, String name, Token token) {
        return base + "/" + scope.path() + "?" + name + "=" + token.encode();
    }

    /** Where a client starts over: the first request of a round, window included (the Location of a 410). */
    private String restartUrl(Scope scope, Token token) {
        String url = base + "/" + scope.path();
        if (token.windowStart() != null) {
            url += "?startDateTime=" + token.windowStart() + "&endDateTime=" + token.windowEnd();
        }
        return url;
    }
}
