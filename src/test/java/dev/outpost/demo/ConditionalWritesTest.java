package dev.outpost.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class ConditionalWritesTest {

    private static final String NEW_ID = "bbbbbbbb-0000-0000-0000-000000000001";

    private DemoServer server;
    private DemoClient client;
    private String contact;

    @BeforeEach
    void start() throws Exception {
        server = DemoServer.start(0, DemoOptions.defaults().records(20));
        client = new DemoClient(server);
        contact = "contacts(" + SampleData.guid(42, "contacts", 0) + ")";
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private String etag(String row) {
        return DemoClient.json(client.get(row)).get("@odata.etag").asText();
    }

    @Test
    void anUpdateWithTheCurrentETagSucceedsAndMovesTheVersion() {
        String before = etag(contact);

        HttpResponse<String> response = client.patch(contact, "{\"firstname\":\"Ann\"}", "If-Match", before);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("OData-EntityId")).hasValue(server.apiUrl() + contact);
        assertThat(etag(contact)).isNotEqualTo(before);
    }

    @Test
    void anUpdateWithAStaleETagGets412WithDataversesBody() {
        String before = etag(contact);
        client.patch(contact, "{\"firstname\":\"Ann\"}");

        HttpResponse<String> response = client.patch(contact, "{\"firstname\":\"Bob\"}", "If-Match", before);

        assertThat(response.statusCode()).isEqualTo(412);
        assertThat(response.body()).isEqualTo("{\"error\":{\"code\":\"0x80060882\",\"message\":"
                + "\"The version of the existing record doesn't match the RowVersion property provided.\"}}");
        assertThat(DemoClient.json(client.get(contact)).get("firstname").asText()).isEqualTo("Ann");
    }

    @Test
    void anUpdateWithIfMatchOfAMissingRowGets404() {
        assertThat(client.patch("contacts(" + NEW_ID + ")", "{\"lastname\":\"X\"}", "If-Match", "W/\"1\"").statusCode())
                .isEqualTo(404);
    }

    @Test
    void createOnlyMakesTheRowWithTheClientsGuid() {
        HttpResponse<String> response = client.patch("contacts(" + NEW_ID + ")", "{\"lastname\":\"Once\"}",
                "If-None-Match", "*");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(DemoClient.json(client.get("contacts(" + NEW_ID + ")")).get("lastname").asText()).isEqualTo("Once");
    }

    @Test
    void aReplayedCreateOnlyGets412AndChangesNothing() {
        client.patch("contacts(" + NEW_ID + ")", "{\"lastname\":\"Once\"}", "If-None-Match", "*");
        String etag = etag("contacts(" + NEW_ID + ")");

        HttpResponse<String> replay = client.patch("contacts(" + NEW_ID + ")", "{\"lastname\":\"Twice\"}",
                "If-None-Match", "*");

        assertThat(replay.statusCode()).isEqualTo(412);
        assertThat(DemoClient.json(replay).at("/error/code").asText()).isEqualTo("0x80040237");
        assertThat(etag("contacts(" + NEW_ID + ")")).isEqualTo(etag);
        assertThat(server.count("contacts")).isEqualTo(7);
    }

    @Test
    void createOnlyOnADeletedRowsGuidCreatesItAgain() {
        client.delete(contact);

        assertThat(client.patch(contact, "{\"lastname\":\"Back\"}", "If-None-Match", "*").statusCode()).isEqualTo(204);
    }

    @Test
    void aPatchWithoutConditionUpserts() {
        assertThat(client.patch("contacts(" + NEW_ID + ")", "{\"lastname\":\"Up\"}").statusCode()).isEqualTo(204);
        assertThat(client.patch("contacts(" + NEW_ID + ")", "{\"lastname\":\"Sert\"}").statusCode()).isEqualTo(204);
        assertThat(DemoClient.json(client.get("contacts(" + NEW_ID + ")")).get("lastname").asText()).isEqualTo("Sert");
    }

    @Test
    void returnRepresentationAnswers201OnCreateAnd200OnUpdateWithTheRow() {
        HttpResponse<String> created = client.patch("contacts(" + NEW_ID + ")?$select=lastname", "{\"lastname\":\"Rep\"}",
                "Prefer", "return=representation");
        HttpResponse<String> updated = client.patch("contacts(" + NEW_ID + ")", "{\"lastname\":\"Rep2\"}",
                "Prefer", "return=representation");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode row = DemoClient.json(created);
        assertThat(row.get("lastname").asText()).isEqualTo("Rep");
        assertThat(row.get("contactid").asText()).isEqualTo(NEW_ID);
        assertThat(row.get("@odata.etag").asText()).startsWith("W/\"");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(DemoClient.json(updated).get("lastname").asText()).isEqualTo("Rep2");
    }

    @Test
    void aDeleteWithTheCurrentETagSucceeds() {
        assertThat(client.delete(contact, "If-Match", etag(contact)).statusCode()).isEqualTo(204);
        assertThat(client.get(contact).statusCode()).isEqualTo(404);
    }

    @Test
    void aDeleteWithAStaleETagGets412AndKeepsTheRow() {
        String before = etag(contact);
        client.patch(contact, "{\"firstname\":\"Ann\"}");

        assertThat(client.delete(contact, "If-Match", before).statusCode()).isEqualTo(412);
        assertThat(client.get(contact).statusCode()).isEqualTo(200);
    }

    @Test
    void aDeleteOfAMissingRowGets404() {
        assertThat(client.delete("contacts(" + NEW_ID + ")", "If-Match", "W/\"3\"").statusCode()).isEqualTo(404);
    }

    @Test
    void versionsGrowAcrossTheWholeOrganization() {
        String account = "accounts(" + SampleData.guid(42, "accounts", 0) + ")";
        client.patch(contact, "{\"firstname\":\"A\"}");
        long contactVersion = DemoClient.json(client.get(contact + "?$select=versionnumber")).get("versionnumber").asLong();
        client.patch(account, "{\"name\":\"B\"}");

        long accountVersion = DemoClient.json(client.get(account + "?$select=versionnumber")).get("versionnumber").asLong();

        assertThat(accountVersion).isGreaterThan(contactVersion);
    }
}
