package dev.outpost.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reading and writing items of one kind in one or more folders: list (with {@code $filter}, {@code $expand},
 * {@code $select}, {@code $top}/{@code $skip} paging), get, create, patch, delete. The routes say which folders a
 * URL means.
 */
final class MailboxCollections {

    private final MailboxStore store;
    private final Clock clock;
    private final String base;

    MailboxCollections(MailboxStore store, Clock clock, String base) {
        this.store = store;
        this.clock = clock;
        this.base = base;
    }

    /** {@code GET} a collection; {@code path} is the URL below {@code /v1.0/}, for the next link. */
    ApiResponse list(MailboxKind kind, List<String> folders, String path, ApiRequest request,
            GraphRequests.Options options, boolean filterable) {
        Predicate<ObjectNode> filter = data -> true;
        Optional<String> filterText = GraphRequests.query(request, "$filter");
        if (filterText.isPresent()) {
            if (!filterable) {
                throw GraphErrors.refuse(400, "invalidRequest", "$filter is not supported on this collection.");
            }
            filter = GraphFilter.parse(filterText.get());
        }
        Predicate<ObjectNode> keep = filter;
        List<MailboxStore.Entry> matches = new ArrayList<>();
        for (String folder : folders) {
            matches.addAll(store.live(folder, e -> keep.test(e.data())));
        }
        matches.sort((a, b) -> Long.compare(a.version(), b.version()));
        int top = Math.max(1, number(request, "$top").orElse(options.pageSize().orElse(MailboxDelta.DEFAULT_PAGE)));
        int skip = number(request, "$skip").orElse(0);
        MailboxItems.View view = options.view(GraphRequests.query(request, "$expand").orElse(null));
        Set<String> select = select(request);
        ObjectNode body = RowJson.JSON.createObjectNode();
        body.put("@odata.context", base + "/$metadata#Collection(" + kind.type() + ")");
        ArrayNode value = body.putArray("value");
        for (int i = skip; i < Math.min(matches.size(), skip + top); i++) {
            value.add(selected(MailboxItems.render(kind, matches.get(i), view), select));
        }
        if (skip + top < matches.size()) {
            StringBuilder next = new StringBuilder(base).append('/').append(path).append('?');
            request.query().forEach((name, v) -> {
                if (!name.equalsIgnoreCase("$skip") && !name.equalsIgnoreCase("$top")) {
                    next.append(encode(name)).append('=').append(encode(v)).append('&');
                }
            });
            next.append("$top=").append(top).append("&$skip=").append(skip + top);
            body.put("@odata.nextLink", next.toString());
        }
        return options.applied(GraphJson.response(200, body), GraphRequests.query(request, "$top").isEmpty());
    }

    /** The live item with this id in one of the folders. */
    Optional<MailboxStore.Entry> find(List<String> folders, String id) {
        for (String folder : folders) {
            Optional<MailboxStore.Entry> e = store.find(folder, id).filter(x -> !x.deleted());
            if (e.isPresent()) {
                return e;
            }
        }
        return Optional.empty();
    }

    ApiResponse get(MailboxKind kind, List<String> folders, String id, ApiRequest request, GraphRequests.Options options) {
        return find(folders, id)
                .map(e -> options.applied(GraphJson.response(200, selected(MailboxItems.render(kind, e,
                        options.view(GraphRequests.query(request, "$expand").orElse(null))), select(request))), false))
                .orElseGet(GraphErrors::notFound);
    }

    /** Stores a new item made from {@code data} and answers {@code 201} with it. */
    ApiResponse created(MailboxKind kind, String folder, ObjectNode data, GraphRequests.Options options,
            boolean showLinked) {
        String id = GraphJson.outlookId("AAMkAGRlbW8", java.util.UUID.randomUUID());
        MailboxStore.Entry entry = store.put(folder, id, data);
        MailboxItems.View view = options.view(showLinked ? "linkedResources" : null);
        return options.applied(GraphJson.response(201, MailboxItems.render(kind, entry, view)), false);
    }

    ApiResponse patch(MailboxKind kind, List<String> folders, String id, ApiRequest request,
            GraphRequests.Options options) {
        synchronized (store) { // read, change, write: one at a time (the store's own lock, re-entered)
            return patchLocked(kind, folders, id, request, options);
        }
    }

    private ApiResponse patchLocked(MailboxKind kind, List<String> folders, String id, ApiRequest request,
            GraphRequests.Options options) {
        Optional<MailboxStore.Entry> found = find(folders, id);
        if (found.isEmpty()) {
            return GraphErrors.notFound();
        }
        MailboxStore.Entry entry = found.get();
        Optional<String> ifMatch = request.header("If-Match");
        if (ifMatch.isPresent() && !ifMatch.get().trim().equals("*")
                && !ifMatch.get().trim().equals(GraphJson.etag(entry.version()))) {
            // Undocumented for Outlook items; this is what Exchange answers to a stale change key.
            return GraphErrors.error(412, "ErrorIrresolvableConflict",
                    "The send or update operation could not be performed because the change key passed in the "
                            + "request does not match the current change key for the item.");
        }
        ObjectNode updated = MailboxItems.update(kind, entry.data(), GraphJson.body(request), clock.instant());
        MailboxStore.Entry saved = store.put(entry.folder(), id, updated);
        return options.applied(GraphJson.response(200, MailboxItems.render(kind, saved,
                options.view(GraphRequests.query(request, "$expand").orElse(null)))), false);
    }

    ApiResponse delete(List<String> folders, String id) {
        Optional<MailboxStore.Entry> found = find(folders, id);
        if (found.isEmpty()) {
            return GraphErrors.notFound();
        }
        store.delete(found.get().folder(), id);
        return GraphJson.noContent();
    }

    private static Set<String> select(ApiRequest request) {
        Optional<String> select = GraphRequests.query(request, "$select");
        if (select.isEmpty() || select.get().isBlank()) {
            return null;
        }
        Set<String> names = new HashSet<>(Set.of("id", "@odata.etag", "@odata.type", MailboxItems.EXTENDED,
                MailboxItems.LINKED));
        for (String name : select.get().split(",")) {
            names.add(name.trim());
        }
        return names;
    }

    private static ObjectNode selected(ObjectNode item, Set<String> select) {
        if (select != null) {
            item.properties().removeIf(field -> select.stream().noneMatch(field.getKey()::equalsIgnoreCase));
        }
        return item;
    }

    private static Optional<Integer> number(ApiRequest request, String name) {
        try {
            return GraphRequests.query(request, name).map(v -> Math.max(0, Integer.parseInt(v.trim())));
        } catch (NumberFormatException e) {
            throw GraphErrors.refuse(400, "BadRequest", "Invalid " + name + " value.");
        }
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
