package dev.outpost.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class SampleDataTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final List<String> SETS = List.of("accounts", "contacts", "opportunities", "tasks", "appointments",
            "emails");

    private static Map<String, List<String>> everything(DemoServer server) {
        DemoClient client = new DemoClient(server);
        return SETS.stream().collect(Collectors.toMap(s -> s, s -> client.track(s, 5000).rows().stream()
                .map(JsonNode::toString).toList()));
    }

    @Test
    void theSameSeedGivesTheSameRows() throws Exception {
        try (DemoServer one = DemoServer.start(0, DemoOptions.defaults().records(300).seed(5).sampleTime(NOW));
             DemoServer two = DemoServer.start(0, DemoOptions.defaults().records(300).seed(5).sampleTime(NOW))) {
            assertThat(everything(one)).isEqualTo(everything(two));
            assertThat(one.userId()).isEqualTo(two.userId());
        }
    }

    @Test
    void anotherSeedGivesOtherRows() throws Exception {
        try (DemoServer one = DemoServer.start(0, DemoOptions.defaults().records(100).seed(5).sampleTime(NOW));
             DemoServer two = DemoServer.start(0, DemoOptions.defaults().records(100).seed(6).sampleTime(NOW))) {
            assertThat(everything(one).get("contacts")).isNotEqualTo(everything(two).get("contacts"));
        }
    }

    @Test
    void allSixSetsGetRowsInSampleRecordsProportions() throws Exception {
        try (DemoServer server = DemoServer.start(0, DemoOptions.defaults().records(1000))) {
            SampleRecords.split(1000).forEach((type, count) ->
                    assertThat(server.count(type.plural())).as(type.plural()).isEqualTo(count));
        }
    }

    @Test
    void everyReferencePointsAtAnExistingRowOfTheNamedEntity() throws Exception {
        try (DemoServer server = DemoServer.start(0, DemoOptions.defaults().records(500))) {
            DemoClient client = new DemoClient(server);
            Map<String, Set<String>> ids = SETS.stream().collect(Collectors.toMap(s -> s, s -> new HashSet<>()));
            Map<String, List<JsonNode>> rows = SETS.stream().collect(Collectors.toMap(s -> s, s -> {
                List<JsonNode> listed = client.track(s + "?$select=_ownerid_value" + lookup(s), 5000).rows();
                listed.forEach(r -> ids.get(s).add(r.get(key(s)).asText()));
                return listed;
            }));
            int checked = 0;
            for (String set : SETS) {
                for (JsonNode row : rows.get(set)) {
                    assertThat(row.get("_ownerid_value").asText()).isNotBlank();
                    if (!lookup(set).isEmpty() && !row.get(lookup(set).substring(1)).isNull()) {
                        String target = row.get(lookup(set).substring(1) + EntitySet.LOOKUP_NAME).asText();
                        String targetSet = target.equals("opportunity") ? "opportunities" : target + "s";
                        assertThat(ids.get(targetSet)).contains(row.get(lookup(set).substring(1)).asText());
                        checked++;
                    }
                }
            }
            assertThat(checked).isGreaterThan(300);
        }
    }

    @Test
    void mostRowsBelongToTheSignedInUser() throws Exception {
        try (DemoServer server = DemoServer.start(0, DemoOptions.defaults().records(500))) {
            List<JsonNode> contacts = new DemoClient(server).track("contacts?$select=_ownerid_value", 5000).rows();
            long mine = contacts.stream().filter(r -> r.get("_ownerid_value").asText().equals(server.userId())).count();

            assertThat(mine).isGreaterThan(contacts.size() * 3L / 4).isLessThan(contacts.size());
        }
    }

    private static String lookup(String set) {
        return switch (set) {
            case "contacts" -> ",_parentcustomerid_value";
            case "opportunities" -> ",_parentaccountid_value";
            case "accounts" -> "";
            default -> ",_regardingobjectid_value";
        };
    }

    private static String key(String set) {
        return EntitySet.named(set).orElseThrow().key();
    }
}
