package dev.outpost.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain java.net.http client for the demo server's Web API, as the tests speak it. */
final class DemoClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final DemoServer server;
    private String token;

    DemoClient(DemoServer server) {
        this.server = server;
        this.token = server.issueToken();
    }

    DemoClient token(String token) {
        this.token = token;
        return this;
    }

    HttpRequest.Builder request(String pathOrUrl, String... headers) {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : server.apiUrl().resolve(pathOrUrl);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("OData-MaxVersion", "4.0").header("OData-Version", "4.0");
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

    HttpResponse<String> patch(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> post(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
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

    /** Follows nextLinks from a tracked listing to its delta link; returns every row and sets {@link #deltaLink}. */
    Listing track(String setAndQuery, int pageSize) {
        List<JsonNode> rows = new ArrayList<>();
        String url = setAndQuery;
        int pages = 0;
        while (true) {
            // As the connector asks: with the lookups' target entity names.
            HttpResponse<String> response = get(url, "Prefer", "odata.track-changes, odata.maxpagesize=" + pageSize
                    + ", odata.include-annotations=\"Microsoft.Dynamics.CRM.lookuplogicalname\"");
            if (response.statusCode() != 200) {
                throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
            }
            JsonNode page = json(response);
            pages++;
            page.get("value").forEach(rows::add);
            if (page.has("@odata.nextLink")) {
                url = page.get("@odata.nextLink").asText();
            } else {
                return new Listing(rows, page.get("@odata.deltaLink").asText(), pages);
            }
        }
    }

    /** Every row of a listing and the delta link it ended with. */
    record Listing(List<JsonNode> rows, String deltaLink, int pages) { }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
