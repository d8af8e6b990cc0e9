package dev.outpost.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class MailboxTodoTest {

    private DemoServer server;
    private MailboxClient client;
    private String tasks;

    @BeforeEach
    void start() throws Exception {
        server = DemoServer.start(0, DemoOptions.defaults().mailboxItems(60));
        client = new MailboxClient(server);
        JsonNode list = client.ok("me/todo/lists").get("value").get(0);
        tasks = "me/todo/lists/" + list.get("id").asText() + "/tasks";
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void thereIsOneDefaultList() {
        JsonNode lists = client.ok("me/todo/lists").get("value");

        assertThat(lists).hasSize(1);
        assertThat(lists.get(0).get("wellknownListName").asText()).isEqualTo("defaultList");
        assertThat(lists.get(0).get("displayName").asText()).isEqualTo("Tasks");
    }

    @Test
    void aTaskHasTheGraphShape() {
        JsonNode made = client.created(tasks, """
                {"title":"Send quote","body":{"content":"Two pages","contentType":"text"},
                 "dueDateTime":{"dateTime":"2027-01-20T00:00:00","timeZone":"UTC"},"importance":"high",
                 "categories":["Shared with CRM"]}""");
        JsonNode read = client.ok(tasks + "/" + made.get("id").asText());

        assertThat(read.get("@odata.etag").asText()).startsWith("W/\"");
        assertThat(read.get("title").asText()).isEqualTo("Send quote");
        assertThat(read.at("/body/content").asText()).isEqualTo("Two pages");
        assertThat(read.at("/dueDateTime/dateTime").asText()).isEqualTo("2027-01-20T00:00:00.0000000");
        assertThat(read.at("/dueDateTime/timeZone").asText()).isEqualTo("UTC");
        assertThat(read.get("importance").asText()).isEqualTo("high");
        assertThat(read.get("status").asText()).isEqualTo("notStarted");
        assertThat(read.get("createdDateTime").asText()).isNotBlank();
        assertThat(read.get("lastModifiedDateTime").asText()).isNotBlank();
        assertThat(read.has("linkedResources")).as("only when expanded").isFalse();
        JsonNode done = MailboxClient.json(client.patch(tasks + "/" + made.get("id").asText(), "{\"status\":\"completed\"}"));
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(client.patch(tasks + "/" + made.get("id").asText(), "{\"importance\":\"urgent\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void aLinkedResourceMadeWithTheTaskIsFoundByItsExternalIdWhenExpanded() {
        JsonNode made = client.created(tasks, """
                {"title":"Linked","linkedResources":[{"applicationName":"Outpost","displayName":"CRM task",
                 "externalId":"crm-task-17","webUrl":"https://crm.example/tasks/17"}]}""");
        assertThat(made.at("/linkedResources/0/externalId").asText()).isEqualTo("crm-task-17");
        assertThat(made.at("/linkedResources/0/id").asText()).isNotBlank();

        JsonNode all = client.ok(tasks + "?$expand=linkedResources&$top=1000");
        long found = 0;
        for (JsonNode task : all.get("value")) {
            for (JsonNode link : task.path("linkedResources")) {
                if (link.path("externalId").asText().equals("crm-task-17")) {
                    found++;
                    assertThat(task.get("id").asText()).isEqualTo(made.get("id").asText());
                }
            }
        }
        assertThat(found).isEqualTo(1);
    }

    @Test
    void aLinkedResourceCanBeAddedLaterAndChangesTheTask() {
        JsonNode made = client.created(tasks, "{\"title\":\"Later\"}");
        String id = made.get("id").asText();

        JsonNode link = client.created(tasks + "/" + id + "/linkedResources",
                "{\"applicationName\":\"Outpost\",\"displayName\":\"CRM\",\"externalId\":\"crm-1\"}");

        assertThat(link.get("externalId").asText()).isEqualTo("crm-1");
        assertThat(client.ok(tasks + "/" + id + "/linkedResources").get("value")).hasSize(1);
        JsonNode task = client.ok(tasks + "/" + id + "?$expand=linkedResources");
        assertThat(task.at("/linkedResources/0/applicationName").asText()).isEqualTo("Outpost");
        assertThat(task.get("@odata.etag").asText()).isNotEqualTo(made.get("@odata.etag").asText());
    }

    @Test
    void onlyOneLinkedResourceIsAllowedOnCreate() {
        HttpResponse<String> response = client.post(tasks, """
                {"title":"Two","linkedResources":[{"applicationName":"A","displayName":"a"},
                 {"applicationName":"B","displayName":"b"}]}""");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void aDeletedTaskIsGone() {
        String id = client.created(tasks, "{\"title\":\"Short-lived\"}").get("id").asText();

        assertThat(client.delete(tasks + "/" + id).statusCode()).isEqualTo(204);
        assertThat(client.get(tasks + "/" + id).statusCode()).isEqualTo(404);
    }
}
