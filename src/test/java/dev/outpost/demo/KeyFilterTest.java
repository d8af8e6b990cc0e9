package dev.outpost.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Plain listings filtered on the key, as the connector reads referenced rows; every other filter gets a 400. */
class KeyFilterTest {

    private static final long SEED = 42;
    private DemoServer server;
    private DemoClient client;

    @BeforeEach
    void start() throws Exception {
        server = DemoServer.start(0, DemoOptions.defaults().records(300).seed(SEED));
        client = new DemoClient(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static String contact(int index) {
        return SampleData.guid(SEED, "contacts", index);
    }

    private static String encode(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> filtered(String set, String filter, String... headers) {
        return client.get(set + "?$select=contactid,lastname&$filter=" + encode(filter), headers);
    }

    private static List<String> ids(HttpResponse<String> response) {
        List<String> ids = new ArrayList<>();
        DemoClient.json(response).get("value").forEach(row -> ids.add(row.get("contactid").asText()));
        return ids;
    }

    @Test
    void theInFunctionOnTheKeyAnswersExactlyTheRowsThatExist() {
        String missing = "00000000-0000-4000-8000-000000000001";
        String account = SampleData.guid(SEED, "accounts", 0);
        String filter = "Microsoft.Dynamics.CRM.In(PropertyName='contactid',PropertyValues=['" + contact(0) + "','"
                + contact(3).toUpperCase() + "','" + missing + "','" + account + "'])";

        HttpResponse<String> response = filtered("contacts", filter);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(ids(response)).containsExactlyInAnyOrder(contact(0), contact(3));
        JsonNode body = DemoClient.json(response);
        assertThat(body.has("@odata.nextLink")).isFalse();
        assertThat(body.has("@odata.deltaLink")).isFalse();
        assertThat(body.get("value").get(0).has("lastname")).isTrue();
    }

    @Test
    void doubleQuotedValuesAndEqOrChainsWorkToo() {
        HttpResponse<String> quoted = filtered("contacts", "Microsoft.Dynamics.CRM.In(PropertyName='contactid',"
                + "PropertyValues=[\"" + contact(1) + "\", \"" + contact(2) + "\"])");
        HttpResponse<String> chain = filtered("contacts", "contactid eq " + contact(1) + " or contactid eq " + contact(2));

        assertThat(ids(quoted)).containsExactlyInAnyOrder(contact(1), contact(2));
        assertThat(ids(chain)).containsExactlyInAnyOrder(contact(1), contact(2));
    }

    @Test
    void aFilteredListingPagesWithTheFilterInTheNextLink() {
        String filter = "Microsoft.Dynamics.CRM.In(PropertyName='contactid',PropertyValues=["
                + java.util.stream.IntStream.range(0, 25).mapToObj(i -> "'" + contact(i) + "'")
                        .collect(Collectors.joining(",")) + "])";
        List<String> seen = new ArrayList<>();
        String url = "contacts?$select=contactid&$filter=" + encode(filter);
        int pages = 0;
        while (url != null) {
            HttpResponse<String> response = client.get(url, "Prefer", "odata.maxpagesize=10");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = DemoClient.json(response);
            page.get("value").forEach(row -> seen.add(row.get("contactid").asText()));
            url = page.has("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, 25).mapToObj(KeyFilterTest::contact).toList());
    }

    @Test
    void filtersTheDemoServerDoesNotUnderstandGet400WithAnODataError() {
        for (String filter : List.of(
                "lastname eq 'x'",
                "Microsoft.Dynamics.CRM.In(PropertyName='lastname',PropertyValues=['x'])",
                "Microsoft.Dynamics.CRM.In(PropertyName='shoesize',PropertyValues=['" + contact(0) + "'])",
                "Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=@p2)",
                "Microsoft.Dynamics.CRM.In(PropertyName='contactid',PropertyValues=[])",
                "Microsoft.Dynamics.CRM.In(PropertyName='contactid',PropertyValues=['not-a-guid'])",
                "Microsoft.Dynamics.CRM.NotIn(PropertyName='contactid',PropertyValues=['" + contact(0) + "'])",
                "Microsoft.Dynamics.CRM.In(PropertyName='contactid',PropertyValues=['" + contact(0) + "'",
                "contactid eq " + contact(0) + " and contactid eq " + contact(1),
                "contactid ne " + contact(0),
                "(contactid eq " + contact(0) + ")",
                "accountid eq " + contact(0),
                "")) {
            HttpResponse<String> response = filtered("contacts", filter);

            assertThat(response.statusCode()).as(filter).isEqualTo(400);
            JsonNode error = DemoClient.json(response).get("error");
            assertThat(error.get("code").asText()).as(filter).isEqualTo(ODataErrors.BAD_PROPERTY);
            assertThat(error.get("message").asText()).as(filter).isNotBlank();
        }
    }

    @Test
    void aFilterWithChangeTrackingIsStillRefused() {
        HttpResponse<String> response = filtered("contacts",
                "Microsoft.Dynamics.CRM.In(PropertyName='contactid',PropertyValues=['" + contact(0) + "'])",
                "Prefer", "odata.track-changes");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(DemoClient.json(response).at("/error/message").asText()).contains("$filter")
                .contains("change tracking");
    }

    @Test
    void anUnknownSetIs404NotAnEmptyAnswer() {
        HttpResponse<String> response = client.get("shoes?$filter=" + encode("shoeid eq " + contact(0)));

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
