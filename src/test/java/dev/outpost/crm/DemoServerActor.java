package dev.outpost.crm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.demo.DemoServer;
import dev.outpost.model.RecordType;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.conformance.RemoteActor;

/**
 * "Another user" of the demo server: writes contacts over plain HTTP with its own token and its own copy of the
 * contract's column names (so a mapping mistake in the connector is not mirrored here), then reads the row back
 * through a separate connector instance, as the endpoint under test would see it.
 */
final class DemoServerActor implements RemoteActor, AutoCloseable {

    /** The contact columns of docs/crm-mapping.md that the conformance samples use. */
    private static final Map<String, String> CONTACT_COLUMNS = Map.of("firstName", "firstname", "lastName", "lastname",
            "email", "emailaddress1", "phone", "telephone1", "mobile", "mobilephone", "jobTitle", "jobtitle",
            "category", "outpost_category");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final DemoServer server;
    private final String token;
    private final DataverseEndpoint reader;

    DemoServerActor(DemoServer server) {
        this.server = server;
        this.token = server.issueToken();
        this.reader = new DataverseEndpoint(CrmConnection.of(server.url(), TokenSource.fixed(token)));
    }

    @Override
    public RemoteRecord create(RecordType type, Map<String, String> values) {
        String id = UUID.randomUUID().toString();
        send("PATCH", set(type) + "(" + id + ")", body(type, values), "If-None-Match", "*");
        return reader.fetch(type, id).orElseThrow();
    }

    @Override
    public RemoteRecord edit(RecordType type, String remoteId, Map<String, String> changes) {
        send("PATCH", set(type) + "(" + remoteId + ")", body(type, changes), "If-Match", "*");
        return reader.fetch(type, remoteId).orElseThrow();
    }

    @Override
    public void remove(RecordType type, String remoteId) {
        send("DELETE", set(type) + "(" + remoteId + ")", null, "If-Match", "*");
    }

    @Override
    public void close() {
        reader.close();
        http.close();
    }

    private static String set(RecordType type) {
        return type.plural();
    }

    private static String body(RecordType type, Map<String, String> values) {
        if (type != RecordType.CONTACT) {
            throw new UnsupportedOperationException("The actor writes contacts only");
        }
        ObjectNode body = JSON.createObjectNode();
        values.forEach((field, value) -> {
            String column = CONTACT_COLUMNS.get(field);
            if (column == null) {
                throw new IllegalArgumentException("No column for " + field);
            }
            if (value == null || value.isBlank()) {
                body.putNull(column);
            } else {
                body.put(column, value);
            }
        });
        return body.toString();
    }

    private void send(String method, String path, String json, String conditionName, String conditionValue) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.apiUrl().resolve(URI.create(path)))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").header("OData-MaxVersion", "4.0").header("OData-Version", "4.0")
                .header("Authorization", "Bearer " + token).header(conditionName, conditionValue);
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
