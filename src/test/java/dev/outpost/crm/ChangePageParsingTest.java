package dev.outpost.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.outpost.model.RecordType;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.EndpointException;
import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.RemoteRecord;

/** Change-feed pages shaped like Dataverse's documented responses, read by {@link ChangeFeed}. */
class ChangePageParsingTest {

    private final ReferenceTargets targets = new ReferenceTargets();
    private final ChangeFeed feed = new ChangeFeed(null, targets, new OwnerFilter(java.util.Set.of(), null));

    @Test
    void aPageWithANextLinkHasMoreAndItsRowsInOutpostFields() {
        ChangePage page = feed.parse(RecordType.CONTACT, Fixtures.read("contacts-page-with-next-link.json"));

        assertThat(page.next()).hasValue("https://contoso.crm.dynamics.com/api/data/v9.2/contacts?$select=contactid,"
                + "firstname&$skiptoken=%3Ccookie%20pagenumber=%222%22%20/%3E");
        assertThat(page.anchor()).isEmpty();
        assertThat(page.changes()).containsExactly(
                new RemoteChange.Upsert(new RemoteRecord("11111111-2222-4333-8444-555555555555", "1204", Map.of(
                        "firstName", "Ada", "lastName", "Lovelace", "email", "ada@example.com",
                        "phone", "+44 20 7946 0001", "jobTitle", "Analyst",
                        "accountId", "6f9619ff-8b86-d011-b42d-00c04fc964ff", "private", "true"),
                        Instant.parse("2026-03-01T09:30:00Z"))),
                new RemoteChange.Upsert(new RemoteRecord("22222222-2222-4333-8444-555555555555", "1207", Map.of(
                        "lastName", "Hopper", "private", "false", "category", "VIP"),
                        Instant.parse("2026-03-02T08:00:00Z"))));
    }

    @Test
    void theVersionComesFromTheEtagWhenVersionnumberIsMissing() {
        ChangePage page = feed.parse(RecordType.CONTACT, Fixtures.read("contacts-page-with-next-link.json"));

        assertThat(((RemoteChange.Upsert) page.changes().get(1)).record().version()).isEqualTo("1207");
    }

    @Test
    void theLastPageCarriesTheDeltaLinkAsItsAnchor() {
        ChangePage page = feed.parse(RecordType.CONTACT, Fixtures.read("contacts-last-page-with-delta-link.json"));

        assertThat(page.isLast()).isTrue();
        assertThat(page.anchor()).hasValue("https://contoso.crm.dynamics.com/api/data/v9.2/contacts?$select=contactid,"
                + "lastname&$deltatoken=919042%2108%2f22%2f2017%2008%3a10%3a44");
        assertThat(page.changes()).extracting(RemoteChange::remoteId)
                .containsExactly("33333333-2222-4333-8444-555555555555");
    }

    @Test
    void aDeletedEntityIsARemoval() {
        ChangePage page = feed.parse(RecordType.CONTACT, Fixtures.read("contacts-delta-with-deleted-entity.json"));

        assertThat(page.changes()).hasSize(2);
        assertThat(page.changes().get(0)).isInstanceOf(RemoteChange.Upsert.class);
        assertThat(page.changes().get(1)).isEqualTo(new RemoteChange.Removal("22222222-2222-4333-8444-555555555555"));
    }

    @Test
    void anUnreadableRowAmongGoodOnesIsReportedNamingItsFieldAndTheGoodOnesComeThrough() {
        ChangePage page = feed.parse(RecordType.CONTACT, Fixtures.read("contacts-page-with-one-unreadable-row.json"));

        assertThat(page.changes()).extracting(RemoteChange::remoteId).containsExactly(
                "77777777-2222-4333-8444-555555555555", "88888888-2222-4333-8444-555555555555",
                "99999999-2222-4333-8444-555555555555");
        assertThat(page.changes().get(0)).isInstanceOf(RemoteChange.Upsert.class);
        assertThat(page.changes().get(2)).isInstanceOf(RemoteChange.Upsert.class);
        assertThat(page.changes().get(1)).isEqualTo(new RemoteChange.Unreadable("88888888-2222-4333-8444-555555555555",
                "email", "longer than 100 characters"));
        assertThat(page.isLast()).isTrue();
    }

    @Test
    void theReasonOfAnUnreadableRowNeverHoldsTheValue() {
        ChangePage page = feed.parse(RecordType.CONTACT, Fixtures.read("contacts-page-with-one-unreadable-row.json"));

        RemoteChange.Unreadable bad = (RemoteChange.Unreadable) page.changes().get(1);
        assertThat(bad.reason()).doesNotContainIgnoringCase("babbage").doesNotContain("@");
    }

    @Test
    void everyKindOfUnreadableRowIsReportedAndARowWithoutAnIdAsUnknown() {
        ChangePage page = feed.parse(RecordType.CONTACT, Fixtures.read("contacts-page-with-unreadable-rows.json"));

        assertThat(page.changes()).containsExactly(
                new RemoteChange.Unreadable("44444444-2222-4333-8444-555555555555", "lastName", "not text"),
                new RemoteChange.Unreadable("55555555-2222-4333-8444-555555555555", "jobTitle",
                        "longer than 100 characters"),
                new RemoteChange.Unreadable(RemoteChange.Unreadable.UNKNOWN_ID, "(row)", "not a JSON object"),
                new RemoteChange.Upsert(new RemoteRecord("66666666-2222-4333-8444-555555555555", "12",
                        Map.of("lastName", "Good"), Instant.parse("2026-03-01T09:30:00Z"))));
        assertThat(page.isLast()).isTrue();
    }

    @Test
    void aPageThatIsNotJsonFailsTheRequestWithAMessage() {
        assertThatThrownBy(() -> feed.parse(RecordType.CONTACT, "<html>proxy error</html>"))
                .isInstanceOf(EndpointException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void aPageWithoutNextOrDeltaLinkSaysChangeTrackingMayBeOff() {
        assertThatThrownBy(() -> feed.parse(RecordType.CONTACT, "{\"value\":[]}"))
                .isInstanceOf(EndpointException.class).hasMessageContaining("change tracking");
    }

    @Test
    void aRegardingLookupLearnsItsTargetFromTheAnnotation() {
        String page = """
                {"value":[{"@odata.etag":"W/\\"5\\"","subject":"Call","activityid":"aaaaaaaa-2222-4333-8444-555555555555",
                "_regardingobjectid_value":"bbbbbbbb-2222-4333-8444-555555555555",
                "_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"opportunity",
                "modifiedon":"2026-03-01T09:30:00Z"}],"@odata.deltaLink":"https://x/api/data/v9.2/tasks?$deltatoken=1"}
                """;

        ChangePage parsed = feed.parse(RecordType.TASK, page);

        assertThat(((RemoteChange.Upsert) parsed.changes().getFirst()).record().values())
                .containsEntry("regardingId", "bbbbbbbb-2222-4333-8444-555555555555");
        assertThat(targets.logicalOf("bbbbbbbb-2222-4333-8444-555555555555")).hasValue("opportunity");
    }
}
