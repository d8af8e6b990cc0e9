package dev.outpost.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.WriteOutcome;

/** The sharing rules and the write path against the demo mailbox, over loopback, through the Graph SDK. */
class OutlookDemoMailboxTest {

    private static final String SHARED = OutlookSettings.DEFAULT_CATEGORY;

    @TempDir
    Path profile;

    private DemoServer server;
    private String token;
    private final List<OutlookEndpoint> endpoints = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = DemoServer.start(0, DemoOptions.defaults().records(0).mailboxItems(40));
        token = server.issueToken();
    }

    @AfterEach
    void stop() {
        endpoints.forEach(OutlookEndpoint::close);
        server.close();
    }

    private OutlookEndpoint endpoint(java.util.function.UnaryOperator<OutlookSettings> options) {
        OutlookEndpoint endpoint = new OutlookEndpoint(options.apply(OutlookSettings.of(server.graphUrl(), () -> token)));
        endpoints.add(endpoint);
        return endpoint;
    }

    @Test
    void theSharingCategoryMissingFromTheMailboxIsAddedAtTheFirstSyncOnce() {
        deleteTheSharingCategory();
        assertThat(categoryNames()).doesNotContain(SHARED);
        OutlookEndpoint outlook = endpoint(s -> s);

        listAll(outlook, RecordType.CONTACT);
        listAll(outlook, RecordType.TASK);

        assertThat(categoryNames()).containsOnlyOnce(SHARED);
        JsonNode made = StreamSupport.stream(send("GET", "me/outlook/masterCategories", null).path("value").spliterator(), false)
                .filter(c -> c.path("displayName").asText().equals(SHARED)).findFirst().orElseThrow();
        assertThat(made.path("color").asText()).isEqualTo("preset7");
    }

    @Test
    void aCategoryAlreadyThereIsLeftAsItIs() {
        long before = server.requestCount();
        OutlookEndpoint outlook = endpoint(s -> s);

        outlook.changes(RecordType.CONTACT, Optional.empty());
        outlook.changes(RecordType.CONTACT, Optional.empty());

        assertThat(server.requestCount() - before).as("one look at the categories, two delta pages").isEqualTo(3);
        assertThat(categoryNames()).containsOnlyOnce(SHARED);
    }

    @Test
    void aPushAfterThePullAsksOnceWhatChangedAndReadsNoItem() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(contact("Push " + i).path("id").asText());
        }
        OutlookEndpoint outlook = endpoint(s -> s);
        Map<String, RemoteRecord> pulled = upserts(listAll(outlook, RecordType.CONTACT));
        send("PATCH", "me/contacts/" + ids.get(2), GraphStub.JSON.createObjectNode().put("jobTitle", "Changed in Outlook"));
        long before = server.requestCount();

        List<WriteOutcome> outcomes = outlook.write(RecordType.CONTACT, ids.stream().map(id -> (RemoteWrite)
                new RemoteWrite.Update(id, pulled.get(id).version(), Map.of("lastName", "Pushed"))).toList());

        assertThat(server.requestCount() - before).as("the delta since the pull, then two batches of writes (20 + 4)")
                .isEqualTo(3);
        assertThat(outcomes.subList(0, 2)).allSatisfy(o -> assertThat(o).isInstanceOf(WriteOutcome.Written.class));
        assertThat(outcomes.subList(3, 25)).allSatisfy(o -> assertThat(o).isInstanceOf(WriteOutcome.Written.class));
        assertThat(outcomes.get(2)).as("changed in Outlook since the pull").isEqualTo(new WriteOutcome.RemoteChanged());
        assertThat(send("GET", "me/contacts/" + ids.get(0), null).path("surname").asText()).isEqualTo("Pushed");
        assertThat(send("GET", "me/contacts/" + ids.get(2), null).path("surname").asText()).isEqualTo("Push 2");
    }

    @Test
    void withAutocaptureAnAppointmentWithoutTheCategoryIsInScopeAndAnUpdateLeavesItsCategoriesAlone() {
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        ObjectNode body = GraphStub.JSON.createObjectNode().put("subject", "Autocaptured");
        body.putObject("start").put("dateTime", start.toString().replace("Z", "")).put("timeZone", "UTC");
        body.putObject("end").put("dateTime", start.plus(1, ChronoUnit.HOURS).toString().replace("Z", "")).put("timeZone", "UTC");
        String id = send("POST", "me/events", body).path("id").asText();

        List<RemoteChange> plain = listAll(endpoint(s -> s), RecordType.APPOINTMENT);
        OutlookEndpoint capturing = endpoint(s -> s.autocapture(true));
        Map<String, RemoteRecord> captured = upserts(listAll(capturing, RecordType.APPOINTMENT));

        assertThat(plain).contains(new RemoteChange.OutOfScope(id));
        assertThat(captured).containsKey(id);
        Map<String, String> values = new java.util.HashMap<>(captured.get(id).values());
        values.put("subject", "Autocaptured, renamed in the CRM");
        assertThat(capturing.write(RecordType.APPOINTMENT, List.of(new RemoteWrite.Update(id, captured.get(id).version(),
                values)))).singleElement().isInstanceOf(WriteOutcome.Written.class);
        assertThat(send("GET", "me/events/" + id, null).path("categories")).isEmpty();
    }

    @Test
    void aReplyInASharedConversationBecomesALocalEmailAndGetsTheCategoryAReplyInAnUnsharedOneDoesNot() {
        JsonNode inbox = send("GET", "me/mailFolders/inbox/messages?$top=50", null).path("value");
        String sharedId = inbox.get(0).path("id").asText();
        String unsharedId = inbox.get(1).path("id").asText();
        categories(sharedId, SHARED);
        categories(unsharedId);
        send("POST", "me/messages/" + sharedId + "/reply", GraphStub.JSON.createObjectNode().put("comment", "Thanks, agreed."));
        send("POST", "me/messages/" + unsharedId + "/reply", GraphStub.JSON.createObjectNode().put("comment", "Not for the CRM."));
        String sharedConversation = inbox.get(0).path("conversationId").asText();
        JsonNode sent = send("GET", "me/mailFolders/sentitems/messages?$top=50", null).path("value");
        String replyShared = idIn(sent, sharedConversation);
        String replyUnshared = idIn(sent, inbox.get(1).path("conversationId").asText());

        try (OfflineStore store = OfflineStore.open(new ProfileFolder(profile))) {
            new SyncEngine(store.sync()).run(OutlookPair.of(endpoint(s -> s.shareReplies(true))), RunOptions.normal());

            List<String> linked = store.sync().links(OutlookPair.NAME, RecordType.EMAIL).stream()
                    .map(dev.outpost.store.Link::remoteId).toList();
            assertThat(linked).contains(sharedId, replyShared).doesNotContain(unsharedId, replyUnshared);
        }
        assertThat(send("GET", "me/messages/" + replyShared, null).path("categories").toString()).contains(SHARED);
        assertThat(send("GET", "me/messages/" + replyUnshared, null).path("categories")).isEmpty();
    }

    @Test
    void aDryRunAddsNoCategoryAndTagsNoReplyButPreviewsTheReplyAsComingDown() {
        deleteTheSharingCategory();
        JsonNode inbox = send("GET", "me/mailFolders/inbox/messages?$top=50", null).path("value");
        String sharedId = inbox.get(0).path("id").asText();
        categories(sharedId, SHARED);
        send("POST", "me/messages/" + sharedId + "/reply", GraphStub.JSON.createObjectNode().put("comment", "Agreed."));
        String reply = idIn(send("GET", "me/mailFolders/sentitems/messages?$top=50", null).path("value"),
                inbox.get(0).path("conversationId").asText());
        String replyBefore = send("GET", "me/messages/" + reply, null).toString();

        try (OfflineStore store = OfflineStore.open(new ProfileFolder(profile))) {
            OutlookEndpoint outlook = endpoint(s -> s.shareReplies(true));
            var preview = new SyncEngine(store.sync()).run(OutlookPair.of(outlook), RunOptions.preview());

            assertThat(preview.plan()).as("the reply is in the plan").anyMatch(a -> reply.equals(a.remoteId()));
            assertThat(categoryNames()).as("no category added by a preview").doesNotContain(SHARED);
            assertThat(send("GET", "me/messages/" + reply, null).toString()).as("the reply untouched").isEqualTo(replyBefore);

            new SyncEngine(store.sync()).run(OutlookPair.of(outlook), RunOptions.normal());

            assertThat(categoryNames()).as("a real run after the preview adds it").containsOnlyOnce(SHARED);
            assertThat(send("GET", "me/messages/" + reply, null).path("categories").toString()).contains(SHARED);
        }
    }

    @Test
    void withoutTheOptionAReplyInASharedConversationStaysOutOfScope() {
        JsonNode inbox = send("GET", "me/mailFolders/inbox/messages?$top=50", null).path("value");
        String sharedId = inbox.get(0).path("id").asText();
        categories(sharedId, SHARED);
        send("POST", "me/messages/" + sharedId + "/reply", GraphStub.JSON.createObjectNode().put("comment", "Thanks."));
        String reply = idIn(send("GET", "me/mailFolders/sentitems/messages?$top=50", null).path("value"),
                inbox.get(0).path("conversationId").asText());

        assertThat(listAll(endpoint(s -> s), RecordType.EMAIL)).contains(new RemoteChange.OutOfScope(reply));
        assertThat(send("GET", "me/messages/" + reply, null).path("categories")).isEmpty();
    }

    private static String idIn(JsonNode messages, String conversationId) {
        return StreamSupport.stream(messages.spliterator(), false)
                .filter(m -> m.path("conversationId").asText().equals(conversationId)).map(m -> m.path("id").asText())
                .findFirst().orElseThrow();
    }

    private void categories(String messageId, String... names) {
        ObjectNode patch = GraphStub.JSON.createObjectNode();
        var array = patch.putArray("categories");
        for (String name : names) {
            array.add(name);
        }
        send("PATCH", "me/messages/" + messageId, patch);
    }

    private JsonNode contact(String surname) {
        ObjectNode body = GraphStub.JSON.createObjectNode().put("surname", surname);
        body.putArray("categories").add(SHARED);
        return send("POST", "me/contactFolders/contacts/contacts", body);
    }

    private static Map<String, RemoteRecord> upserts(List<RemoteChange> changes) {
        Map<String, RemoteRecord> out = new java.util.HashMap<>();
        changes.stream().filter(c -> c instanceof RemoteChange.Upsert).map(c -> ((RemoteChange.Upsert) c).record())
                .forEach(r -> out.put(r.remoteId(), r));
        return out;
    }

    private static List<RemoteChange> listAll(OutlookEndpoint outlook, RecordType type) {
        List<RemoteChange> all = new ArrayList<>();
        ChangePage page = outlook.changes(type, Optional.empty());
        all.addAll(page.changes());
        while (page.next().isPresent()) {
            page = outlook.changes(type, page.next());
            all.addAll(page.changes());
        }
        return all;
    }

    private void deleteTheSharingCategory() {
        for (JsonNode c : send("GET", "me/outlook/masterCategories", null).path("value")) {
            if (c.path("displayName").asText().equalsIgnoreCase(SHARED)) {
                send("DELETE", "me/outlook/masterCategories/" + c.path("id").asText(), null);
            }
        }
    }

    private List<String> categoryNames() {
        return send("GET", "me/outlook/masterCategories", null).path("value").findValuesAsText("displayName");
    }

    private JsonNode send(String method, String path, JsonNode body) {
        return new DemoGraph(server.graphUrl(), token).send(method, path, body);
    }
}
