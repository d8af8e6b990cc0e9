package dev.outpost.outlook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.RecordType;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.conformance.EndpointConformance;
import dev.outpost.sync.conformance.RemoteActor;

/** The Outlook connector passes the endpoint conformance suite against the demo mailbox, over loopback HTTP. */
class OutlookEndpointConformanceTest extends EndpointConformance {

    @Override
    protected EndpointUnderTest create(int pageSize) {
        try {
            DemoServer server = DemoServer.start(0, DemoOptions.defaults().records(0).mailboxItems(0));
            String token = server.issueToken();
            OutlookSettings settings = OutlookSettings.of(server.graphUrl(), () -> token).pageSize(pageSize);
            OutlookEndpoint endpoint = new OutlookEndpoint(settings);
            OutlookEndpoint reader = new OutlookEndpoint(settings);
            GraphUser actor = new GraphUser(settings, reader);
            return new EndpointUnderTest(endpoint, actor, () -> {
                endpoint.close();
                reader.close();
                server.close();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The other user: another Graph client (plain HTTP) that edits contacts in the mailbox, sharing what it creates.
     * Records are answered as a second Outlook endpoint reads them.
     */
    private static final class GraphUser implements RemoteActor {
        private final OutlookSettings settings;
        private final OutlookEndpoint reader;
        private final HttpClient http = HttpClient.newHttpClient();

        GraphUser(OutlookSettings settings, OutlookEndpoint reader) {
            this.settings = settings;
            this.reader = reader;
        }

        @Override
        public RemoteRecord create(RecordType type, Map<String, String> values) {
            ObjectNode body = contact(values, false);
            body.putArray("categories").add(settings.shareCategory());
            JsonNode made = send("POST", "/me/contactFolders/contacts/contacts", body);
            return reader.fetch(type, made.path("id").asText()).orElseThrow();
        }

        @Override
        public RemoteRecord edit(RecordType type, String remoteId, Map<String, String> changes) {
            send("PATCH", "/me/contacts/" + remoteId, contact(changes, true));
            return reader.fetch(type, remoteId).orElseThrow();
        }

        @Override
        public void remove(RecordType type, String remoteId) {
            send("DELETE", "/me/contacts/" + remoteId, null);
        }

        private static ObjectNode contact(Map<String, String> values, boolean patch) {
            ObjectNode body = GraphStub.JSON.createObjectNode();
            Map<String, String> names = Map.of("firstName", "givenName", "lastName", "surname", "mobile", "mobilePhone",
                    "jobTitle", "jobTitle");
            values.forEach((field, value) -> {
                boolean blank = value == null || value.isBlank();
                switch (field) {
                    case "email" -> {
                        var list = body.putArray("emailAddresses");
                        if (!blank) {
                            list.addObject().put("address", value);
                        }
                    }
                    case "phone" -> {
                        var list = body.putArray("businessPhones");
                        if (!blank) {
                            list.add(value);
                        }
                    }
                    default -> {
                        String property = names.get(field);
                        if (property == null) {
                            throw new IllegalArgumentException("The test user cannot set " + field);
                        }
                        if (blank) {
                            body.putNull(property);
                        } else {
                            body.put(property, value);
                        }
                    }
                }
            });
            return body;
        }

        private JsonNode send(String method, String path, ObjectNode body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.base() + path))
                    .header("Authorization", "Bearer " + settings.token().get())
                    .header("Prefer", "IdType=\"ImmutableId\"")
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body.toString()));
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 300) {
                    throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                            + response.body());
                }
                return response.body().isBlank() ? GraphStub.JSON.createObjectNode() : GraphStub.JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

    }
}
