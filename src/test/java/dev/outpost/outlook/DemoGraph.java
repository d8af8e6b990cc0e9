package dev.outpost.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Plain Graph calls to the demo mailbox, as a colleague in Outlook would make them: how the Outlook tests set the
 * mailbox up and look at it afterwards, past the connector under test.
 */
final class DemoGraph {

    /** One client for every call: the tests make a DemoGraph per call, and each client keeps a thread. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final URI graphUrl;
    private final String token;

    DemoGraph(URI graphUrl, String token) {
        this.graphUrl = graphUrl;
        this.token = token;
    }

    /** Sends {@code method path} with an optional JSON body; fails the test unless the answer is 2xx. */
    JsonNode send(String method, String path, JsonNode body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(graphUrl + "/" + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body.toString())).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
            return response.body().isEmpty() ? GraphStub.JSON.createObjectNode() : GraphStub.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
