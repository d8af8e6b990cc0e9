package dev.outpost.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class DemoServerTest {

    private DemoServer server;
    private DemoClient client;

    @BeforeEach
    void start() throws Exception {
        server = DemoServer.start(0, DemoOptions.defaults().records(50).fixedToken("demo-token"));
        client = new DemoClient(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.apiUrl().toString()).endsWith("/api/data/v9.2/");
    }

    @Test
    void whoAmINamesTheUserAndHintsAtParallelism() {
        HttpResponse<String> response = client.get("WhoAmI");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = DemoClient.json(response);
        assertThat(body.get("UserId").asText()).isEqualTo(server.userId());
        assertThat(body.has("BusinessUnitId")).isTrue();
        assertThat(body.has("OrganizationId")).isTrue();
        assertThat(response.headers().firstValue("x-ms-dop-hint")).isPresent();
    }

    @Test
    void aRequestWithoutTokenGets401WithBearerChallenge() {
        HttpResponse<String> response = client.token(null).get("WhoAmI");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(DemoClient.json(response).at("/error/message").asText()).isNotBlank();
    }

    @Test
    void anUnknownTokenGets401() {
        assertThat(client.token("forged").get("WhoAmI").statusCode()).isEqualTo(401);
    }

    @Test
    void expiredTokensGet401AndANewTokenWorks() {
        server.faults().expireTokensNow();

        HttpResponse<String> response = client.get("WhoAmI");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(DemoClient.json(response).at("/error/message").asText()).contains("expired");
        assertThat(client.token(server.issueToken()).get("WhoAmI").statusCode()).isEqualTo(200);
    }

    @Test
    void theFixedDemoTokenIsAccepted() {
        assertThat(client.token("demo-token").get("WhoAmI").statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingRowGets404WithODataError() {
        HttpResponse<String> response = client.get("contacts(00000000-0000-0000-0000-000000000001)");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(DemoClient.json(response).at("/error/code").asText()).isEqualTo("0x80040217");
    }

    @Test
    void aRowReadsWithItsETagAndSelectedColumns() {
        String id = SampleData.guid(42, "contacts", 0);

        HttpResponse<String> response = client.get("contacts(" + id + ")?$select=firstname,lastname");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode row = DemoClient.json(response);
        assertThat(row.get("contactid").asText()).isEqualTo(id);
        assertThat(row.get("@odata.etag").asText()).matches("W/\"\\d+\"");
        assertThat(row.has("lastname")).isTrue();
        assertThat(row.has("emailaddress1")).isFalse();
    }

    @Test
    void anUnknownColumnInAWriteGets400() {
        HttpResponse<String> response = client.post("contacts", "{\"lastname\":\"Doe\",\"shoesize\":44}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(DemoClient.json(response).at("/error/message").asText()).contains("shoesize");
    }

    @Test
    void aValueOfTheWrongTypeGets400() {
        HttpResponse<String> response = client.post("contacts", "{\"lastname\":\"Doe\",\"outpost_private\":\"yes\"}");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void postCreatesWithAServerGuidAndAnswersWithTheEntityId() {
        HttpResponse<String> response = client.post("accounts", "{\"name\":\"Acme\"}");

        assertThat(response.statusCode()).isEqualTo(204);
        String entityId = response.headers().firstValue("OData-EntityId").orElseThrow();
        assertThat(entityId).startsWith(server.apiUrl() + "accounts(");
        JsonNode row = DemoClient.json(client.get(entityId));
        assertThat(row.get("name").asText()).isEqualTo("Acme");
        assertThat(row.get("_ownerid_value").asText()).isEqualTo(server.userId());
    }

    @Test
    void aBindToAMissingRowGets404() {
        HttpResponse<String> response = client.post("contacts", "{\"lastname\":\"Doe\","
                + "\"parentcustomerid_account@odata.bind\":\"/accounts(00000000-0000-0000-0000-000000000009)\"}");

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void aBindSetsTheLookupAndItsAnnotationWhenAsked() {
        String account = SampleData.guid(42, "accounts", 1);
        String id = "11111111-2222-3333-4444-555555555555";
        client.patch("tasks(" + id + ")", "{\"subject\":\"Call\","
                + "\"regardingobjectid_account_task@odata.bind\":\"/accounts(" + account + ")\"}");

        JsonNode row = DemoClient.json(client.get("tasks(" + id + ")?$select=_regardingobjectid_value",
                "Prefer", "odata.include-annotations=\"Microsoft.Dynamics.CRM.lookuplogicalname\""));

        assertThat(row.get("_regardingobjectid_value").asText()).isEqualTo(account);
        assertThat(row.get("_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname").asText())
                .isEqualTo("account");
    }
}
