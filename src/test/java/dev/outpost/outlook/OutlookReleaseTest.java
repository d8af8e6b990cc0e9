package dev.outpost.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.RecordType;
import dev.outpost.sync.WriteOutcome;

/**
 * Releasing an item (the user untracked it) takes the sharing category off and nothing else; claiming it puts the
 * category back. Against the demo mailbox, over loopback, through the Graph SDK.
 */
class OutlookReleaseTest {

    private static final String SHARED = OutlookSettings.DEFAULT_CATEGORY;
    private static final String OTHER = "Key customer";

    private DemoServer server;
    private String token;
    private OutlookEndpoint outlook;

    @BeforeEach
    void start() throws IOException {
        server = DemoServer.start(0, DemoOptions.defaults().records(0).mailboxItems(0));
        token = server.issueToken();
        outlook = new OutlookEndpoint(OutlookSettings.of(server.graphUrl(), () -> token));
    }

    @AfterEach
    void stop() {
        outlook.close();
        server.close();
    }

    @Test
    void releasingTakesOnlyTheSharingCategoryOffAndKeepsTheItem() {
        String id = contact("Berg", SHARED, OTHER);

        List<WriteOutcome> outcomes = outlook.release(RecordType.CONTACT, List.of(id));

        assertThat(outcomes).singleElement().isInstanceOf(WriteOutcome.Written.class);
        assertThat(categories(id)).containsExactly(OTHER);
        assertThat(outlook.fetch(RecordType.CONTACT, id)).as("out of scope now").isEmpty();
    }

    @Test
    void claimingPutsTheSharingCategoryBackBesideTheOthers() {
        String id = contact("Berg", OTHER);

        List<WriteOutcome> outcomes = outlook.claim(RecordType.CONTACT, List.of(id));

        assertThat(outcomes).singleElement().isInstanceOf(WriteOutcome.Written.class);
        assertThat(categories(id)).containsExactlyInAnyOrder(OTHER, SHARED);
        assertThat(outlook.fetch(RecordType.CONTACT, id)).as("in scope again").isPresent();
    }

    @Test
    void anItemAlreadyWithoutTheCategoryIsNotWrittenAgain() {
        String id = contact("Berg", SHARED);
        outlook.release(RecordType.CONTACT, List.of(id));
        String changeKey = send("GET", "me/contacts/" + id, null).path("changeKey").asText();

        List<WriteOutcome> again = outlook.release(RecordType.CONTACT, List.of(id));

        assertThat(again).singleElement().isEqualTo(new WriteOutcome.Written(id, changeKey));
        assertThat(send("GET", "me/contacts/" + id, null).path("changeKey").asText()).isEqualTo(changeKey);
    }

    @Test
    void anItemDeletedMeanwhileHasNothingLeftToRelease() {
        String id = contact("Berg", SHARED);
        send("DELETE", "me/contacts/" + id, null);

        assertThat(outlook.release(RecordType.CONTACT, List.of(id))).singleElement()
                .isInstanceOf(WriteOutcome.RemoteGone.class);
    }

    @Test
    void twentyFiveItemsAreReadAndPatchedInBatchesOfTwenty() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(contact("Berg " + i, SHARED));
        }
        long before = server.requestCount();

        List<WriteOutcome> outcomes = outlook.release(RecordType.CONTACT, ids);

        assertThat(outcomes).hasSize(25).allMatch(o -> o instanceof WriteOutcome.Written);
        assertThat(server.requestCount() - before).as("two batches of reads, two of patches").isEqualTo(4);
        assertThat(ids).allSatisfy(id -> assertThat(categories(id)).isEmpty());
    }

    private String contact(String surname, String... categories) {
        ObjectNode body = GraphStub.JSON.createObjectNode().put("surname", surname);
        var array = body.putArray("categories");
        for (String c : categories) {
            array.add(c);
        }
        return send("POST", "me/contactFolders/contacts/contacts", body).path("id").asText();
    }

    private List<String> categories(String id) {
        List<String> found = new ArrayList<>();
        send("GET", "me/contacts/" + id, null).path("categories").forEach(c -> found.add(c.asText()));
        return found;
    }

    private JsonNode send(String method, String path, JsonNode body) {
        return new DemoGraph(server.graphUrl(), token).send(method, path, body);
    }
}
