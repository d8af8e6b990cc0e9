package dev.outpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
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
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.RecordType;
import dev.outpost.outlook.OutlookPair;
import dev.outpost.store.Link;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;

/**
 * The mailbox options {@code outpost connect} saves, as {@code outpost sync} applies them: a real store, the engine,
 * the Outlook connector (Graph SDK) and the demo CRM and mailbox over loopback. The mailbox starts empty, so every
 * item in it was made by Outpost.
 */
class OutlookLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOKENS = Map.of("OUTPOST_ACCESS_TOKEN", "demo", "OUTPOST_GRAPH_TOKEN", "demo");

    @TempDir
    Path profile;

    DemoServer server;
    MailboxColleague mailbox;

    @BeforeEach
    void startServer() throws Exception {
        server = DemoServer.start(0, DemoOptions.defaults().records(40).mailboxItems(0).seed(7).fixedToken("demo"));
        mailbox = new MailboxColleague(server.graphUrl(), "demo");
    }

    @AfterEach
    void stopServer() {
        mailbox.close();
        server.stop();
    }

    private CliRun connect(String... options) {
        List<String> args = new ArrayList<>(List.of("connect", "--crm-url", server.url().toString(), "--all-records",
                "contacts,tasks,appointments", "--graph-url", server.graphUrl().toString()));
        args.addAll(List.of(options));
        CliRun run = CliRun.run(profile, args.toArray(String[]::new));
        assertThat(run.exitCode).as(run.err).isZero();
        return run;
    }

    private CliRun sync(String... options) {
        List<String> args = new ArrayList<>(List.of("sync"));
        args.addAll(List.of(options));
        CliRun run = CliRun.runWithEnvironment(TOKENS, profile, args.toArray(String[]::new));
        assertThat(run.exitCode).as(run.err).isZero();
        return run;
    }

    /** Every contact, event and task in the mailbox, by id. */
    private Set<String> mailboxItemIds() throws Exception {
        Set<String> ids = new HashSet<>();
        for (String path : List.of("me/contacts", "me/events", mailbox.tasksPath())) {
            mailbox.all(path).forEach(item -> ids.add(item.get("id").asText()));
        }
        return ids;
    }

    private Map<RecordType, Integer> localCounts() {
        Map<RecordType, Integer> counts = new EnumMap<>(RecordType.class);
        try (OfflineStore store = OfflineStore.open(new ProfileFolder(profile))) {
            for (RecordType type : List.of(RecordType.CONTACT, RecordType.TASK, RecordType.APPOINTMENT)) {
                counts.put(type, store.records().list(type, "").size());
            }
        }
        return counts;
    }

    /** The Outlook items the store links in scope, by type. */
    private Map<RecordType, Set<String>> linkedItems() {
        Map<RecordType, Set<String>> linked = new EnumMap<>(RecordType.class);
        try (OfflineStore store = OfflineStore.open(new ProfileFolder(profile))) {
            for (RecordType type : List.of(RecordType.CONTACT, RecordType.TASK, RecordType.APPOINTMENT)) {
                Set<String> ids = new HashSet<>();
                store.sync().links(OutlookPair.NAME, type).stream().filter(Link::inScope).map(Link::remoteId)
                        .forEach(ids::add);
                linked.put(type, ids);
            }
        }
        return linked;
    }

    private static Set<String> all(Map<RecordType, Set<String>> byType) {
        Set<String> all = new HashSet<>();
        byType.values().forEach(all::addAll);
        return all;
    }

    @Test
    void theOutlookLimitGivenToConnectCapsWhatASyncSendsToTheMailboxAndSaysWhatItLeftOut() throws Exception {
        connect("--outlook-limit", "5");

        CliRun first = sync();

        Map<RecordType, Integer> local = localCounts();
        assertThat(local.values().stream().mapToInt(Integer::intValue).sum()).as("local contacts, tasks, appointments")
                .isGreaterThan(10);
        Map<RecordType, Set<String>> linked = linkedItems();
        assertThat(mailboxItemIds()).as("the items in the mailbox, all made by Outpost").hasSize(5)
                .isEqualTo(all(linked));
        // The types share the limit: the first of each type goes before the second of any.
        linked.forEach((type, ids) -> assertThat(ids).as("%s in Outlook", type.plural()).isNotEmpty());
        for (RecordType type : linked.keySet()) {
            int left = local.get(type) - linked.get(type).size();
            assertThat(first.out).as("the sync's report").contains("    " + left + " " + type.plural()
                    + " not synced with Outlook: over the pair's limit");
        }

        JsonNode report = JSON.readTree(sync("--json").out);
        JsonNode outlook = report.get("pairs").get(1);
        assertThat(outlook.get("pair").asText()).isEqualTo("outlook");
        int overLimit = 0;
        for (JsonNode type : outlook.get("types")) {
            overLimit += type.path("overLimit").asInt();
        }
        assertThat(overLimit).as("overLimit in --json").isEqualTo(local.values().stream().mapToInt(Integer::intValue).sum() - 5);
        assertThat(mailboxItemIds()).as("a second sync sends no more").hasSize(5);

        connect("--outlook-limit", "8");
        sync();

        assertThat(mailboxItemIds()).as("after raising the limit to 8").hasSize(8).containsAll(all(linked))
                .isEqualTo(all(linkedItems()));
    }

    @Test
    void autocaptureTurnedOnWithConnectBringsAnUnsharedEventIn() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(3));
        ObjectNode event = JSON.createObjectNode().put("subject", "Unshared lunch");
        event.set("start", MailboxColleague.dateTime(start));
        event.set("end", MailboxColleague.dateTime(start.plus(Duration.ofHours(1))));
        mailbox.post("me/events", event);
        connect();
        sync();
        assertThat(appointmentsNamed("Unshared lunch")).as("without autocapture").isZero();

        CliRun on = connect("--autocapture");
        sync();

        assertThat(on.out).contains("autocapture on");
        assertThat(appointmentsNamed("Unshared lunch")).as("with autocapture").isEqualTo(1);
    }

    private long appointmentsNamed(String subject) {
        try (OfflineStore store = OfflineStore.open(new ProfileFolder(profile))) {
            return store.records().list(RecordType.APPOINTMENT, "").stream()
                    .filter(r -> subject.equals(r.get("subject"))).count();
        }
    }
}
