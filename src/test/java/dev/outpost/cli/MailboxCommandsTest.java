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
import dev.outpost.model.RecordType;
import dev.outpost.outlook.OutlookPair;
import dev.outpost.outlook.OutlookSettings;
import dev.outpost.store.ConnectionSettings.MailboxOptions;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.PushLimit;

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

    private CliRun connectWithMailbox(String... options) {
        List<String> args = new ArrayList<>(List.of("connect", "--crm-url", server.url().toString(), "--all-records",
                "contacts,tasks,appointments", "--graph-url", server.graphUrl().toString()));
        args.addAll(List.of(options));
        return CliRun.run(profile, args.toArray(String[]::new));
    }

    private JsonNode savedMailbox() throws Exception {
        return JSON.readTree(Files.readString(profile.resolve("connection.json"))).path("mailbox");
    }

    /** The Outlook types that have an anchor, i.e. that the next sync reads as changes rather than listing in full. */
    private List<RecordType> anchoredOutlookTypes() {
        try (OfflineStore store = OfflineStore.open(new ProfileFolder(profile))) {
            return OutlookPair.TYPES.stream().filter(t -> store.sync().anchor(OutlookPair.NAME, t).isPresent()).toList();
        }
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
        String account = CliRun.run(profile, "create", "account", "name=Not for Outlook").out.strip();
        CliRun refused = CliRun.run(profile, "track", "account", account);
        assertThat(refused.exitCode).isEqualTo(2);
        assertThat(refused.err).contains("Only contacts, tasks and appointments");
    }

    @Test
    void aMissingGraphTokenStopsTheSyncBeforeItStartsWithExitFour() {
        connectWithMailbox();

        CliRun run = CliRun.runWithEnvironment(Map.of("OUTPOST_ACCESS_TOKEN", "demo"), profile, "sync");

        assertThat(run.exitCode).isEqualTo(CrmSession.SIGN_IN_NEEDED);
        assertThat(run.err).contains("$OUTPOST_GRAPH_TOKEN");
        assertThat(server.requestCount()).as("requests sent").isZero();
    }

    @Test
    void theStoresDefaultsAreTheConnectorsDefaults() {
        OutlookSettings connector = OutlookSettings.of(server.graphUrl(), () -> "");
        MailboxOptions saved = MailboxOptions.DEFAULTS;

        assertThat(saved.category()).isEqualTo(connector.shareCategory());
        assertThat(List.of(saved.daysBack(), saved.daysAhead())).containsExactly(connector.daysBack(), connector.daysAhead());
        assertThat(saved.autocapture()).isEqualTo(connector.autocapture());
        assertThat(saved.shareReplies()).isEqualTo(connector.shareReplies());
        assertThat(saved.limit()).isEqualTo(PushLimit.OUTLOOK_DEFAULT);
    }

    @Test
    void syncGivesTheOutlookConnectorTheSavedOptions() {
        OutlookSettings settings = CrmSession.outlookSettings(server.graphUrl(), () -> "", MailboxOptions.DEFAULTS
                .category("CRM").calendarWindow(7, 60).autocapture(true).shareReplies(true));

        assertThat(settings.shareCategory()).isEqualTo("CRM");
        assertThat(List.of(settings.daysBack(), settings.daysAhead())).containsExactly(7, 60);
        assertThat(settings.autocapture()).isTrue();
        assertThat(settings.shareReplies()).isTrue();
    }

    @Test
    void connectSavesTheMailboxOptionsGivenAndSaysThemInItsConfirmation() throws Exception {
        CliRun run = connectWithMailbox("--category", "CRM", "--calendar-window", "7,60", "--outlook-limit", "250",
                "--autocapture", "--share-replies");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("items in the category \"CRM\" sync").contains("calendar 7 days back, 60 ahead")
                .contains("at most 250 contacts, tasks and appointments").contains("autocapture on")
                .contains("sharing of replies on");
        JsonNode box = savedMailbox();
        assertThat(box.path("category").asText()).isEqualTo("CRM");
        assertThat(box.path("daysBack").asInt()).isEqualTo(7);
        assertThat(box.path("daysAhead").asInt()).isEqualTo(60);
        assertThat(box.path("limit").asInt()).isEqualTo(250);
        assertThat(box.path("autocapture").asBoolean()).isTrue();
        assertThat(box.path("shareReplies").asBoolean()).isTrue();
    }

    @Test
    void withoutOptionsConnectSavesAndSaysTheDefaults() throws Exception {
        CliRun run = connectWithMailbox();

        assertThat(run.out).contains("items in the category \"Shared with CRM\" sync")
                .contains("calendar 30 days back, 180 ahead").contains("at most 5000 contacts")
                .contains("autocapture off").contains("sharing of replies off");
        assertThat(savedMailbox().path("limit").asInt()).isEqualTo(5000);
    }

    @Test
    void connectingTheSameMailboxAgainKeepsTheOptionsNotGiven() throws Exception {
        connectWithMailbox("--category", "CRM", "--outlook-limit", "250", "--autocapture");

        CliRun again = connectWithMailbox("--no-autocapture", "--calendar-window", "10,20");

        assertThat(again.exitCode).as(again.err).isZero();
        JsonNode box = savedMailbox();
        assertThat(box.path("category").asText()).isEqualTo("CRM");
        assertThat(box.path("limit").asInt()).isEqualTo(250);
        assertThat(box.path("autocapture").asBoolean()).isFalse();
        assertThat(box.path("daysBack").asInt()).isEqualTo(10);
        assertThat(box.path("daysAhead").asInt()).isEqualTo(20);
    }

    @Test
    void aMailboxOptionOutOfRangeIsAUsageErrorAndNothingIsSaved() {
        for (List<String> wrong : List.of(List.of("--outlook-limit", "0"), List.of("--outlook-limit", "100001"),
                List.of("--calendar-window", "30"), List.of("--calendar-window", "30,x"), List.of("--calendar-window", "-1,180"),
                List.of("--calendar-window", "30,0"), List.of("--category", " "))) {
            CliRun run = connectWithMailbox(wrong.toArray(String[]::new));

            assertThat(run.exitCode).as("%s: %s", wrong, run.err).isEqualTo(2);
            assertThat(run.err).as("%s", wrong).containsAnyOf("between 1 and 100000", "--calendar-window takes two",
                    "days back", "days ahead", "needs a name");
            assertThat(profile.resolve("connection.json")).as("%s", wrong).doesNotExist();
        }
    }

    @Test
    void mailboxOptionsWithoutAMailboxAreAUsageError() {
        CliRun run = CliRun.run(profile, "connect", "--crm-url", server.url().toString(), "--outlook-limit", "10");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("give --graph-url URL too");
        assertThat(profile.resolve("connection.json")).doesNotExist();
    }

    @Test
    void anotherCategoryMakesTheNextSyncListEveryOutlookTypeAgain() {
        connectWithMailbox();
        assertThat(CliRun.runWithEnvironment(TOKENS, profile, "sync").exitCode).isZero();
        assertThat(anchoredOutlookTypes()).containsExactlyElementsOf(OutlookPair.TYPES);

        assertThat(connectWithMailbox("--category", "CRM").exitCode).isZero();

        assertThat(anchoredOutlookTypes()).isEmpty();
    }

    @Test
    void anotherCategorySaysThatItemsCarryingOnlyTheOldOneStopSyncing() {
        connectWithMailbox();
        CliRun before = connectWithMailbox("--category", "CRM");
        assertThat(before.out).as("nothing synced yet").doesNotContain("no longer synced");
        assertThat(CliRun.runWithEnvironment(TOKENS, profile, "sync").exitCode).isZero();

        CliRun run = connectWithMailbox("--category", "Customers");

        assertThat(run.out).contains("Outlook items that carry only \"CRM\" (those Outpost sent there too) are no "
                + "longer synced; give them \"Customers\" in Outlook to sync them again.");
        assertThat(connectWithMailbox("--category", "customers").out).as("the same name in other case")
                .doesNotContain("no longer synced");
    }

    @Test
    void anotherCalendarWindowOrAutocaptureMakesTheNextSyncListOnlyTheCalendarAgain() {
        connectWithMailbox();
        assertThat(CliRun.runWithEnvironment(TOKENS, profile, "sync").exitCode).isZero();

        assertThat(connectWithMailbox("--calendar-window", "10,90").exitCode).isZero();
        assertThat(anchoredOutlookTypes()).containsExactly(RecordType.CONTACT, RecordType.TASK, RecordType.EMAIL);

        assertThat(CliRun.runWithEnvironment(TOKENS, profile, "sync").exitCode).isZero();
        assertThat(connectWithMailbox("--autocapture").exitCode).isZero();
        assertThat(anchoredOutlookTypes()).doesNotContain(RecordType.APPOINTMENT).hasSize(3);
    }

    @Test
    void reconnectingWithTheSameOptionsOrAnotherLimitKeepsEveryAnchor() {
        connectWithMailbox();
        assertThat(CliRun.runWithEnvironment(TOKENS, profile, "sync").exitCode).isZero();

        assertThat(connectWithMailbox().exitCode).isZero();
        assertThat(connectWithMailbox("--outlook-limit", "10").exitCode).isZero();

        assertThat(anchoredOutlookTypes()).containsExactlyElementsOf(OutlookPair.TYPES);
    }
}
