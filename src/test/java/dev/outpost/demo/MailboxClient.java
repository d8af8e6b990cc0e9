package dev.outpost.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain java.net.http client for the demo mailbox, speaking Graph as the tests need it. */
final class MailboxClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final DemoServer server;
    private String token;

    MailboxClient(DemoServer server) {
        this.server = server;
        this.token = server.issueToken();
    }

    MailboxClient token(String token) {
        this.token = token;
        return this;
    }

    /** {@code me/contacts} → {@code http://127.0.0.1:P/v1.0/me/contacts}; absolute URLs stay as they are. */
    URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : server.graphUrl() + "/" + pathOrUrl);
    }

    HttpRequest.Builder request(String pathOrUrl, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathOrUrl)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    HttpResponse<String> get(String pathOrUrl, String... headers) {
        return send(request(pathOrUrl, headers).GET().build());
    }

    HttpResponse<String> post(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> patch(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> delete(String path, String... headers) {
        return send(request(path, headers).DELETE().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET} that must answer 200; its JSON. */
    JsonNode ok(String pathOrUrl, String... headers) {
        HttpResponse<String> response = get(pathOrUrl, headers);
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + " for " + pathOrUrl + ": " + response.body());
        }
        return json(response);
    }

    /** {@code POST} that must answer 201; its JSON. */
    JsonNode created(String path, String json) {
        HttpResponse<String> response = post(path, json);
        if (response.statusCode() != 201) {
            throw new AssertionError("HTTP " + response.statusCode() + " for POST " + path + ": " + response.body());
        }
        return json(response);
    }

    /**
     * Follows a delta round from {@code pathOrUrl} to its deltaLink, sending {@code Prefer: odata.maxpagesize} on every
     * page; returns every entry (items and removals) and the delta link.
     */
    Round round(String pathOrUrl, int pageSize, String... headers) {
        List<JsonNode> entries = new ArrayList<>();
        String url = pathOrUrl;
        int pages = 0;
        String[] all = new String[headers.length + 2];
        all[0] = "Prefer";
        all[1] = "odata.maxpagesize=" + pageSize;
        System.arraycopy(headers, 0, all, 2, headers.length);
        while (true) {
            JsonNode page = ok(url, all);
            pages++;
            page.get("value").forEach(entries::add);
            if (page.has("@odata.nextLink")) {
                url = page.get("@odata.nextLink").asText();
            } else {
                return new Round(entries, page.get("@odata.deltaLink").asText(), pages);
            }
            if (pages > 10_000) {
                throw new AssertionError("A delta round that never ends");
            }
        }
    }

    /** Every entry of a delta round and the delta link it ended with. */
    record Round(List<JsonNode> entries, String deltaLink, int pages) {

        List<JsonNode> items() {
            return entries.stream().filter(e -> !e.has("@removed")).toList();
        }

        List<String> removedIds() {
            return entries.stream().filter(e -> e.has("@removed")).map(e -> e.get("id").asText()).toList();
        }

        List<String> itemIds() {
            return items().stream().map(e -> e.get("id").asText()).toList();
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
