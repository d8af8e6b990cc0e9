package dev.outpost.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.outpost.model.RecordType;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.WriteOutcome;

/**
 * A push that follows a pull in the same endpoint asks the pull's delta link what changed since, once, instead of
 * reading every item it writes; without a usable link it reads them as before.
 */
class OutlookWritesSincePullTest extends OutlookTestSupport {

    private static final String CONTACTS_DELTA = "/v1.0/me/contactFolders/contacts/contacts/delta";
    private static final String PAVEL = "/v1.0/me/contacts/AAMkAGI2THVSAAA=";
    private static final String PAVEL_ID = "AAMkAGI2THVSAAA=";
    private static final String PAVEL_VERSION = "EQAAABYAAAAJ1nJRz3D0R5rdvYFkBKMJAAAMcGQF";
    private static final Map<String, String> EDIT = Map.of("firstName", "Pavel", "lastName", "Bansky",
            "email", "pavel.bansky@contoso.com", "jobTitle", "Head of Marketing");

    @BeforeEach
    void pullFirst() {
        graph.on("GET", CONTACTS_DELTA + "()", 200, "contacts-delta-page1.json")
                .on("GET", CONTACTS_DELTA, 200, "contacts-delta-page2.json");
        ChangePage first = endpoint.changes(RecordType.CONTACT, Optional.empty());
        assertThat(endpoint.changes(RecordType.CONTACT, first.next()).anchor()).isPresent();
    }

    @Test
    void anUpdateOfAnItemUnchangedSinceThePullIsPatchedWithoutReadingIt() {
        graph.on("GET", CONTACTS_DELTA, 200, "contacts-delta-nothing.json")
                .on("PATCH", PAVEL, 200, "contact-updated.json");

        List<WriteOutcome> outcomes = endpoint.write(RecordType.CONTACT,
                List.of(new RemoteWrite.Update(PAVEL_ID, PAVEL_VERSION, EDIT)));

        assertThat(outcomes).containsExactly(new WriteOutcome.Written(PAVEL_ID, "EQAAABYAAAAJ1nJRz3D0R5rdvYFkBKMJAAAMcGQZ"));
        assertThat(graph.seen("GET", CONTACTS_DELTA)).last().satisfies(check -> {
            assertThat(check.query()).as("the pull's own delta link").isEqualTo("$deltatoken=GwcBoTmPuoTQWfcsAbkYM");
            assertThat(check.inBatch()).isFalse();
        });
        assertThat(graph.seen("GET", PAVEL)).as("no read of the item").isEmpty();
        assertThat(graph.seen("POST", "/v1.0/$batch")).as("the writes only").hasSize(1);
        JsonNode patch = graph.seen("PATCH", PAVEL).getFirst().json();
        assertThat(patch.path("emailAddresses").findValuesAsText("address"))
                .as("the second address, as the pull showed it, is kept")
                .containsExactly("pavel.bansky@contoso.com", "pavel@fabrikam.com");
    }

    @Test
    void anItemChangedSinceThePullIsRemoteChangedAndNeitherReadNorWritten() {
        graph.on("GET", CONTACTS_DELTA, 200, "contacts-delta-pavel-changed.json");

        List<WriteOutcome> outcomes = endpoint.write(RecordType.CONTACT,
                List.of(new RemoteWrite.Update(PAVEL_ID, PAVEL_VERSION, EDIT)));

        assertThat(outcomes).containsExactly(new WriteOutcome.RemoteChanged());
        assertThat(graph.seen("POST", "/v1.0/$batch")).isEmpty();
    }

    @Test
    void anItemDeletedSinceThePullIsGoneForAnUpdateAndDeletedForADelete() {
        graph.on("GET", CONTACTS_DELTA, 200, "contacts-delta-changes.json");

        List<WriteOutcome> outcomes = endpoint.write(RecordType.CONTACT, List.of(
                new RemoteWrite.Update(PAVEL_ID, PAVEL_VERSION, EDIT), new RemoteWrite.Delete(PAVEL_ID, PAVEL_VERSION)));

        assertThat(outcomes).containsExactly(new WriteOutcome.RemoteGone(), new WriteOutcome.Deleted());
        assertThat(graph.seen("POST", "/v1.0/$batch")).isEmpty();
    }

    @Test
    void aSecondPushAsksOnFromWhereTheFirstCheckEnded() {
        graph.on("GET", CONTACTS_DELTA, 200, "contacts-delta-nothing.json")
                .on("PATCH", PAVEL, 200, "contact-updated.json")
                .on("GET", CONTACTS_DELTA, 200, "contacts-delta-pavel-changed.json")
                .on("PATCH", PAVEL, 200, "contact-updated.json");
        String written = "EQAAABYAAAAJ1nJRz3D0R5rdvYFkBKMJAAAMcGQZ";

        endpoint.write(RecordType.CONTACT, List.of(new RemoteWrite.Update(PAVEL_ID, PAVEL_VERSION, EDIT)));
        List<WriteOutcome> again = endpoint.write(RecordType.CONTACT,
                List.of(new RemoteWrite.Update(PAVEL_ID, written, Map.of("lastName", "Bansky"))));

        assertThat(again).as("the delta shows our own write, at the version it answered")
                .containsExactly(new WriteOutcome.Written(PAVEL_ID, written));
        assertThat(graph.seen("GET", CONTACTS_DELTA)).last().extracting(GraphStub.Seen::query)
                .isEqualTo("$deltatoken=GwcBoTmPuoTQWfcsAbkYO");
        assertThat(graph.seen("GET", PAVEL)).isEmpty();
    }

    @Test
    void anExpiredDeltaLinkFallsBackToReadingTheItems() {
        graph.on("GET", CONTACTS_DELTA, 410, "error-sync-state-not-found.json")
                .on("GET", PAVEL, 200, "contact-current.json")
                .on("PATCH", PAVEL, 200, "contact-updated.json");

        List<WriteOutcome> outcomes = endpoint.write(RecordType.CONTACT,
                List.of(new RemoteWrite.Update(PAVEL_ID, PAVEL_VERSION, EDIT)));

        assertThat(outcomes).containsExactly(new WriteOutcome.Written(PAVEL_ID, "EQAAABYAAAAJ1nJRz3D0R5rdvYFkBKMJAAAMcGQZ"));
        assertThat(graph.seen("GET", PAVEL)).singleElement().satisfies(read -> assertThat(read.inBatch()).isTrue());
    }

    @Test
    void anItemThePullNeverShowedIsRead() {
        String other = "/v1.0/me/contacts/AAMkAGI2THVZAAA=";
        graph.on("GET", CONTACTS_DELTA, 200, "contacts-delta-nothing.json")
                .on("GET", other, 404, "error-item-not-found.json");

        List<WriteOutcome> outcomes = endpoint.write(RecordType.CONTACT,
                List.of(new RemoteWrite.Update("AAMkAGI2THVZAAA=", PAVEL_VERSION, EDIT)));

        assertThat(outcomes).containsExactly(new WriteOutcome.RemoteGone());
        assertThat(graph.seen("GET", other)).hasSize(1);
    }
}
