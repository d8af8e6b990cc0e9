package dev.outpost.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.outpost.model.RecordType;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.UserKey;
import dev.outpost.sync.WriteOutcome;

/** Writes through Graph JSON batching, against the stub Graph, through the real SDK. */
class OutlookWritesTest extends OutlookTestSupport {

    private static final String CONTACTS = "/v1.0/me/contactFolders/contacts/contacts";
    private static final String PAVEL = "/v1.0/me/contacts/AAMkAGI2THVSAAA=";
    private static final String PAVEL_VERSION = "EQAAABYAAAAJ1nJRz3D0R5rdvYFkBKMJAAAMcGQF";
    private static final String MARKER = "String {6c1d52a4-35f6-4be8-9a5e-0f5c3e6b9d27} Name OutpostClientId";

    @Test
    void aCreateLooksForItsMarkerFirstThenPostsItWithTheMarkerAndTheSharingCategoryInABatch() {
        graph.on("GET", CONTACTS, 200, "empty-collection.json")
                .on("GET", "/v1.0/me/outlook/masterCategories", 200, "master-categories.json")
                .on("POST", "/v1.0/me/outlook/masterCategories", 201, "master-category-created.json")
                .on("POST", CONTACTS, 201, "contact-created.json");

        List<WriteOutcome> outcomes = endpoint.write(RecordType.CONTACT, List.of(new RemoteWrite.Create("client-1",
                Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada@example.com"))));

        assertThat(outcomes).containsExactly(new WriteOutcome.Written("AAMkAGI2THVXAAA=",
                "EQAAABYAAAAJ1nJRz3D0R5rdvYFkBKMJAAAMcGQX"));
        assertThat(graph.seen("GET", CONTACTS).getFirst().query()).isEqualTo("$filter=singleValueExtendedProperties/Any("
                + "ep: ep/id eq '" + MARKER + "' and ep/value eq 'client-1')");
        GraphStub.Seen post = graph.seen("POST", CONTACTS).getFirst();
        assertThat(post.inBatch()).isTrue();
        JsonNode body = post.json();
        assertThat(body.path("singleValueExtendedProperties").get(0).path("id").asText()).isEqualTo(MARKER);
        assertThat(body.path("singleValueExtendedProperties").get(0).path("value").asText()).isEqualTo("client-1");
        assertThat(body.path("categories").get(0).asText()).isEqualTo("Shared with CRM");
        assertThat(body.path("givenName").asText()).isEqualTo("Ada");
        assertThat(body.path("emailAddresses").get(0).path("address").asText()).isEqualTo("ada@example.com");
        assertThat(graph.seen("POST", "/v1.0/me/outlook/masterCategories").getFirst().json().path("displayName").asText())
                .isEqualTo("Shared with CRM");
        assertThat(graph.seen("GET", CONTACTS).getFirst().inBatch()).as("looked up with the other reads").isTrue();
        assertThat(graph.seen("POST", "/v1.0/$batch")).as("one batch of reads, one of writes").hasSize(2)
                .allSatisfy(envelope -> assertThat(envelope.header("Authorization")).isEqualTo("Bearer " + TOKEN));
        assertEveryRequestIsAuthorizedAndPrefers(2);
    }

    @Test
    void aReplayedCreateAnswersTheItemItsMarkerFindsAndPostsNothing() {
        graph.on("GET", CONTACTS, 200, "contacts-found.json");

        List<WriteOutcome> outcomes = endpoint.write(RecordType.CONTACT, List.of(new RemoteWrite.Create("client-1",
                Map.of("lastName", "Lovelace"))));

        assertThat(outcomes).containsExactly(new WriteOutcome.Written("AAMkAGI2THVXAAA=",
                "EQAAABYAAAAJ1nJRz3D0R5rdvYFkBKMJAAAMcGQX"));
        assertThat(graph.seen("POST", CONTACTS)).isEmpty();
    }

    @Test
    void findCreatedFindsTheItemByItsMarkerWhateverItsCategory() {
        graph.on("GET", CONTACTS, 200, "contacts-found.json");

        assertThat(endpoint.findCreated(RecordType.CONTACT, "client-1")).map(RemoteRecord::remoteId)
                .hasValue("AAMkAGI2THVXAAA=");
        assertThat(graph.seen("GET", CONTACTS).getFirst().query()).contains("ep/value eq 'client-1'");
    }

    @Test
    void anUpdateWhoseChangeKeyMovedIsRemoteChangedAndPatchesNothing() {
        graph.on("GET", PAVEL, 200, "contact-updated.json");

        List<WriteOutcome> outcomes = endpoint.write(RecordType.CONTACT, List.of(new RemoteWrite.Update(
                "AAMkAGI2THVSAAA=", PAVEL_VERSION, Map.of("lastName", "Bansky"))));

        assertThat(outcomes).containsExactly(new WriteOutcome.RemoteChanged());
        assertThat(graph.seen("PATCH", PAVEL)).isEmpty();
        assertThat(graph.seen("GET", PAVEL)).singleElement().satisfies(get -> assertThat(get.inBatch()).isTrue());
    }

    @Test
    void anUpdateReplacesTheMappedFieldsClearsTheAbsentOnesAndKeepsTheSecondAddress() {
        graph.on("GET", PAVEL, 200, "contact-current.json")
                .on("PATCH", PAVEL, 200, "contact-updated.json");

        List<WriteOutcome> outcomes = endpoint.write(RecordType.CONTACT, List.of(new RemoteWrite.Update(
                "AAMkAGI2THVSAAA=", PAVEL_VERSION, Map.of("firstName", "Pavel", "lastName", "Bansky",
                        "email", "pavel.bansky@contoso.com", "jobTitle", "Head of Marketing"))));

        assertThat(outcomes).containsExactly(new WriteOutcome.Written("AAMkAGI2THVSAAA=",
                "EQAAABYAAAAJ1nJRz3D0R5rdvYFkBKMJAAAMcGQZ"));
        JsonNode patch = graph.seen("PATCH", PAVEL).getFirst().json();
        assertThat(patch.path("jobTitle").asText()).isEqualTo("Head of Marketing");
        assertThat(patch.has("mobilePhone")).isTrue();
        assertThat(patch.get("mobilePhone").isNull()).isTrue();
        assertThat(patch.path("businessPhones").isEmpty()).isTrue();
        assertThat(patch.path("emailAddresses").findValuesAsText("address"))
                .containsExactly("pavel.bansky@contoso.com", "pavel@fabrikam.com");
        assertThat(patch.has("categories")).as("the user's categories are left alone").isFalse();
    }

    @Test
    void aDeleteOfAnItemAlreadyGoneIsDeletedAndAnUpdateOfOneIsRemoteGone() {
        graph.on("GET", PAVEL, 404, "error-item-not-found.json")
                .on("GET", PAVEL, 404, "error-item-not-found.json");

        List<WriteOutcome> outcomes = endpoint.write(RecordType.CONTACT, List.of(
                new RemoteWrite.Delete("AAMkAGI2THVSAAA=", PAVEL_VERSION),
                new RemoteWrite.Update("AAMkAGI2THVSAAA=", PAVEL_VERSION, Map.of("lastName", "Bansky"))));

        assertThat(outcomes).containsExactly(new WriteOutcome.Deleted(), new WriteOutcome.RemoteGone());
    }

    @Test
    void aPartThrottledInsideABatchIsSentAgainAfterItsRetryAfter() {
        graph.on("GET", PAVEL, 200, "contact-current.json")
                .on("DELETE", PAVEL, request -> new GraphStub.Reply(429, Map.of("Retry-After", "3",
                        "Content-Type", "application/json"),
                        "{\"error\":{\"code\":\"ApplicationThrottled\",\"message\":\"Too many requests\"}}"))
                .on("DELETE", PAVEL, request -> new GraphStub.Reply(204, Map.of(), ""));

        List<WriteOutcome> outcomes = endpoint.write(RecordType.CONTACT, List.of(
                new RemoteWrite.Delete("AAMkAGI2THVSAAA=", PAVEL_VERSION)));

        assertThat(outcomes).containsExactly(new WriteOutcome.Deleted());
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
        assertThat(graph.seen("POST", "/v1.0/$batch")).hasSize(3);
    }

    @Test
    void eMailIsNeverWrittenToOutlook() {
        List<WriteOutcome> outcomes = endpoint.write(RecordType.EMAIL, List.of(new RemoteWrite.Create("client-9",
                Map.of("subject", "Hello", "from", "ada@example.com"))));

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(WriteOutcome.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("one way, from Outlook to the CRM");
        });
        assertThat(graph.seen()).isEmpty();
    }

    @Test
    void anEventIsCreatedInUtcWithMarkerTransactionIdAndCategory() {
        graph.on("GET", "/v1.0/me/events", 200, "empty-collection.json")
                .on("GET", "/v1.0/me/outlook/masterCategories", 200, "master-categories.json")
                .on("POST", "/v1.0/me/outlook/masterCategories", 201, "master-category-created.json")
                .on("POST", "/v1.0/me/events", 201, "event-created.json");

        List<WriteOutcome> outcomes = endpoint.write(RecordType.APPOINTMENT, List.of(new RemoteWrite.Create(
                "client-ev-1", Map.of("subject", "Demo at Contoso", "start", "2026-12-03T15:00:00Z",
                        "end", "2026-12-03T16:00:00Z"))));

        assertThat(outcomes).containsExactly(new WriteOutcome.Written("AAMkAGIAAAoZDOJAAA=",
                "ZlnW4RIAV06KYYwlrfNZvQAAKGWwxx=="));
        GraphStub.Seen post = graph.seen("POST", "/v1.0/me/events").getFirst();
        JsonNode body = post.json();
        assertThat(body.path("start").path("dateTime").asText()).isEqualTo("2026-12-03T15:00:00");
        assertThat(body.path("start").path("timeZone").asText()).isEqualTo("UTC");
        assertThat(body.path("transactionId").asText()).isEqualTo("client-ev-1");
        assertThat(body.path("singleValueExtendedProperties").get(0).path("value").asText()).isEqualTo("client-ev-1");
        assertThat(body.path("categories").get(0).asText()).isEqualTo("Shared with CRM");
        assertThat(post.header("Prefer")).contains("outlook.timezone=\"UTC\"");
    }

    @Test
    void aTaskIsCreatedInTheDefaultListWithALinkedResourceCarryingTheClientId() {
        String tasks = "/v1.0/me/todo/lists/AAMkADIyAAAAABrJAAA=/tasks";
        graph.on("GET", "/v1.0/me/todo/lists", 200, "todo-lists.json")
                .on("GET", tasks, 200, "empty-collection.json")
                .on("GET", "/v1.0/me/outlook/masterCategories", 200, "master-categories.json")
                .on("POST", "/v1.0/me/outlook/masterCategories", 201, "master-category-created.json")
                .on("POST", tasks, 201, "task-created.json");

        List<WriteOutcome> outcomes = endpoint.write(RecordType.TASK, List.of(new RemoteWrite.Create("client-task-1",
                Map.of("subject", "Call back", "due", "2026-11-30", "priority", "low"))));

        assertThat(outcomes).containsExactly(new WriteOutcome.Written("AQMkADAwATM0MDAAMS0yMDkyLWVjMzYtMDACLTAwCgBGAAAE",
                "W/\"xzyPKP0BiUGgld+lMKXwbQAAgdhkZZ==\""));
        assertThat(graph.seen("GET", tasks).getFirst().query())
                .contains("$filter=linkedResources/any(r:r/externalId eq 'client-task-1')");
        JsonNode body = graph.seen("POST", tasks).getFirst().json();
        assertThat(body.path("linkedResources").get(0).path("externalId").asText()).isEqualTo("client-task-1");
        assertThat(body.path("title").asText()).isEqualTo("Call back");
        assertThat(body.path("importance").asText()).isEqualTo("low");
        assertThat(body.path("status").asText()).isEqualTo("notStarted");
        assertThat(body.path("dueDateTime").path("dateTime").asText()).isEqualTo("2026-11-30T00:00:00");
    }

    @Test
    void findByUserKeyAsksForTheContactsWithThatAddress() {
        graph.on("GET", CONTACTS, 200, "contacts-found.json");

        List<RemoteRecord> found = endpoint.findByUserKey(RecordType.CONTACT,
                UserKey.of(RecordType.CONTACT, Map.of("email", "ada@example.com", "lastName", "Lovelace")).orElseThrow());

        assertThat(found).as("the only match lacks the sharing category: out of scope").isEmpty();
        assertThat(graph.seen("GET", CONTACTS).getFirst().query())
                .isEqualTo("$filter=emailAddresses/any(a:a/address eq 'ada@example.com')");
    }

    @Test
    void findByUserKeyScansTheListWhenTheServerRefusesTheFilter() {
        String tasks = "/v1.0/me/todo/lists/AAMkADIyAAAAABrJAAA=/tasks";
        graph.on("GET", "/v1.0/me/todo/lists", 200, "todo-lists.json")
                .on("GET", tasks, 400, "error-invalid-filter.json")
                .on("GET", tasks, 200, "tasks-delta.json");

        List<RemoteRecord> found = endpoint.findByUserKey(RecordType.TASK, UserKey.of(RecordType.TASK,
                Map.of("subject", "Send the proposal", "due", "2026-11-25")).orElseThrow());

        assertThat(found).map(RemoteRecord::remoteId).containsExactly("AQMkADAwATM0MDAAMS0yMDkyLWVjMzYtMDACLTAwCgBGAAAD");
        assertThat(graph.seen("GET", tasks).get(0).query()).isEqualTo("$filter=title eq 'send the proposal'");
        assertThat(graph.seen("GET", tasks).get(1).query()).isEmpty();
    }

    @Test
    void aCreateWhoseMarkerCannotBeLookedUpIsNotSentRatherThanRiskASecondCopy() {
        graph.on("GET", CONTACTS, 400, "error-invalid-filter.json");

        List<WriteOutcome> outcomes = endpoint.write(RecordType.CONTACT, List.of(new RemoteWrite.Create("client-1",
                Map.of("lastName", "Lovelace"))));

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(WriteOutcome.Failed.class,
                failed -> assertThat(failed.reason()).contains("invalid nodes"));
        assertThat(graph.seen("POST", CONTACTS)).isEmpty();
    }
}
