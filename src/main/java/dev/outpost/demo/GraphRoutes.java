package dev.outpost.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which operation a {@code /v1.0/me/…} URL means. Segment names compare case-insensitively, as Graph's do. The
 * routes are the subset Outpost's Outlook connector uses (PROTOCOLS.md, "Microsoft Graph"): contacts of the default
 * folder, the primary calendar, the default To Do list, Inbox and Sent Items, the master categories.
 */
final class GraphRoutes {

    private final MailboxStore store;
    private final MailboxCollections items;
    private final MailboxDelta delta;
    private final MailboxCategories categories;
    private final MailboxLinkedResources linkedResources;
    private final MailboxReplies replies;
    private final Clock clock;
    private final String base;
    /** Creating an event checks its transactionId first: one at a time. */
    private final Object eventCreation = new Object();

    GraphRoutes(MailboxStore store, MailboxDelta delta, Clock clock, String base) {
        this.store = store;
        this.items = new MailboxCollections(store, clock, base);
        this.delta = delta;
        this.categories = new MailboxCategories(store);
        this.linkedResources = new MailboxLinkedResources(store, items, clock);
        this.replies = new MailboxReplies(store, clock);
        this.clock = clock;
        this.base = base;
    }

    /** Answers a request whose path is relative to {@code /v1.0/}, e.g. {@code me/contacts}. */
    ApiResponse handle(ApiRequest request, String path) {
        // The Graph SDK calls functions with parentheses (".../contacts/delta()"); Graph accepts both spellings.
        List<String> s = new ArrayList<>(Arrays.stream(path.split("/")).filter(x -> !x.isEmpty())
                .map(x -> x.endsWith("()") ? x.substring(0, x.length() - 2) : x).toList());
        if (s.size() >= 2 && is(s, 0, "users") && Mailbox.isMe(s.get(1))) {
            s.subList(0, 2).clear();
            s.add(0, "me");
        }
        try {
            GraphRequests.Options options = GraphRequests.Options.of(request);
            ApiResponse response = route(request, s, options);
            return response != null ? response : GraphErrors.noRoute(request.method(), path);
        } catch (GraphErrors.Refused refused) {
            return refused.response();
        } catch (IllegalArgumentException e) {
            return GraphErrors.badRequest(e.getMessage());
        }
    }

    private ApiResponse route(ApiRequest request, List<String> s, GraphRequests.Options options) {
        if (s.isEmpty() || !is(s, 0, "me")) {
            return null;
        }
        String method = request.method();
        if (s.size() == 1) {
            return method.equals("GET") ? GraphJson.response(200, me()) : null;
        }
        List<String> rest = s.subList(2, s.size());
        return switch (s.get(1).toLowerCase(Locale.ROOT)) {
            case "contacts" -> contacts(request, rest, options);
            case "contactfolders" -> contactFolders(request, rest, options);
            case "events" -> events(request, rest, options);
            case "calendar" -> rest.isEmpty() ? (method.equals("GET") ? GraphJson.response(200, calendar()) : null)
                    : is(rest, 0, "events") ? events(request, rest.subList(1, rest.size()), options)
                    : is(rest, 0, "calendarView") ? calendarView(request, rest.subList(1, rest.size()), options)
                    : null;
            case "calendarview" -> calendarView(request, rest, options);
            case "todo" -> is(rest, 0, "lists") ? todo(request, rest.subList(1, rest.size()), options) : null;
            case "mailfolders" -> mailFolders(request, rest, options);
            case "messages" -> messages(request, List.of(Mailbox.INBOX, Mailbox.SENT_ITEMS), "me/messages", rest, options);
            case "outlook" -> is(rest, 0, "masterCategories")
                    ? categories.handle(request, rest.subList(1, rest.size()), base) : null;
            default -> null;
        };
    }

