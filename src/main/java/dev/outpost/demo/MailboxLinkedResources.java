package dev.outpost.demo;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code …/tasks/{id}/linkedResources}: the links from a To Do task to items of other applications
 * (https://learn.microsoft.com/graph/api/resources/linkedresource). Outpost puts the CRM record's id in
 * {@code externalId}; Graph has no server-side filter on it, so clients list tasks with
 * {@code $expand=linkedResources} and compare. A change to a task's links is a change of the task (its version
 * moves, delta reports it).
 */
final class MailboxLinkedResources {

    private final MailboxStore store;
    private final MailboxCollections items;
    private final Clock clock;

    MailboxLinkedResources(MailboxStore store, MailboxCollections items, Clock clock) {
        this.store = store;
        this.items = items;
        this.clock = clock;
    }

    ApiResponse handle(ApiRequest request, String taskId, List<String> rest) {
        synchronized (store) { // read, change, write: one at a time (the store's own lock, re-entered)
            return locked(request, taskId, rest);
        }
    }

    private ApiResponse locked(ApiRequest request, String taskId, List<String> rest) {
        Optional<MailboxStore.Entry> task = items.find(List.of(Mailbox.TASKS), taskId);
        if (task.isEmpty()) {
            return GraphErrors.notFound();
        }
        ObjectNode data = task.get().data();
        ArrayNode links = data.has(MailboxItems.LINKED) ? (ArrayNode) data.get(MailboxItems.LINKED)
                : data.putArray(MailboxItems.LINKED);
        String method = request.method();
        if (rest.isEmpty()) {
            if (method.equals("GET")) {
                ObjectNode body = RowJson.JSON.createObjectNode();
                body.set("value", links);
                return GraphJson.response(200, body);
            }
            if (method.equals("POST")) {
                ObjectNode link = MailboxItems.linkedResource(GraphJson.body(request));
                links.add(link);
                save(taskId, data);
                return GraphJson.response(201, link);
            }
            return null;
        }
        if (rest.size() != 1) {
            return null;
        }
        for (int i = 0; i < links.size(); i++) {
            JsonNode link = links.get(i);
            if (!link.path("id").asText().equals(rest.get(0))) {
                continue;
            }
            switch (method) {
                case "GET":
                    return GraphJson.response(200, link);
                case "DELETE":
                    links.remove(i);
                    save(taskId, data);
                    return GraphJson.noContent();
                case "PATCH":
                    ObjectNode body = GraphJson.body(request);
                    for (String name : new String[] {"webUrl", "applicationName", "displayName", "externalId"}) {
                        if (body.has(name)) {
                            ((ObjectNode) link).put(name, body.get(name).asText());
                        }
                    }
                    save(taskId, data);
                    return GraphJson.response(200, link);
                default:
                    return null;
            }
        }
        return GraphErrors.notFound();
    }

    private void save(String taskId, ObjectNode data) {
        data.put("lastModifiedDateTime", MailboxItems.timestamp(clock.instant()));
        store.put(Mailbox.TASKS, taskId, data);
    }
}
