package dev.outpost.demo;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /me/outlook/masterCategories}: the user's master list of categories
 * (https://learn.microsoft.com/graph/api/outlookuser-post-mastercategories,
 * https://learn.microsoft.com/graph/api/resources/outlookcategory). {@code displayName} is unique (compared
 * case-insensitively, as Outlook does) and cannot change; {@code color} is {@code none} or {@code preset0}…{@code preset24}.
 */
final class MailboxCategories {

    private static final Pattern COLOR = Pattern.compile("none|preset([0-9]|1[0-9]|2[0-4])");

    private final MailboxStore store;

    MailboxCategories(MailboxStore store) {
        this.store = store;
    }

    ApiResponse handle(ApiRequest request, List<String> rest, String base) {
        String method = request.method();
        if (rest.isEmpty()) {
            if (method.equals("GET")) {
                ObjectNode body = RowJson.JSON.createObjectNode();
                body.put("@odata.context", base + "/$metadata#users('" + Mailbox.USER_ID + "')/outlook/masterCategories");
                ArrayNode value = body.putArray("value");
                store.live(Mailbox.CATEGORIES).forEach(e -> value.add(render(e)));
                return GraphJson.response(200, body);
            }
            return method.equals("POST") ? create(GraphJson.body(request)) : null;
        }
        if (rest.size() != 1) {
            return null;
        }
        Optional<MailboxStore.Entry> found = store.find(Mailbox.CATEGORIES, rest.get(0)).filter(e -> !e.deleted());
        if (found.isEmpty()) {
            return GraphErrors.notFound();
        }
        return switch (method) {
            case "GET" -> GraphJson.response(200, render(found.get()));
            case "DELETE" -> {
                store.delete(Mailbox.CATEGORIES, rest.get(0));
                yield GraphJson.noContent();
            }
            case "PATCH" -> {
                ObjectNode body = GraphJson.body(request);
                if (body.has("displayName")
                        && !body.get("displayName").asText().equals(found.get().data().path("displayName").asText())) {
                    yield GraphErrors.badRequest("The displayName of a category cannot change.");
                }
                ObjectNode data = found.get().data();
                if (body.has("color")) {
                    data.put("color", color(body.get("color").asText()));
                }
                yield GraphJson.response(200, render(store.put(Mailbox.CATEGORIES, rest.get(0), data)));
            }
            default -> null;
        };
    }

    private synchronized ApiResponse create(ObjectNode body) {
        String name = body.path("displayName").asText("").trim();
        if (name.isEmpty()) {
            return GraphErrors.badRequest("A category needs a displayName.");
        }
        for (MailboxStore.Entry e : store.live(Mailbox.CATEGORIES)) {
            if (e.data().path("displayName").asText().equalsIgnoreCase(name)) {
                // 409 per Graph's error table ("conflict with the current state"); the code is unconfirmed.
                return GraphErrors.error(409, "ErrorDuplicateCategory",
                        "A category with the display name '" + name + "' already exists.");
            }
        }
        ObjectNode data = RowJson.JSON.createObjectNode();
        data.put("displayName", name);
        data.put("color", color(body.path("color").asText("none")));
        return GraphJson.response(201, render(store.put(Mailbox.CATEGORIES, UUID.randomUUID().toString(), data)));
    }

    private static String color(String color) {
        if (!COLOR.matcher(color).matches()) {
            throw GraphErrors.refuse(400, GraphErrors.INVALID_REQUEST, "'" + color + "' is not a category colour "
                    + "(none, preset0 … preset24).");
        }
        return color;
    }

    private static ObjectNode render(MailboxStore.Entry e) {
        ObjectNode out = RowJson.JSON.createObjectNode();
        out.put("id", e.id());
        out.put("displayName", e.data().path("displayName").asText());
        out.put("color", e.data().path("color").asText("none"));
        return out;
    }
}