    private ApiResponse contacts(ApiRequest request, List<String> rest, GraphRequests.Options options) {
        List<String> folder = List.of(Mailbox.CONTACTS);
        String method = request.method();
        if (rest.isEmpty()) {
            return switch (method) {
                case "GET" -> items.list(MailboxKind.CONTACT, folder, "me/contacts", request, options, true);
                case "POST" -> {
                    ObjectNode data = MailboxItems.create(MailboxKind.CONTACT, GraphJson.body(request), clock.instant());
                    data.put("parentFolderId", Mailbox.CONTACTS_FOLDER_ID);
                    yield items.created(MailboxKind.CONTACT, Mailbox.CONTACTS, data, options, false);
                }
                default -> null;
            };
        }
        if (rest.size() == 1 && is(rest, 0, "delta") && method.equals("GET")) {
            return delta.page(new MailboxDelta.Scope(MailboxKind.CONTACT, Mailbox.CONTACTS,
                    "me/contactFolders/" + Mailbox.CONTACTS_FOLDER_ID + "/contacts/delta"), request, options);
        }
        return rest.size() == 1 ? item(MailboxKind.CONTACT, folder, rest.get(0), request, options) : null;
    }

    private ApiResponse contactFolders(ApiRequest request, List<String> rest, GraphRequests.Options options) {
        if (rest.isEmpty()) {
            // Lists the child folders of the default Contacts folder: the demo has none.
            return request.method().equals("GET") ? GraphJson.response(200, collection("contactFolder", List.of())) : null;
        }
        if (!rest.get(0).equals(Mailbox.CONTACTS_FOLDER_ID) && !rest.get(0).equalsIgnoreCase("contacts")) {
            return GraphErrors.notFound();
        }
        if (rest.size() == 1) {
            return request.method().equals("GET") ? GraphJson.response(200, contactFolder()) : null;
        }
        return is(rest, 1, "contacts") ? contacts(request, rest.subList(2, rest.size()), options) : null;
    }

    private ApiResponse events(ApiRequest request, List<String> rest, GraphRequests.Options options) {
        List<String> folder = List.of(Mailbox.CALENDAR);
        if (rest.isEmpty()) {
            return switch (request.method()) {
                case "GET" -> items.list(MailboxKind.EVENT, folder, "me/events", request, options, true);
                case "POST" -> createEvent(request, options);
                default -> null;
            };
        }
        return rest.size() == 1 ? item(MailboxKind.EVENT, folder, rest.get(0), request, options) : null;
    }

    /**
     * Creates an event, unless one with the same {@code transactionId} exists: then that one is the answer, as Graph
     * avoids "redundant POST operations in case of client retries" (https://learn.microsoft.com/graph/api/resources/event).
     * A different event under a used transactionId is refused (Graph's {@code ErrorDuplicateTransactionId}).
     */
    private ApiResponse createEvent(ApiRequest request, GraphRequests.Options options) {
        ObjectNode data = MailboxItems.create(MailboxKind.EVENT, GraphJson.body(request), clock.instant());
        String transactionId = data.path("transactionId").asText("");
        synchronized (eventCreation) {
            Optional<MailboxStore.Entry> earlier = transactionId.isEmpty() ? Optional.empty()
                    : store.live(Mailbox.CALENDAR, x -> transactionId.equals(x.data().path("transactionId").asText()))
                            .stream().findFirst();
            if (earlier.isPresent()) {
                if (!sameEvent(earlier.get().data(), data)) {
                    // The status of this refusal is unconfirmed; its code and message are Graph's.
                    return GraphErrors.error(400, "ErrorDuplicateTransactionId",
                            "Your request can't be completed. The TransactionId specified in the request has "
                                    + "already been used to create a different event.");
                }
                return options.applied(GraphJson.response(201, MailboxItems.render(MailboxKind.EVENT, earlier.get(),
                        options.view(null))), false);
            }
            return items.created(MailboxKind.EVENT, Mailbox.CALENDAR, data, options, false);
        }
    }

    private static boolean sameEvent(ObjectNode a, ObjectNode b) {
        return a.path("subject").asText().equals(b.path("subject").asText())
                && a.path("_start").asText().equals(b.path("_start").asText())
                && a.path("_end").asText().equals(b.path("_end").asText());
    }

