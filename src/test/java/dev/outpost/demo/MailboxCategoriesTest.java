package dev.outpost.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class MailboxCategoriesTest {

    private DemoServer server;
    private MailboxClient client;

    @BeforeEach
    void start() throws Exception {
        server = DemoServer.start(0, DemoOptions.defaults());
        client = new MailboxClient(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theMasterListHoldsSharedWithCrm() {
        JsonNode categories = client.ok("me/outlook/masterCategories").get("value");

        assertThat(categories.findValuesAsText("displayName")).contains("Shared with CRM", "Red category");
        assertThat(categories.get(0).get("id").asText()).isNotBlank();
        assertThat(categories.get(0).get("color").asText()).startsWith("preset");
    }

    @Test
    void aNewCategoryIsCreatedWith201() {
        JsonNode made = client.created("me/outlook/masterCategories", "{\"displayName\":\"Project expenses\",\"color\":\"preset9\"}");

        assertThat(made.get("displayName").asText()).isEqualTo("Project expenses");
        assertThat(made.get("color").asText()).isEqualTo("preset9");
        assertThat(client.ok("me/outlook/masterCategories").get("value").findValuesAsText("displayName"))
                .contains("Project expenses");
    }

    @Test
    void aDuplicateDisplayNameIsA409WithAGraphError() {
        HttpResponse<String> response = client.post("me/outlook/masterCategories",
                "{\"displayName\":\"shared with crm\",\"color\":\"preset1\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(MailboxClient.json(response).at("/error/code").asText()).isNotBlank();
        assertThat(MailboxClient.json(response).at("/error/message").asText()).contains("already exists");
    }

    @Test
    void aColourOutsideThePresetsIsRefused() {
        assertThat(client.post("me/outlook/masterCategories", "{\"displayName\":\"Odd\",\"color\":\"preset25\"}")
                .statusCode()).isEqualTo(400);
    }
}
