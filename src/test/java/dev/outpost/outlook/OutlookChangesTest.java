package dev.outpost.outlook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.outpost.model.RecordType;
import dev.outpost.sync.AnchorExpiredException;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.RemoteRecord;

/** The change feed of each Outlook type, against the stub Graph, through the real SDK. */
class OutlookChangesTest extends OutlookTestSupport {

    /** The SDK calls the delta function with parentheses on the first page; links from Graph have none. */
    private static final String CONTACTS_DELTA = "/v1.0/me/contactFolders/contacts/contacts/delta";
    private static final String CONTACTS_DELTA_FIRST = CONTACTS_DELTA + "()";

    @Test
    void aListingFollowsNextLinksToTheDeltaLinkWithTokenAndPreferencesOnEveryPage() {
        graph.on("GET", CONTACTS_DELTA_FIRST, 200, "contacts-delta-page1.json")
                .on("GET", CONTACTS_DELTA, 200, "contacts-delta-page2.json");

        ChangePage first = endpoint.changes(RecordType.CONTACT, Optional.empty());
        ChangePage last = endpoint.changes(RecordType.CONTACT, first.next());

        assertThat(first.next()).hasValue(graph.base() + "/me/contactFolders/contacts/contacts/delta?$skiptoken=R0usmcCM996atia_s");
        assertThat(last.anchor()).hasValue(graph.base() + "/me/contactFolders/contacts/contacts/delta?$deltatoken=GwcBoTmPuoTQWfcsAbkYM");
        assertThat(graph.seen("GET", CONTACTS_DELTA).getFirst().query())
                .isEqualTo("$skiptoken=R0usmcCM996atia_s");
        assertEveryRequestIsAuthorizedAndPrefers(2);
    }

    @Test
    void aSharedContactIsReadWithItsFirstAddressAndPhoneAndItsChangeKeyAsVersion() {
        graph.on("GET", CONTACTS_DELTA_FIRST, 200, "contacts-delta-page1.json");

        ChangePage page = endpoint.changes(RecordType.CONTACT, Optional.empty());

        assertThat(page.changes()).containsExactly(new RemoteChange.Upsert(new RemoteRecord("AAMkAGI2THVSAAA=",
                "EQAAABYAAAAJ1nJRz3D0R5rdvYFkBKMJAAAMcGQF",
                Map.of("firstName", "Pavel", "lastName", "Bansky", "email", "pavelb@contoso.onmicrosoft.com",
                        "phone", "+1 732 555 0102", "jobTitle", "Web Marketing Manager"),
                java.time.Instant.parse("2026-11-20T10:15:43Z"))));
    }

    @Test
    void aContactWithoutTheSharingCategoryIsOutOfScopeNotRemoved() {
        graph.on("GET", CONTACTS_DELTA_FIRST, 200, "contacts-delta-page2.json");

        assertThat(endpoint.changes(RecordType.CONTACT, Optional.empty()).changes())
                .containsExactly(new RemoteChange.OutOfScope("AAMkAGI2THVTAAA="));
    }

    @Test
    void aRemovedItemIsARemovalAndAnUnreadableOneNamesItsFieldButNotItsValue() {
        graph.on("GET", CONTACTS_DELTA, 200, "contacts-delta-changes.json");

        ChangePage page = endpoint.changes(RecordType.CONTACT,
                Optional.of(graph.base() + "/me/contactFolders/contacts/contacts/delta?$deltatoken=GwcBoTmPuoTQWfcsAbkYM"));

        assertThat(page.changes()).hasSize(2);
        assertThat(page.changes().get(0)).isEqualTo(new RemoteChange.Removal("AAMkAGI2THVSAAA="));
        assertThat(page.changes().get(1)).isInstanceOfSatisfying(RemoteChange.Unreadable.class, bad -> {
            assertThat(bad.remoteId()).isEqualTo("AAMkAGI2THVUAAA=");
            assertThat(bad.field()).isEqualTo("email");
            assertThat(bad.reason()).doesNotContain("not an address");
        });
        assertThat(seenBesidesCategories().getFirst().query()).isEqualTo("$deltatoken=GwcBoTmPuoTQWfcsAbkYM");
    }

    @Test
    void goneOnADeltaLinkIsAnExpiredAnchor() {
        graph.on("GET", CONTACTS_DELTA, 410, "error-sync-state-not-found.json");

        assertThatThrownBy(() -> endpoint.changes(RecordType.CONTACT,
                Optional.of(graph.base() + "/me/contactFolders/contacts/contacts/delta?$deltatoken=old")))
                .isInstanceOf(AnchorExpiredException.class).hasMessageContaining("syncStateNotFound");
    }

    @Test
    void anAnchorThatIsNoLinkOfThisMailboxIsExpiredWithoutSendingTheToken() {
        assertThatThrownBy(() -> endpoint.changes(RecordType.CONTACT, Optional.of("not-an-anchor")))
                .isInstanceOf(AnchorExpiredException.class);
        assertThatThrownBy(() -> endpoint.changes(RecordType.CONTACT,
                Optional.of("https://graph.example.org/v1.0/me/contactFolders/contacts/contacts/delta?$deltatoken=x")))
                .isInstanceOf(AnchorExpiredException.class);
        assertThat(seenBesidesCategories()).isEmpty();
    }