    private ApiResponse calendarView(ApiRequest request, List<String> rest, GraphRequests.Options options) {
        if (!request.method().equals("GET")) {
            return null;
        }
        if (rest.size() == 1 && is(rest, 0, "delta")) {
            return delta.page(new MailboxDelta.Scope(MailboxKind.EVENT, Mailbox.CALENDAR, "me/calendarView/delta"),
                    request, options);
        }
        if (!rest.isEmpty()) {
            return null;
        }
        Optional<String> start = GraphRequests.query(request, "startDateTime");
        Optional<String> end = GraphRequests.query(request, "endDateTime");
        if (start.isEmpty() || end.isEmpty()) {
            return GraphErrors.error(400, "ErrorInvalidParameter",
                    "This request requires a time window specified by the query string parameters StartDateTime and "
                            + "EndDateTime.");
        }
        Instant from = GraphRequests.instant(start.get());
        Instant to = GraphRequests.instant(end.get());
        List<MailboxStore.Entry> inView = store.live(Mailbox.CALENDAR, e -> MailboxItems.overlaps(e.data(), from, to))
                .stream()
                .sorted((a, b) -> a.data().get("_start").asText().compareTo(b.data().get("_start").asText())).toList();
        MailboxItems.View view = options.view(GraphRequests.query(request, "$expand").orElse(null));
        List<ObjectNode> rendered = inView.stream().map(e -> MailboxItems.render(MailboxKind.EVENT, e, view)).toList();
        return options.applied(GraphJson.response(200, collection("event", rendered)), false);
    }

    private ApiResponse todo(ApiRequest request, List<String> rest, GraphRequests.Options options) {
        String method = request.method();
        if (rest.isEmpty()) {
            return method.equals("GET") ? GraphJson.response(200, collection("todoTaskList", List.of(todoList()))) : null;
        }
        if (!rest.get(0).equals(Mailbox.TODO_LIST_ID)) {
            return GraphErrors.error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
        }
        if (rest.size() == 1) {
            return method.equals("GET") ? GraphJson.response(200, todoList()) : null;
        }
        if (!is(rest, 1, "tasks")) {
            return null;
        }
        List<String> folder = List.of(Mailbox.TASKS);
        String tasksPath = "me/todo/lists/" + Mailbox.TODO_LIST_ID + "/tasks";
        if (rest.size() == 2) {
            return switch (method) {
                case "GET" -> items.list(MailboxKind.TASK, folder, tasksPath, request, options, false);
                case "POST" -> {
                    ObjectNode body = GraphJson.body(request);
                    ObjectNode data = MailboxItems.create(MailboxKind.TASK, body, clock.instant());
                    yield items.created(MailboxKind.TASK, Mailbox.TASKS, data, options, body.has(MailboxItems.LINKED));
                }
                default -> null;
            };
        }
        if (rest.size() == 3 && is(rest, 2, "delta") && method.equals("GET")) {
            return delta.page(new MailboxDelta.Scope(MailboxKind.TASK, Mailbox.TASKS, tasksPath + "/delta"), request,
                    options);
        }
        String taskId = rest.get(2);
        if (rest.size() == 3) {
            return item(MailboxKind.TASK, folder, taskId, request, options);
        }
        return is(rest, 3, "linkedResources")
                ? linkedResources.handle(request, taskId, rest.subList(4, rest.size()))
                : null;
    }

    private ApiResponse mailFolders(ApiRequest request, List<String> rest, GraphRequests.Options options) {
        if (rest.isEmpty()) {
            return request.method().equals("GET") ? GraphJson.response(200, collection("mailFolder",
                    List.of(mailFolder(Mailbox.INBOX), mailFolder(Mailbox.SENT_ITEMS)))) : null;
        }
        String folder = Mailbox.mailFolder(rest.get(0));
        if (folder == null) {
            return GraphErrors.error(404, "ErrorInvalidIdMalformed", "Id is malformed.");
        }
        if (rest.size() == 1) {
            return request.method().equals("GET") ? GraphJson.response(200, mailFolder(folder)) : null;
        }
        if (!is(rest, 1, "messages")) {
            return null;
        }
        String path = "me/mailFolders/" + Mailbox.mailFolderId(folder) + "/messages";
        List<String> more = rest.subList(2, rest.size());
        if (more.size() == 1 && is(more, 0, "delta") && request.method().equals("GET")) {
            return delta.page(new MailboxDelta.Scope(MailboxKind.MESSAGE, folder, path + "/delta"), request, options);
        }
        return messages(request, List.of(folder), path, more, options);
    }

