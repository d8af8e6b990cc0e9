package dev.outpost.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Someone else at work, editing the CRM through the Web API with a plain HTTP client while Outpost syncs:
 * {@code bench crm}'s server-side changes, and its check of what the server holds.
 */
final class CrmColleague implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI apiUrl;
    private final String token;

    CrmColleague(URI apiUrl, String token) {
        this.apiUrl = apiUrl;
        this.token = token;
    }

    /** Sets one column of a row, unconditionally, as the CRM's own form would. */
    void edit(String set, String id, String column, String value) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put(column, value);
        HttpResponse<String> response = send(request(set + "(" + id + ")").header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())).build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("The demo server refused an edit of " + set + "(" + id + "): "
                    + response.statusCode() + " " + response.body());
        }
    }

    /** One column of a row as the server holds it; null when the row or the value is missing. */
    String read(String set, String id, String column) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(set + "(" + id + ")?$select=" + column).GET().build());
        if (response.statusCode() != 200) {
            return null;
        }
        var value = JSON.readTree(response.body()).get(column);
        return value == null || value.isNull() ? null : value.asText();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(apiUrl.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("OData-MaxVersion", "4.0").header("OData-Version", "4.0");
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        http.close();
    }
}
