package dev.outpost.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class ChangeTrackingTest {

    private static final String SELECT = "contacts?$select=firstname,lastname";

    private DemoServer server;
    private DemoClient client;

    @BeforeEach
    void start() throws Exception {
        server = DemoServer.start(0, DemoOptions.defaults().records(100));
        client = new DemoClient(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aTrackedListingPagesThroughEveryRowAndEndsWithADeltaLink() {
        DemoClient.Listing listing = client.track(SELECT, 7);

        assertThat(listing.rows()).hasSize(server.count("contacts")).hasSize(30);
        assertThat(listing.pages()).isEqualTo(5);
        assertThat(listing.rows()).allSatisfy(row -> {
            assertThat(row.get("@odata.etag").asText()).matches("W/\"\\d+\"");
            assertThat(row.has("contactid")).isTrue();
        });
        assertThat(listing.rows().stream().map(r -> r.get("contactid").asText()).distinct()).hasSize(30);
        assertThat(listing.deltaLink()).startsWith(server.apiUrl() + "contacts?$select=firstname,lastname&$deltatoken=");
    }

    @Test
    void nextLinksAreAbsoluteAndPreferencesAreApplied() {
        HttpResponse<String> first = client.get(SELECT, "Prefer", "odata.track-changes, odata.maxpagesize=10");

        JsonNode page = DemoClient.json(first);
        assertThat(page.get("value")).hasSize(10);
        assertThat(page.get("@odata.nextLink").asText()).startsWith(server.apiUrl() + "contacts?").contains("$skiptoken=");
        assertThat(page.has("@odata.deltaLink")).isFalse();
        assertThat(first.headers().firstValue("Preference-Applied")).hasValue("odata.track-changes,odata.maxpagesize=10");
    }

    @Test
    void aPageSizeOver5000IsCappedAt5000() {
        HttpResponse<String> first = client.get(SELECT, "Prefer", "odata.track-changes, odata.maxpagesize=9000");

        assertThat(first.headers().firstValue("Preference-Applied")).hasValue("odata.track-changes,odata.maxpagesize=5000");
    }

    @Test
    void aDeltaLinkWithNoChangesReturnsNothingAndANewDeltaLink() {
        String delta = client.track(SELECT, 100).deltaLink();

        DemoClient.Listing changes = client.track(delta, 100);

        assertThat(changes.rows()).isEmpty();
        assertThat(changes.deltaLink()).contains("$deltatoken=");
    }

    @Test
    void aDeltaReturnsCreatedAndUpdatedRowsThenDeletions() {
        String delta = client.track(SELECT, 100).deltaLink();
        String updated = SampleData.guid(42, "contacts", 3);
        String deleted = SampleData.guid(42, "contacts", 4);
        String created = "aaaaaaaa-0000-0000-0000-000000000001";
        client.patch("contacts(" + updated + ")", "{\"firstname\":\"Changed\"}");
        client.delete("contacts(" + deleted + ")");
        client.patch("contacts(" + created + ")", "{\"lastname\":\"New\"}", "If-None-Match", "*");

        List<JsonNode> changes = client.track(delta, 100).rows();

        assertThat(changes).hasSize(3);
        assertThat(changes.get(0).get("contactid").asText()).isEqualTo(updated);
        assertThat(changes.get(0).get("firstname").asText()).isEqualTo("Changed");
        assertThat(changes.get(1).get("contactid").asText()).isEqualTo(created);
        JsonNode tombstone = changes.get(2);
        assertThat(tombstone.properties()).hasSize(3);
        assertThat(tombstone.get("@odata.context").asText())
                .isEqualTo(server.apiUrl() + "$metadata#contacts/$deletedEntity");
        assertThat(tombstone.get("id").asText()).isEqualTo(deleted);
        assertThat(tombstone.get("reason").asText()).isEqualTo("deleted");
    }

    @Test
    void aDeltaPagesToo() {
        String delta = client.track(SELECT, 100).deltaLink();
        for (int i = 0; i < 5; i++) {
            client.patch("contacts(" + SampleData.guid(42, "contacts", i) + ")", "{\"jobtitle\":\"Boss\"}");
        }
        for (int i = 5; i < 8; i++) {
            client.delete("contacts(" + SampleData.guid(42, "contacts", i) + ")");
        }

        DemoClient.Listing changes = client.track(delta, 3);

        assertThat(changes.rows()).hasSize(8);
        assertThat(changes.pages()).isEqualTo(3);
        assertThat(changes.rows().subList(5, 8)).allSatisfy(r -> assertThat(r.get("reason").asText()).isEqualTo("deleted"));
    }

    @Test
    void aRowChangedWhileListingAppearsInTheNextDelta() {
        HttpResponse<String> first = client.get(SELECT, "Prefer", "odata.track-changes, odata.maxpagesize=10");
        String late = SampleData.guid(42, "contacts", 29);
        client.patch("contacts(" + late + ")", "{\"firstname\":\"Late\"}");

        DemoClient.Listing rest = client.track(DemoClient.json(first).get("@odata.nextLink").asText(), 10);
        List<JsonNode> changes = client.track(rest.deltaLink(), 100).rows();

        assertThat(changes).extracting(r -> r.get("contactid").asText()).containsExactly(late);
    }

    @Test
    void filterOrderbyExpandAndTopAreRefusedWithTrackChanges() {
        for (String option : List.of("$filter=lastname eq 'x'", "$orderby=lastname", "$expand=x", "$top=5")) {
            HttpResponse<String> response = client.get("contacts?" + option.replace(" ", "%20"),
                    "Prefer", "odata.track-changes");

            assertThat(response.statusCode()).as(option).isEqualTo(400);
            assertThat(DemoClient.json(response).at("/error/message").asText()).contains(option.split("=")[0]);
        }
    }

    @Test
    void anUnknownDeltaTokenGets400() {
        HttpResponse<String> response = client.get("contacts?$deltatoken=garbage", "Prefer", "odata.track-changes");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(DemoClient.json(response).at("/error/code").asText()).isEqualTo("0x80044352");
    }

    @Test
    void anExpiredDeltaTokenGets400() {
        String delta = client.track(SELECT, 100).deltaLink();
        server.expireDeltaTokensNow();

        HttpResponse<String> response = client.get(delta, "Prefer", "odata.track-changes");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(DemoClient.json(response).at("/error/code").asText()).isEqualTo("0x80044352");
    }

    @Test
    void aListingWithoutTrackChangesPagesButHandsOutNoDeltaLink() {
        JsonNode page = DemoClient.json(client.get(SELECT, "Prefer", "odata.maxpagesize=30"));

        assertThat(page.get("value")).hasSize(30);
        assertThat(page.has("@odata.nextLink")).isFalse();
        assertThat(page.has("@odata.deltaLink")).isFalse();
    }

    @Test
    void anUnknownSelectedColumnGets400() {
        assertThat(client.get("contacts?$select=shoesize", "Prefer", "odata.track-changes").statusCode())
                .isEqualTo(400);
    }
}