    private ApiResponse messages(ApiRequest request, List<String> folders, String path, List<String> rest,
            GraphRequests.Options options) {
        if (rest.isEmpty()) {
            return request.method().equals("GET")
                    ? items.list(MailboxKind.MESSAGE, folders, path, request, options, true) : null;
        }
        if (rest.size() == 2 && is(rest, 1, "reply") && request.method().equals("POST")) {
            return replies.reply(rest.get(0), GraphJson.body(request));
        }
        return rest.size() == 1 ? item(MailboxKind.MESSAGE, folders, rest.get(0), request, options) : null;
    }

    private ApiResponse item(MailboxKind kind, List<String> folders, String id, ApiRequest request,
            GraphRequests.Options options) {
        return switch (request.method()) {
            case "GET" -> items.get(kind, folders, id, request, options);
            case "PATCH" -> items.patch(kind, folders, id, request, options);
            case "DELETE" -> items.delete(folders, id);
            default -> null;
        };
    }

    private ObjectNode collection(String type, List<ObjectNode> values) {
        ObjectNode body = RowJson.JSON.createObjectNode();
        body.put("@odata.context", base + "/$metadata#Collection(" + type + ")");
        ArrayNode value = body.putArray("value");
        values.forEach(value::add);
        return body;
    }

    private ObjectNode me() {
        ObjectNode me = RowJson.JSON.createObjectNode();
        me.put("@odata.context", base + "/$metadata#users/$entity");
        me.put("id", Mailbox.USER_ID);
        me.put("displayName", "Demo User");
        me.put("mail", MailboxSample.ME);
        me.put("userPrincipalName", MailboxSample.ME);
        return me;
    }

    private static ObjectNode contactFolder() {
        ObjectNode folder = RowJson.JSON.createObjectNode();
        folder.put("id", Mailbox.CONTACTS_FOLDER_ID);
        folder.put("displayName", "Contacts");
        folder.put("parentFolderId", Mailbox.ROOT_FOLDER_ID);
        return folder;
    }

    private static ObjectNode calendar() {
        ObjectNode calendar = RowJson.JSON.createObjectNode();
        calendar.put("id", Mailbox.CALENDAR_ID);
        calendar.put("name", "Calendar");
        calendar.put("isDefaultCalendar", true);
        calendar.put("canEdit", true);
        return calendar;
    }

    private static ObjectNode todoList() {
        ObjectNode list = RowJson.JSON.createObjectNode();
        list.put("@odata.etag", "W/\"" + GraphJson.changeKey(0) + "\"");
        list.put("id", Mailbox.TODO_LIST_ID);
        list.put("displayName", "Tasks");
        list.put("isOwner", true);
        list.put("isShared", false);
        list.put("wellknownListName", "defaultList");
        return list;
    }

    private ObjectNode mailFolder(String folder) {
        ObjectNode f = RowJson.JSON.createObjectNode();
        f.put("id", Mailbox.mailFolderId(folder));
        f.put("displayName", folder.equals(Mailbox.INBOX) ? "Inbox" : "Sent Items");
        f.put("parentFolderId", Mailbox.ROOT_FOLDER_ID);
        f.put("childFolderCount", 0);
        f.put("unreadItemCount", store.live(folder, m -> !m.data().path("isRead").asBoolean(true)).size());
        f.put("totalItemCount", store.count(folder));
        f.put("isHidden", false);
        return f;
    }

    private static boolean is(List<String> s, int i, String name) {
        return s.size() > i && s.get(i).equalsIgnoreCase(name);
    }
}
