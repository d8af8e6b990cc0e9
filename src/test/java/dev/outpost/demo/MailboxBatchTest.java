package dev.outpost.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class MailboxBatchTest {

    private DemoServer server;
    private MailboxClient client;

    @BeforeEach
    void start() throws Exception {
        server = DemoServer.start(0, DemoOptions.defaults().mailboxItems(40));
        client = new MailboxClient(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void twentyRequestsRunAndEachGetsItsOwnResponse() {
        StringJoiner requests = new StringJoiner(",");
        for (int i = 1; i <= 20; i++) {
            requests.add("""
                    {"id":"%d","method":"POST","url":"/me/contacts","headers":{"Content-Type":"application/json"},
                     "body":{"givenName":"Batch","surname":"No%d"}}""".formatted(i, i));
        }
        int before = server.mailboxCount("contacts");

        Map<String, JsonNode> responses = batch("{\"requests\":[" + requests + "]}");

        assertThat(responses).hasSize(20);
        assertThat(responses.values()).allSatisfy(r -> assertThat(r.get("status").asInt()).isEqualTo(201));
        assertThat(responses.get("7").at("/body/surname").asText()).isEqualTo("No7");
        assertThat(responses.get("7").at("/headers/Content-Type").asText()).startsWith("application/json");
        assertThat(server.mailboxCount("contacts")).isEqualTo(before + 20);
    }

    @Test
    void moreThanTwentyRequestsAreRefused() {
        StringJoiner requests = new StringJoiner(",");
        for (int i = 1; i <= 21; i++) {
            requests.add("{\"id\":\"" + i + "\",\"method\":\"GET\",\"url\":\"/me/contacts?$top=1\"}");
        }

        HttpResponse<String> response = client.post("$batch", "{\"requests\":[" + requests + "]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(MailboxClient.json(response).at("/error/code").asText()).isNotBlank();
    }

    @Test
    void aRequestWhoseDependencyFailedGets424AndTheOthersTheirOwnStatus() {
        Map<String, JsonNode> responses = batch("""
                {"requests":[
                 {"id":"1","method":"GET","url":"/me/contacts/AAMkAGRlbW8nope"},
                 {"id":"2","dependsOn":["1"],"method":"PATCH","url":"/me/contacts/AAMkAGRlbW8nope",
                  "headers":{"Content-Type":"application/json"},"body":{"jobTitle":"x"}},
                 {"id":"3","method":"GET","url":"/me/contacts?$top=2"},
                 {"id":"4","method":"POST","url":"/me/outlook/masterCategories","headers":{"Content-Type":"application/json"},
                  "body":{"displayName":"Shared with CRM","color":"preset9"}},
                 {"id":"5","method":"DELETE","url":"/me/events/AAMkAGRlbW8nope"}
                ]}""");

        assertThat(responses.get("1").get("status").asInt()).isEqualTo(404);
        assertThat(responses.get("2").get("status").asInt()).isEqualTo(424);
        assertThat(responses.get("3").get("status").asInt()).isEqualTo(200);
        assertThat(responses.get("3").at("/body/value")).hasSize(2);
        assertThat(responses.get("4").get("status").asInt()).isEqualTo(409);
        assertThat(responses.get("5").get("status").asInt()).isEqualTo(404);
    }

    @Test
    void dependenciesRunFirstWhateverTheirPlaceInTheBatch() {
        Map<String, JsonNode> responses = batch("""
                {"requests":[
                 {"id":"b","dependsOn":["a"],"method":"GET","url":"/me/outlook/masterCategories"},
                 {"id":"a","method":"POST","url":"/me/outlook/masterCategories","headers":{"Content-Type":"application/json"},
                  "body":{"displayName":"Batch colour","color":"preset2"}}
                ]}""");

        assertThat(responses.get("a").get("status").asInt()).isEqualTo(201);
        assertThat(responses.get("b").at("/body/value").toString()).contains("Batch colour");
    }

    @Test
    void throttlingMeetsEachPartOnItsOwn() {
        server.faults().throttle(0.5, 3);
        StringJoiner requests = new StringJoiner(",");
        for (int i = 1; i <= 20; i++) {
            requests.add("{\"id\":\"" + i + "\",\"method\":\"GET\",\"url\":\"/me/todo/lists\"}");
        }
        HttpResponse<String> response = client.post("$batch", "{\"requests\":[" + requests + "]}");
        for (int attempt = 0; attempt < 30 && response.statusCode() == 429; attempt++) {
            response = client.post("$batch", "{\"requests\":[" + requests + "]}");
        }

        assertThat(response.statusCode()).isEqualTo(200);
        java.util.List<JsonNode> parts = new java.util.ArrayList<>();
        MailboxClient.json(response).get("responses").forEach(parts::add);
        assertThat(parts).anySatisfy(p -> {
            assertThat(p.get("status").asInt()).isEqualTo(429);
            assertThat(p.at("/headers/Retry-After").asText()).isEqualTo("3");
        });
        assertThat(parts).anySatisfy(p -> assertThat(p.get("status").asInt()).isEqualTo(200));
    }

    @Test
    void aBatchNeedsAToken() {
        assertThat(client.token(null).post("$batch", "{\"requests\":[]}").statusCode()).isEqualTo(401);
    }

    private Map<String, JsonNode> batch(String body) {
        HttpResponse<String> response = client.post("$batch", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, JsonNode> byId = new HashMap<>();
        MailboxClient.json(response).get("responses").forEach(r -> byId.put(r.get("id").asText(), r));
        return byId;
    }
}
