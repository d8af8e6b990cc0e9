package dev.outpost.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.outlook.OutlookSettings;

/**
 * The user at work in Outlook while Outpost syncs, as plain Graph HTTP calls on a mailbox: {@code bench outlook}'s
 * mailbox-side edits and checks, and its setup (sharing the sample items it syncs). Not the SDK, so the benchmark
 * and the tests see the mailbox through other code than the connector's.
 */
final class MailboxColleague implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 20;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI graphUrl;
    private final String token;

    /** @param graphUrl the service root, ending in {@code /v1.0} */
    MailboxColleague(URI graphUrl, String token) {
        this.graphUrl = graphUrl;
        this.token = token;
    }

    /** Every item of a collection ({@code me/contacts}, {@code me/events}, …), following the next links. */
    List<JsonNode> all(String path) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        String url = url(path);
        while (url != null) {
            JsonNode page = ok(send(request(url).header("Prefer", "odata.maxpagesize=1000, outlook.timezone=\"UTC\"").GET().build()), "GET " + path);
            page.path("value").forEach(items::add);
            url = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
        }
        return items;
    }

    /** The path of the default To Do list's tasks. */
    String tasksPath() throws IOException, InterruptedException {
        JsonNode lists = ok(send(request(url("me/todo/lists")).GET().build()), "GET me/todo/lists");
        for (JsonNode list : lists.path("value")) {
            if ("defaultList".equals(list.path("wellknownListName").asText())) {
                return "me/todo/lists/" + list.get("id").asText() + "/tasks";
            }
        }
        throw new IllegalStateException("The mailbox has no default To Do list");
    }

    /** One item as the mailbox holds it, or null when it does not exist. */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(url(path)).header("Prefer", "outlook.timezone=\"UTC\"").GET().build());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    /** Changes an item as Outlook's own forms would: no condition. */
    void patch(String path, ObjectNode changes) throws IOException, InterruptedException {
        ok(send(request(url(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(changes.toString())).build()), "PATCH " + path);
    }

    /** Deletes an item as Outlook's own forms would. */
    void delete(String path) throws IOException, InterruptedException {
        int status = send(request(url(path)).DELETE().build()).statusCode();
        if (status != 204) {
            throw new IllegalStateException("DELETE " + path + " answered " + status);
        }
    }

    /** Creates an item; returns it as created. */
    JsonNode post(String path, ObjectNode item) throws IOException, InterruptedException {
        return ok(send(request(url(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(item.toString())).build()), "POST " + path);
    }

    /** PATCHes many items in JSON batches of 20: {@code changes} pairs a path (under /v1.0) with its body. */
    void patchAll(List<java.util.Map.Entry<String, ObjectNode>> changes) throws IOException, InterruptedException {
        for (int from = 0; from < changes.size(); from += BATCH) {
            ObjectNode batch = JSON.createObjectNode();
            ArrayNode requests = batch.putArray("requests");
            List<java.util.Map.Entry<String, ObjectNode>> part = changes.subList(from, Math.min(changes.size(), from + BATCH));
            for (int i = 0; i < part.size(); i++) {
                ObjectNode r = requests.addObject();
                r.put("id", Integer.toString(i + 1));
                r.put("method", "PATCH");
                r.put("url", "/" + part.get(i).getKey());
                r.putObject("headers").put("Content-Type", "application/json");
                r.set("body", part.get(i).getValue());
            }
            JsonNode answer = ok(send(request(url("$batch")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(batch.toString())).build()), "POST $batch");
            for (JsonNode response : answer.path("responses")) {
                if (response.path("status").asInt() / 100 != 2) {
                    throw new IllegalStateException("The demo mailbox refused a batched change: " + response);
                }
            }
        }
    }

    /**
     * Puts the first {@code wanted} contacts, events and To Do tasks (in that order) in the sharing category and
     * takes it off every other item, messages included; moves shared events outside the default calendar window
     * into it (a day ahead, same length). Returns how many items are then in scope: at most {@code wanted}.
     */
    int shareOnly(int wanted, Instant now) throws IOException, InterruptedException {
        List<java.util.Map.Entry<String, ObjectNode>> changes = new ArrayList<>();
        int shared = 0;
        for (String path : List.of("me/contacts", "me/events", tasksPath())) {
            for (JsonNode item : all(path)) {
                ObjectNode change = JSON.createObjectNode();
                boolean share = shared < wanted;
                if (share) {
                    shared++;
                    if (!isShared(item)) {
                        ArrayNode categories = change.putArray("categories");
                        item.path("categories").forEach(categories::add);
                        categories.add(OutlookSettings.DEFAULT_CATEGORY);
                    }
                    if (item.has("start") && !inDefaultWindow(item, now)) {
                        Instant start = instant(item.get("start"));
                        Duration length = Duration.between(start, instant(item.get("end")));
                        Instant moved = now.plus(Duration.ofDays(1));
                        change.set("start", dateTime(moved));
                        change.set("end", dateTime(moved.plus(length)));
                    }
                } else if (isShared(item)) {
                    change.set("categories", unshared(item));
                }
                if (!change.isEmpty()) {
                    changes.add(java.util.Map.entry(path + "/" + item.get("id").asText(), change));
                }
            }
        }
        for (String folder : List.of("inbox", "sentitems")) {
            for (JsonNode message : all("me/mailFolders/" + folder + "/messages")) {
                if (isShared(message)) {
                    changes.add(java.util.Map.entry("me/messages/" + message.get("id").asText(),
                            (ObjectNode) JSON.createObjectNode().set("categories", unshared(message))));
                }
            }
        }
        patchAll(changes);
        return shared;
    }

    private static ArrayNode unshared(JsonNode item) {
        ArrayNode categories = JSON.createArrayNode();
        item.path("categories").forEach(c -> {
            if (!c.asText().equalsIgnoreCase(OutlookSettings.DEFAULT_CATEGORY)) {
                categories.add(c);
            }
        });
        return categories;
    }

    static ObjectNode dateTime(Instant at) {
        ObjectNode node = JSON.createObjectNode();
        node.put("dateTime", at.toString().replace("Z", ""));
        node.put("timeZone", "UTC");
        return node;
    }

    private static boolean isShared(JsonNode item) {
        for (JsonNode c : item.path("categories")) {
            if (c.asText().equalsIgnoreCase(OutlookSettings.DEFAULT_CATEGORY)) {
                return true;
            }
        }
        return false;
    }

    /** Inside 30 days back and 180 ahead, with a day's margin on each side (the window moves with the clock). */
    private static boolean inDefaultWindow(JsonNode event, Instant now) {
        return instant(event.get("end")).isAfter(now.minus(Duration.ofDays(29)))
                && instant(event.get("start")).isBefore(now.plus(Duration.ofDays(179)));
    }

    /** A {@code dateTimeTimeZone} the mailbox wrote in UTC (the requests here ask for UTC). */
    private static Instant instant(JsonNode dateTimeTimeZone) {
        String text = dateTimeTimeZone.path("dateTime").asText();
        return Instant.parse(text.endsWith("Z") ? text : text + "Z");
    }

    private String url(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? pathOrUrl : graphUrl + "/" + pathOrUrl;
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(HttpResponse<String> response, String what) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("The demo mailbox refused " + what + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    @Override
    public void close() {
        http.close();
    }
}
