package dev.outpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;

/** connect --graph-url and sync with both pairs, against the demo CRM and mailbox over loopback HTTP. */
class MailboxCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOKENS = Map.of("OUTPOST_ACCESS_TOKEN", "demo", "OUTPOST_GRAPH_TOKEN", "demo");

    @TempDir
    Path profile;

    DemoServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = DemoServer.start(0, DemoOptions.defaults().records(40).mailboxItems(30).seed(7).fixedToken("demo"));
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    private CliRun connectWithMailbox() {
        return CliRun.run(profile, "connect", "--crm-url", server.url().toString(), "--all-records",
                "contacts,tasks,appointments", "--graph-url", server.graphUrl().toString());
    }

    @Test
    void connectWithAGraphUrlKeepsTheMailboxInTheConnectionSettings() throws Exception {
        CliRun run = connectWithMailbox();

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("Outlook mailbox: " + server.graphUrl()).contains("$OUTPOST_GRAPH_TOKEN");
        JsonNode saved = JSON.readTree(Files.readString(profile.resolve("connection.json")));
        assertThat(saved.path("mailbox").path("graphUrl").asText()).isEqualTo(server.graphUrl().toString());
        assertThat(saved.path("mailbox").path("tokenVariable").asText()).isEqualTo("OUTPOST_GRAPH_TOKEN");
    }

    @Test
    void connectWithoutAGraphUrlSavesNoMailbox() throws Exception {
        assertThat(CliRun.run(profile, "connect", "--crm-url", server.url().toString()).exitCode).isZero();

        assertThat(JSON.readTree(Files.readString(profile.resolve("connection.json"))).has("mailbox")).isFalse();
    }

    @Test
    void aGraphUrlOverPlainHttpToAnotherMachineIsRefused() {
        CliRun run = CliRun.run(profile, "connect", "--crm-url", server.url().toString(), "--graph-url",
                "http://graph.example.com/v1.0");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("https");
    }

    @Test
    void syncRunsBothPairsAndPrintsEach() throws Exception {
        connectWithMailbox();

        CliRun first = CliRun.runWithEnvironment(TOKENS, profile, "sync");
        assertThat(first.exitCode).as(first.err).isZero();
        assertThat(first.out).contains("CRM").contains("Outlook").contains("contacts");

        CliRun second = CliRun.runWithEnvironment(TOKENS, profile, "sync", "--json");
        assertThat(second.exitCode).as(second.err).isZero();
        JsonNode report = JSON.readTree(second.out);
        List<String> pairs = new ArrayList<>();
        report.get("pairs").forEach(p -> pairs.add(p.get("pair").asText()));
        assertThat(pairs).containsExactly("crm", "outlook");
        report.get("pairs").forEach(p -> p.get("types").forEach(t -> assertThat(t.get("pushedCreated").asInt()
                + t.get("pushedUpdated").asInt() + t.get("pulledCreated").asInt() + t.get("pulledUpdated").asInt())
                .as("%s %s in a second sync", p.get("pair"), t.get("type")).isZero()));
    }

    @Test
    void anUntrackedContactStaysOutOfOutlookUntilTrackedAgainAndNothingIsDeleted() throws Exception {
        assertThat(connectWithMailbox().exitCode).isZero();
        String id = CliRun.run(profile, "create", "contact", "firstName=Una", "lastName=Tracked").out.strip();
        CliRun untrack = CliRun.run(profile, "untrack", "contact", id.substring(0, 8));
        assertThat(untrack.exitCode).as(untrack.err).isZero();
        assertThat(untrack.out).contains("Una Tracked").contains("stays here and in the CRM");

        assertThat(CliRun.runWithEnvironment(TOKENS, profile, "sync").exitCode).isZero();
        try (MailboxColleague mailbox = new MailboxColleague(server.graphUrl(), "demo")) {
            assertThat(mailbox.all("me/contacts")).noneSatisfy(c -> assertThat(c.path("surname").asText()).isEqualTo("Tracked"));
            assertThat(CliRun.run(profile, "track", "contact", id).exitCode).isZero();
            assertThat(CliRun.runWithEnvironment(TOKENS, profile, "sync").exitCode).isZero();
            assertThat(mailbox.all("me/contacts")).filteredOn(c -> c.path("surname").asText().equals("Tracked")).hasSize(1);
        }
        assertThat(CliRun.run(profile, "untrack", "contact", "nosuchid").exitCode).isEqualTo(1);
    }

    @Test
    void aMissingGraphTokenStopsTheSyncBeforeItStartsWithExitFour() {
        connectWithMailbox();

        CliRun run = CliRun.runWithEnvironment(Map.of("OUTPOST_ACCESS_TOKEN", "demo"), profile, "sync");

        assertThat(run.exitCode).isEqualTo(CrmSession.SIGN_IN_NEEDED);
        assertThat(run.err).contains("$OUTPOST_GRAPH_TOKEN");
        assertThat(server.requestCount()).as("requests sent").isZero();
    }
}
