package dev.outpost.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.RecordType;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.ConnectionSettings.MailboxOptions;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.PushLimit;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;

/** The window syncs a mailbox with the options {@code outpost connect} saved; demo mode with the defaults. */
class SyncConnectionMailboxOptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "demo";

    @TempDir
    Path folder;

    private ProfileFolder connectedTo(URI graphUrl, MailboxOptions options) {
        ProfileFolder profile = new ProfileFolder(folder);
        new ConnectionSettings(URI.create("https://contoso.crm.dynamics.com"), "OUTPOST_ACCESS_TOKEN")
                .withMailbox(Optional.of(new ConnectionSettings.Mailbox(graphUrl, "OUTPOST_GRAPH_TOKEN", options)))
                .write(profile);
        return profile;
    }

    private static int limitOf(SyncPair pair) {
        return pair.rules().limit().map(PushLimit::limit).orElseThrow();
    }

    @Test
    void theWindowsOutlookPairKeepsTheSavedLimit() throws Exception {
        ProfileFolder profile = connectedTo(URI.create("https://graph.microsoft.com/v1.0"), MailboxOptions.DEFAULTS.limit(7));

        try (SyncConnection connection = new SyncConnection(profile, Map.of("OUTPOST_GRAPH_TOKEN", TOKEN)::get, 0)) {
            assertThat(limitOf(connection.outlookPair().orElseThrow())).isEqualTo(7);
        }
    }

    @Test
    void demoModeSyncsTheDemoMailboxWithTheDefaultsWhateverTheFileSays() throws Exception {
        ProfileFolder profile = new ProfileFolder(folder);
        ConnectionSettings demo = ConnectionSettings.demoMode();
        demo.withMailbox(demo.mailbox().map(box -> box.with(MailboxOptions.DEFAULTS.limit(7)))).write(profile);

        try (SyncConnection connection = new SyncConnection(profile, Map.<String, String>of()::get, 5)) {
            assertThat(limitOf(connection.outlookPair().orElseThrow())).isEqualTo(PushLimit.OUTLOOK_DEFAULT);
        }
    }

    @Test
    void theWindowSyncsTheEventsOfTheSavedCategoryAndWithAutocaptureTheUnsharedOnes() throws Exception {
        try (DemoServer server = DemoServer.start(0, DemoOptions.defaults().mailboxItems(0).seed(7).fixedToken(TOKEN))) {
            post(server, "Ours", "CRM");
            post(server, "Default category", "Shared with CRM");
            post(server, "Unshared", null);
            ProfileFolder profile = connectedTo(server.graphUrl(), MailboxOptions.DEFAULTS.category("CRM"));

            assertThat(syncedSubjects(profile)).containsExactly("Ours");

            connectedTo(server.graphUrl(), MailboxOptions.DEFAULTS.category("CRM").autocapture(true));
            try (OfflineStore store = OfflineStore.open(profile)) {
                store.sync().clearAnchor("outlook", RecordType.APPOINTMENT); // as outpost connect does on this change
            }
            assertThat(syncedSubjects(profile)).containsExactlyInAnyOrder("Ours", "Default category", "Unshared");
        }
    }

    private List<String> syncedSubjects(ProfileFolder profile) throws Exception {
        try (SyncConnection connection = new SyncConnection(profile, Map.of("OUTPOST_GRAPH_TOKEN", TOKEN)::get, 0);
             OfflineStore store = OfflineStore.open(profile)) {
            SyncPair pair = connection.outlookPair().orElseThrow();
            try {
                new SyncEngine(store.sync()).run(pair, RunOptions.normal());
            } finally {
                ((AutoCloseable) pair.endpoint()).close();
            }
            return store.records().list(RecordType.APPOINTMENT, "").stream().map(r -> r.get("subject")).toList();
        }
    }

    private static void post(DemoServer server, String subject, String category) throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(2));
        ObjectNode event = JSON.createObjectNode().put("subject", subject);
        event.putObject("start").put("dateTime", start.toString().replace("Z", "")).put("timeZone", "UTC");
        event.putObject("end").put("dateTime", start.plus(Duration.ofHours(1)).toString().replace("Z", ""))
                .put("timeZone", "UTC");
        if (category != null) {
            event.putArray("categories").add(category);
        }
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(URI.create(server.graphUrl() + "/me/events"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(event.toString())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
    }
}