    @Test
    void eventsAreAskedForInUtcOverTheWindowAndAPacificTimeEventReadsAsUtcInstants() {
        graph.on("GET", "/v1.0/me/calendarView/delta()", 200, "events-delta.json")
                .on("GET", "/v1.0/me/events/AAMkAGIAAAoZDOHAAA=", 404, "error-item-not-found.json")
                .on("GET", "/v1.0/me/events/AAMkAGIAAAoZDOIAAA=", 200, "event-outside-window.json");

        ChangePage page = endpoint.changes(RecordType.APPOINTMENT, Optional.empty());

        assertThat(page.changes().get(0)).isEqualTo(new RemoteChange.Upsert(new RemoteRecord("AAMkAGIAAAoZDOFAAA=",
                "ZlnW4RIAV06KYYwlrfNZvQAAKGWwbw==",
                Map.of("subject", "Let's go for lunch", "start", "2026-12-01T20:00:00Z", "end", "2026-12-01T22:00:00Z",
                        "location", "Harry's Bar", "notes", "Does noon work for you?"),
                java.time.Instant.parse("2026-11-20T17:51:13Z"))));
        assertThat(page.changes().get(1)).isEqualTo(new RemoteChange.Unreadable("AAMkAGIAAAoZDOGAAA=", "start",
                "in a time zone Outpost does not know"));
        assertThat(page.changes().get(2)).as("deleted: the lookup finds nothing")
                .isEqualTo(new RemoteChange.Removal("AAMkAGIAAAoZDOHAAA="));
        assertThat(page.changes().get(3)).as("still there, but left the window")
                .isEqualTo(new RemoteChange.OutOfScope("AAMkAGIAAAoZDOIAAA="));
        GraphStub.Seen delta = graph.seen("GET", "/v1.0/me/calendarView/delta()").getFirst();
        assertThat(delta.query()).contains("startDateTime=2026-10-22T00:00:00Z").contains("endDateTime=2027-05-20T00:00:00Z");
        assertThat(delta.header("Prefer")).contains("outlook.timezone=\"UTC\"");
        assertThat(graph.seen("GET", "/v1.0/me/events/AAMkAGIAAAoZDOIAAA=")).singleElement()
                .satisfies(get -> assertThat(get.inBatch()).isTrue());
        assertEveryRequestIsAuthorizedAndPrefers(2);
    }

    @Test
    void tasksComeFromTheDefaultToDoListWithTheirEtagAsVersion() {
        graph.on("GET", "/v1.0/me/todo/lists", 200, "todo-lists.json")
                .on("GET", "/v1.0/me/todo/lists/AAMkADIyAAAAABrJAAA=/tasks/delta()", 200, "tasks-delta.json");

        ChangePage page = endpoint.changes(RecordType.TASK, Optional.empty());

        assertThat(page.changes()).containsExactly(new RemoteChange.Upsert(new RemoteRecord(
                "AQMkADAwATM0MDAAMS0yMDkyLWVjMzYtMDACLTAwCgBGAAAD", "W/\"xzyPKP0BiUGgld+lMKXwbQAAgdhkVw==\"",
                Map.of("subject", "Send the proposal", "notes", "Attach the price list", "due", "2026-11-25",
                        "priority", "high", "done", "true"),
                java.time.Instant.parse("2026-11-09T11:15:20Z"))));
        assertThat(page.isLast()).isTrue();
    }

    @Test
    void eMailReadsInboxThenSentItemsAndEndsWithOneAnchorForBoth() {
        graph.on("GET", "/v1.0/me/mailFolders/inbox/messages/delta()", 200, "messages-inbox-delta.json")
                .on("GET", "/v1.0/me/mailFolders/sentitems/messages/delta()", 200, "messages-sent-delta.json")
                .on("GET", "/v1.0/me/mailFolders/inbox/messages/delta", 200, "messages-sent-delta.json")
                .on("GET", "/v1.0/me/mailFolders/sentitems/messages/delta", 200, "messages-sent-delta.json");

        ChangePage inbox = endpoint.changes(RecordType.EMAIL, Optional.empty());
        ChangePage sent = endpoint.changes(RecordType.EMAIL, inbox.next());
        ChangePage again = endpoint.changes(RecordType.EMAIL, sent.anchor());
        ChangePage againSent = endpoint.changes(RecordType.EMAIL, again.next());

        assertThat(inbox.changes()).containsExactly(new RemoteChange.Upsert(new RemoteRecord("AAMkADNkNAAAgWkAAA=",
                "CQAAABYAAAARn2vdzPHsTLF8ed0aK8dZAAAP8V6/",
                Map.of("subject", "Pricing for Q1", "from", "meganb@contoso.onmicrosoft.com",
                        "to", "pavelb@contoso.onmicrosoft.com; alexw@contoso.onmicrosoft.com",
                        "sent", "2026-11-20T09:00:00Z", "body", "Hi Pavel, here are the prices."),
                java.time.Instant.parse("2026-11-20T09:01:00Z"))));
        assertThat(sent.isLast()).isTrue();
        assertThat(againSent.isLast()).isTrue();
        assertThat(graph.seen("GET", "/v1.0/me/mailFolders/inbox/messages/delta").getFirst().query())
                .isEqualTo("$deltatoken=LztZwWjo5IivWBhyxw5rAK");
        assertThat(graph.seen("GET", "/v1.0/me/mailFolders/sentitems/messages/delta").getFirst().query())
                .isEqualTo("$deltatoken=LztZwWjo5IivWBhyxw5rAL");
    }
}
