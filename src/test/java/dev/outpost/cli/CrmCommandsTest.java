package dev.outpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;

/** connect, sync, conflicts, resolve and issues against the demo CRM over loopback HTTP. */
class CrmCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOKEN = Map.of("OUTPOST_ACCESS_TOKEN", "demo");

    @TempDir
    Path profile;

    DemoServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = DemoServer.start(0, DemoOptions.defaults().records(60).seed(7).fixedToken("demo"));
        assertThat(CliRun.run(profile, "connect", "--crm-url", server.url().toString()).exitCode).isZero();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    private CliRun outpost(String... args) {
        return CliRun.runWithEnvironment(TOKEN, profile, args);
    }

    private JsonNode json(String... args) throws Exception {
        CliRun run = outpost(args);
        assertThat(run.exitCode).as(run.err).isIn(0, 3);
        return JSON.readTree(run.out);
    }

    private static final String EVERY_TYPE = "accounts,contacts,opportunities,tasks,appointments,emails";

    private void syncEveryTypeWhole() {
        CliRun connect = CliRun.run(profile, "connect", "--crm-url", server.url().toString(), "--all-records", EVERY_TYPE);
        assertThat(connect.exitCode).as(connect.err).isZero();
        assertThat(connect.out).contains("Syncing all accounts, contacts");
    }

    @Test
    void byDefaultASyncBringsTheRecordsIOwnAndThoseTheyReferTo() throws Exception {
        Map<String, JsonNode> rows = serverRows();
        Set<String> wanted = new HashSet<>();
        rows.forEach((id, row) -> {
            if (server.userId().equals(row.path("_ownerid_value").asText())) {
                wanted.add(id);
            }
        });
        // What mine refer to, and what those refer to (a task about a colleague's deal at a colleague's account).
        for (int depth = 0; depth < 2; depth++) {
            for (String id : List.copyOf(wanted)) {
                for (String column : List.of("_parentcustomerid_value", "_parentaccountid_value", "_regardingobjectid_value")) {
                    String target = rows.get(id).path(column).asText("");
                    if (rows.containsKey(target)) {
                        wanted.add(target);
                    }
                }
            }
        }
        assertThat(wanted).hasSizeLessThan(60);

        assertThat(outpost("sync").exitCode).isZero();
        assertThat(json("status", "--json").get("totalRecords").asInt()).isEqualTo(wanted.size());

        // Widening the filter lists those types again: everything comes down, nothing is sent.
        syncEveryTypeWhole();
        JsonNode widened = json("sync", "--json");
        assertThat(json("status", "--json").get("totalRecords").asInt()).isEqualTo(60);
        widened.get("types").forEach(t -> assertThat(t.get("pushedCreated").asInt() + t.get("pushedUpdated").asInt()
                + t.get("pushedDeleted").asInt()).isZero());

        // Narrowing it again leaves the colleagues' records here, unlinked, and deletes nothing anywhere.
        assertThat(CliRun.run(profile, "connect", "--crm-url", server.url().toString()).exitCode).isZero();
        JsonNode narrowed = json("sync", "--json");
        narrowed.get("types").forEach(t -> assertThat(t.get("pulledDeleted").asInt() + t.get("pushedDeleted").asInt())
                .isZero());
        assertThat(json("status", "--json").get("totalRecords").asInt()).isEqualTo(60);
        assertThat(serverRows()).hasSize(60);
    }

    @Test
    void aBadTypeInTheFilterIsRefusedWithTheTypesThereAre() {
        CliRun run = CliRun.run(profile, "connect", "--crm-url", server.url().toString(), "--all-records", "acounts");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("acounts").contains("account, contact");
    }

    /** Every row on the server by id, read over the Web API with the owner column. */
    private Map<String, JsonNode> serverRows() throws Exception {
        Map<String, JsonNode> rows = new HashMap<>();
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String set : List.of("accounts", "contacts", "opportunities", "tasks", "appointments", "emails")) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.apiUrl().resolve(set))
                        .header("Authorization", "Bearer demo").header("Prefer", "odata.maxpagesize=5000").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                for (JsonNode row : JSON.readTree(response.body()).get("value")) {
                    String key = set.equals("accounts") ? "accountid" : set.equals("contacts") ? "contactid"
                            : set.equals("opportunities") ? "opportunityid" : "activityid";
                    rows.put(row.get(key).asText(), row);
                }
            }
        }
        return rows;
    }

    @Test
    void withEveryTypeSyncedWholeAFirstSyncBringsEveryRecordAndASecondOneMovesNothing() throws Exception {
        syncEveryTypeWhole();
        CliRun first = outpost("sync");
        assertThat(first.exitCode).as(first.err).isZero();
        assertThat(json("status", "--json").get("totalRecords").asInt()).isEqualTo(60);
        java.util.Set<String> accountIds = new java.util.HashSet<>();
        json("list", "accounts", "--json").forEach(a -> accountIds.add(a.get("id").asText()));
        JsonNode contacts = json("list", "contacts", "--json");
        assertThat(contacts).isNotEmpty();
        // References arrive as the ids of local records, not the server's.
        contacts.forEach(c -> {
            if (!c.get("accountId").isNull()) {
                assertThat(accountIds).contains(c.get("accountId").asText());
            }
        });

        JsonNode second = json("sync", "--json");
        for (JsonNode type : second.get("types")) {
            assertThat(type.get("pulledCreated").asInt() + type.get("pulledUpdated").asInt()
                    + type.get("pushedCreated").asInt() + type.get("pushedUpdated").asInt()).isZero();
        }
    }

    @Test
    void anEditOnBothSidesOfTheSameFieldWaitsWithExitThreeAndItsResolutionLands() throws Exception {
        outpost("sync");
        JsonNode account = json("list", "accounts", "--json").get(0);
        String id = account.get("id").asText();
        outpost("update", "account", id, "city=Oslo");
        // The other user, through a second profile on the same server.
        Path other = profile.resolveSibling(profile.getFileName() + "-other");
        CliRun.run(other, "connect", "--crm-url", server.url().toString());
        CliRun.runWithEnvironment(TOKEN, other, "sync");
        String otherId = JSON.readTree(CliRun.run(other, "list", "accounts", "--search", account.get("name").asText(), "--json").out)
                .get(0).get("id").asText();
        CliRun.run(other, "update", "account", otherId, "city=Lisbon");
        CliRun.runWithEnvironment(TOKEN, other, "sync");

        CliRun conflicted = outpost("sync");
        assertThat(conflicted.exitCode).isEqualTo(SyncCommand.CONFLICTS_WAITING);
        JsonNode conflicts = json("conflicts", "--json");
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.get(0).get("fields").get(0).asText()).isEqualTo("city");

        CliRun resolved = outpost("resolve", conflicts.get(0).get("id").asText(), "--keep", "mine");
        assertThat(resolved.exitCode).as(resolved.err).isZero();
        assertThat(outpost("sync").exitCode).isZero();
        CliRun.runWithEnvironment(TOKEN, other, "sync");
        assertThat(JSON.readTree(CliRun.run(other, "show", "account", otherId, "--json").out).get("city").asText()).isEqualTo("Oslo");
    }

    @Test
    void withoutAnAccessTokenSyncSaysSoAndExitsFour() {
        CliRun run = CliRun.runWithEnvironment(Map.of(), profile, "sync");

        assertThat(run.exitCode).isEqualTo(CrmSession.SIGN_IN_NEEDED);
        assertThat(run.err).contains("OUTPOST_ACCESS_TOKEN");
    }

    @Test
    void anUnconnectedProfileIsToldHowToConnect() {
        CliRun run = CliRun.runWithEnvironment(TOKEN, profile.resolveSibling("fresh"), "sync");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("outpost connect --crm-url");
    }

    @Test
    void plainHttpIsRefusedForAServerOnAnotherComputer() {
        CliRun run = CliRun.run(profile.resolveSibling("other-server"), "connect", "--crm-url", "http://crm.example.com");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("https");
    }

    @Test
    void aServerFailureFailsTheSyncWithItsReasonAndTheNextSyncCompletes() throws Exception {
        syncEveryTypeWhole();
        server.faults().serverErrors(1.0);
        CliRun failed = outpost("sync");
        assertThat(failed.exitCode).isEqualTo(1);
        assertThat(failed.err).isNotBlank();

        server.faults().clear();
        assertThat(outpost("sync").exitCode).isZero();
        assertThat(json("issues", "--json")).isEmpty();
        assertThat(json("status", "--json").get("totalRecords").asInt()).isEqualTo(60);
    }
}
