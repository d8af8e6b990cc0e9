package dev.outpost.demo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Lists an entity set in pages, with change tracking: {@code GET <set>} with
 * {@code Prefer: odata.track-changes} pages through every live row up to the moment of the first request, then
 * hands out a delta link; following it returns the rows changed since (current state), then the rows deleted since.
 *
 * <p>A row changed while a listing pages along moves past the listing's upper bound, so the next delta reports it:
 * nothing is lost, as with Dataverse. Delta tokens are {@code <version>!<issued millis>}; one older than the token
 * lifetime, issued before {@link #expireDeltaTokensNow()}, or not understood gets {@code 400} with code
 * {@code 0x80044352} (Dataverse's "expired version stamp").
 */
final class ChangeTracking {

    static final int MAX_PAGE_SIZE = 5000;
    private static final Set<String> NOT_WITH_TRACKING = Set.of("$filter", "$orderby", "$expand", "$top");
    private static final Set<String> KNOWN = Set.of("$select", "$skiptoken", "$deltatoken");
    private static final String FILTER = "$filter";

    private final RowStore store;
    private final RowJson json;
    private final Clock clock;
    private final Duration deltaTokenLifetime;
    private volatile long deltaTokensValidFrom = Long.MIN_VALUE;

    ChangeTracking(RowStore store, RowJson json, Clock clock, Duration deltaTokenLifetime) {
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.deltaTokenLifetime = deltaTokenLifetime;
    }

    /** Makes every delta token handed out so far expired, so clients must re-list. */
    void expireDeltaTokensNow() {
        deltaTokensValidFrom = clock.millis() + 1;
    }

    /** Where a listing stands: rows with {@code from < version <= to}, live ones first, then tombstones. */
    private record Cursor(boolean track, long from, long to, boolean deletions, int phase, long after) {

        String encode() {
            String text = (track ? 1 : 0) + ":" + from + ":" + to + ":" + (deletions ? 1 : 0) + ":" + phase + ":" + after;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String token) {
            String[] p = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            return new Cursor(p[0].equals("1"), Long.parseLong(p[1]), Long.parseLong(p[2]), p[3].equals("1"),
                    Integer.parseInt(p[4]), Long.parseLong(p[5]));
        }
    }

    ApiResponse list(EntitySet set, ApiRequest request) {
        boolean trackAsked = request.preference("odata.track-changes").isPresent();
        for (String option : request.query().keySet()) {
            if (NOT_WITH_TRACKING.contains(option) && (trackAsked || request.query().containsKey("$deltatoken"))) {
                return ODataErrors.badRequest("The query parameter " + option
                        + " is not supported when change tracking is requested (Prefer: odata.track-changes).");
            }
            if (!KNOWN.contains(option) && !option.equals(FILTER)) {
                return ODataErrors.badRequest("The query parameter " + option + " is not supported by the demo server.");
            }
        }
        String filter = request.query().get(FILTER);
        Set<String> ids = null;
        if (filter != null) {
            try {
                ids = KeyFilter.ids(set, filter);
            } catch (KeyFilter.Unsupported e) {
                return ODataErrors.badRequest(e.getMessage());
            }
        }
        String select = request.query().get("$select");
        List<String> columns;
        try {
            columns = RowJson.columns(set, select);
        } catch (IllegalArgumentException e) {
            return ODataErrors.error(400, ODataErrors.BAD_PROPERTY, e.getMessage());
        }
        Cursor cursor;
        String skip = request.query().get("$skiptoken");
        String delta = request.query().get("$deltatoken");
        try {
            if (skip != null) {
                cursor = Cursor.decode(skip);
            } else if (delta != null) {
                long since = deltaVersion(delta);
                cursor = new Cursor(true, since, store.committedVersion(), true, 0, since);
            } else {
                cursor = new Cursor(trackAsked, 0, store.committedVersion(), false, 0, 0);
            }
        } catch (RuntimeException e) {
            return ODataErrors.error(400, ODataErrors.EXPIRED_VERSION_STAMP,
                    "Version stamp associated with the client has expired. Please perform a full sync.");
        }
        int pageSize = pageSize(request);
        if (ids != null) {
            if (cursor.track() || cursor.phase() != 0) {
                return ODataErrors.badRequest("The $skiptoken does not belong to a filtered listing.");
            }
            return filteredPage(set, request, select, filter, ids, columns, cursor, pageSize);
        }
        return page(set, request, select, columns, cursor, pageSize);
    }

    /**
     * A page of a listing filtered on the key: the live rows with these ids, oldest version first, up to the version
     * committed at the first page, like an unfiltered listing; the next link carries the filter.
     */
    private ApiResponse filteredPage(EntitySet set, ApiRequest request, String select, String filter, Set<String> ids,
            List<String> columns, Cursor cursor, int pageSize) {
        List<StoredRow> rows = store.live(set.name(), ids).stream()
                .filter(r -> r.version() > cursor.after() && r.version() <= cursor.to())
                .sorted(java.util.Comparator.comparingLong(StoredRow::version))
                .limit(pageSize + 1L)
                .toList();
        boolean annotations = RowJson.wantsAnnotations(request);
        ObjectNode body = RowJson.JSON.createObjectNode();
        body.put("@odata.context", json.context(set, select, ""));
        ArrayNode array = body.putArray("value");
        rows.stream().limit(pageSize).forEach(r -> array.add(json.row(set, r, columns, annotations)));
        if (rows.size() > pageSize) {
            Cursor next = new Cursor(false, cursor.from(), cursor.to(), false, 0, rows.get(pageSize - 1).version());
            String selectPart = select == null ? "" : "$select=" + select + "&";
            body.put("@odata.nextLink", json.apiUrl() + set.name() + "?" + selectPart + "$filter="
                    + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20") + "&$skiptoken="
                    + next.encode());
        }
        return respond(request, body, pageSize, annotations);
    }

    private ApiResponse page(EntitySet set, ApiRequest request, String select, List<String> columns, Cursor cursor,
            int pageSize) {
        boolean annotations = RowJson.wantsAnnotations(request);
        List<ObjectNode> values = new ArrayList<>();
        Cursor next = null;
        if (cursor.phase() == 0) {
            // One row more than the page holds tells whether another page follows, so no page is empty.
            List<StoredRow> live = store.changes(set.name(), false, cursor.after(), cursor.to(), pageSize + 1);
            live.stream().limit(pageSize).forEach(r -> values.add(json.row(set, r, columns, annotations)));
            if (live.size() > pageSize) {
                next = new Cursor(cursor.track(), cursor.from(), cursor.to(), cursor.deletions(), 0,
                        live.get(pageSize - 1).version());
            } else if (cursor.deletions()) {
                cursor = new Cursor(true, cursor.from(), cursor.to(), true, 1, cursor.from());
            }
        }
        int room = pageSize - values.size();
        if (next == null && cursor.phase() == 1 && room > 0) {
            List<StoredRow> dead = store.changes(set.name(), true, cursor.after(), cursor.to(), room + 1);
            dead.stream().limit(room).forEach(r -> values.add(json.deleted(set, r)));
            if (dead.size() > room) {
                next = new Cursor(true, cursor.from(), cursor.to(), true, 1, dead.get(room - 1).version());
            }
        } else if (next == null && cursor.phase() == 1) {
            next = cursor; // the page is full of changed rows; deletions follow on the next one
        }
        ObjectNode body = RowJson.JSON.createObjectNode();
        body.put("@odata.context", json.context(set, select, cursor.deletions() ? "/$delta" : ""));
        ArrayNode array = body.putArray("value");
        values.forEach(array::add);
        String selectPart = select == null ? "" : "$select=" + select + "&";
        if (next != null) {
            body.put("@odata.nextLink", json.apiUrl() + set.name() + "?" + selectPart + "$skiptoken=" + next.encode());
        } else if (cursor.track()) {
            body.put("@odata.deltaLink", json.apiUrl() + set.name() + "?" + selectPart + "$deltatoken="
                    + cursor.to() + "%21" + clock.millis());
        }
        return respond(request, body, pageSize, annotations);
    }

    private static ApiResponse respond(ApiRequest request, ObjectNode body, int pageSize, boolean annotations) {
        try {
            ApiResponse response = ApiResponse.json(200, RowJson.JSON.writeValueAsBytes(body));
            List<String> applied = new ArrayList<>();
            if (request.preference("odata.track-changes").isPresent()) {
                applied.add("odata.track-changes");
            }
            if (request.preference("odata.maxpagesize").isPresent()) {
                applied.add("odata.maxpagesize=" + pageSize);
            }
            if (annotations) {
                applied.add("odata.include-annotations=\"" + request.preference("odata.include-annotations").orElse("")
                        + "\"");
            }
            return applied.isEmpty() ? response : response.withHeader("Preference-Applied", String.join(",", applied));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a page", e);
        }
    }

    private long deltaVersion(String token) {
        int bang = token.indexOf('!');
        long version = Long.parseLong(token.substring(0, bang));
        long issued = Long.parseLong(token.substring(bang + 1));
        boolean expired = issued < deltaTokensValidFrom || issued + deltaTokenLifetime.toMillis() < clock.millis();
        if (expired || version < 0 || version > store.committedVersion()) {
            throw new IllegalArgumentException("expired or unknown delta token");
        }
        return version;
    }

    private static int pageSize(ApiRequest request) {
        try {
            int wanted = Integer.parseInt(request.preference("odata.maxpagesize").orElse("5000"));
            return Math.clamp(wanted, 1, MAX_PAGE_SIZE);
        } catch (NumberFormatException e) {
            return MAX_PAGE_SIZE;
        }
    }
}
