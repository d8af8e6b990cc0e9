package dev.outpost.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.Link;
import dev.outpost.store.SyncIssue;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.Endpoint;
import dev.outpost.sync.ForwardingEndpoint;
import dev.outpost.sync.MassDeleteGuard;
import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncPair;
import dev.outpost.sync.SyncReport;
import dev.outpost.sync.TypeOutcome;

/** A row the endpoint cannot read is a sync issue naming the record and the field, never a loss or a deletion. */
class UnreadableRowsTest extends EngineFixture {

    private static final String NEW_EMAIL = "bo.dahl@new-address.example";

    private String anna;
    private String bo;
    private String cato;

    @BeforeEach
    void threeSyncedContacts() {
        anna = remote.createRemote(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example")).remoteId();
        bo = remote.createRemote(RecordType.CONTACT, contact("Bo", "Dahl", "bo@dahl.example")).remoteId();
        cato = remote.createRemote(RecordType.CONTACT, contact("Cato", "Lund", "cato@lund.example")).remoteId();
        sync();
    }

    /** Bo's row turns unreadable in an edit, and Anna and Cato are edited in the same page. */
    private void editAllWithBoUnreadable() {
        remote.faults().unreadable(bo, "email");
        remote.edit(RecordType.CONTACT, anna, Map.of("jobTitle", "CFO"));
        remote.edit(RecordType.CONTACT, bo, Map.of("email", NEW_EMAIL));
        remote.edit(RecordType.CONTACT, cato, Map.of("jobTitle", "CTO"));
    }

    private List<SyncIssue> openIssues() {
        return store.sync().openIssues(Optional.empty());
    }

    private Link linkOf(String title) {
        return store.sync().link("crm", local(RecordType.CONTACT, title).id()).orElseThrow();
    }

    private SyncReport syncWith(Endpoint endpoint) {
        return engine.run(new SyncPair("crm", endpoint, policy, List.of(RecordType.values()), MassDeleteGuard.DEFAULT),
                RunOptions.normal());
    }

    @Test
    void anUnreadableRowIsAnIssueNamingTheRecordAndTheFieldAndTheRestOfThePageIsApplied() {
        editAllWithBoUnreadable();

        SyncReport report = sync();

        assertThat(report.types()).filteredOn(t -> t.type() == RecordType.CONTACT).singleElement()
                .satisfies(t -> assertThat(t.issues()).isEqualTo(1));
        Record boHere = local(RecordType.CONTACT, "Bo Dahl");
        assertThat(openIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo("unreadable-remote");
            assertThat(issue.recordId()).isEqualTo(boHere.id());
            assertThat(issue.remoteId()).isEqualTo(bo);
            assertThat(issue.reason()).contains("'Bo Dahl'", "'E-mail'", "Fix the value in CRM")
                    .doesNotContain(NEW_EMAIL);
        });
        assertThat(local(RecordType.CONTACT, "Anna Berg").get("jobTitle")).isEqualTo("CFO");
        assertThat(local(RecordType.CONTACT, "Cato Lund").get("jobTitle")).isEqualTo("CTO");
    }

    @Test
    void theLocalCopyOfAnUnreadableRowAndItsLinkStayAsTheyWere() {
        Link before = linkOf("Bo Dahl");
        editAllWithBoUnreadable();

        sync();

        assertThat(local(RecordType.CONTACT, "Bo Dahl").get("email")).isEqualTo("bo@dahl.example");
        assertThat(linkOf("Bo Dahl")).isEqualTo(before);
    }

    @Test
    void aRowThatStaysUnreadableIsOneIssueCountingItsAttempts() {
        editAllWithBoUnreadable();
        sync();
        remote.edit(RecordType.CONTACT, bo, Map.of("jobTitle", "CEO"));

        sync();

        assertThat(openIssues()).singleElement().satisfies(issue -> assertThat(issue.attempts()).isEqualTo(2));
    }

    @Test
    void onceTheRowReadsFineItIsAppliedAndItsIssueClosesByItself() {
        editAllWithBoUnreadable();
        sync();
        remote.faults().readable(bo);
        remote.edit(RecordType.CONTACT, bo, Map.of("jobTitle", "CEO"));

        sync();

        assertThat(local(RecordType.CONTACT, "Bo Dahl").get("email")).isEqualTo(NEW_EMAIL);
        assertThat(openIssues()).isEmpty();
    }

    @Test
    void aReListingDoesNotTakeAnUnreadableRowForADeletedOne() {
        remote.faults().unreadable(bo, "email").expireAnchorsUntilReset(); // every type re-lists
        remote.edit(RecordType.CONTACT, anna, Map.of("jobTitle", "CFO"));

        sync();

        assertThat(local(RecordType.CONTACT, "Bo Dahl").deleted()).isFalse();
        assertThat(linkOf("Bo Dahl").inScope()).isTrue();
        assertThat(local(RecordType.CONTACT, "Anna Berg").get("jobTitle")).isEqualTo("CFO");
        assertThat(openIssues()).extracting(SyncIssue::remoteId).containsExactly(bo);
        assertThat(remote.count(RecordType.CONTACT)).isEqualTo(3);
    }

    @Test
    void aRepeatedUnreadableRowWhoseFetchFailsIsLeftAlone() {
        editAllWithBoUnreadable();

        syncWith(new RepeatingFeed(remote, false));

        assertThat(local(RecordType.CONTACT, "Bo Dahl").get("email")).isEqualTo("bo@dahl.example");
        assertThat(linkOf("Bo Dahl").inScope()).isTrue();
        assertThat(openIssues()).extracting(SyncIssue::remoteId).containsExactly(bo);
    }

    @Test
    void aRepeatedUnreadableRowWhoseFetchFindsNothingIsNeitherDeletedNorUnlinked() {
        editAllWithBoUnreadable();

        syncWith(new RepeatingFeed(remote, true));

        assertThat(local(RecordType.CONTACT, "Bo Dahl").deleted()).isFalse();
        assertThat(linkOf("Bo Dahl").inScope()).isTrue();
        assertThat(openIssues()).extracting(SyncIssue::remoteId).containsExactly(bo);
    }

    @Test
    void aLocalEditOfARecordWhoseRowCannotBeReadWaitsAndTheRestOfTheTypeIsSent() {
        editAllWithBoUnreadable();
        sync();
        records.update(local(RecordType.CONTACT, "Bo Dahl").id(), Map.of("jobTitle", "Buyer"));
        records.update(local(RecordType.CONTACT, "Anna Berg").id(), Map.of("phone", "+47 1"));

        SyncReport report = sync();

        assertThat(report.types()).filteredOn(t -> t.type() == RecordType.CONTACT).singleElement()
                .satisfies(t -> assertThat(t.outcome()).isEqualTo(TypeOutcome.DONE));
        assertThat(remote.fetch(RecordType.CONTACT, anna).orElseThrow().values()).containsEntry("phone", "+47 1");
        remote.faults().readable(bo);
        assertThat(remote.fetch(RecordType.CONTACT, bo).orElseThrow().values()).doesNotContainKey("jobTitle");
    }

    @Test
    void aWaitingLocalEditIsMergedAndSentOnceTheRowReadsFine() {
        editAllWithBoUnreadable();
        sync();
        records.update(local(RecordType.CONTACT, "Bo Dahl").id(), Map.of("jobTitle", "Buyer"));
        sync();
        remote.faults().readable(bo);
        remote.edit(RecordType.CONTACT, bo, Map.of("phone", "+47 2"));

        sync();

        assertThat(remote.fetch(RecordType.CONTACT, bo).orElseThrow().values())
                .containsEntry("jobTitle", "Buyer").containsEntry("email", NEW_EMAIL).containsEntry("phone", "+47 2");
        assertThat(local(RecordType.CONTACT, "Bo Dahl").get("email")).isEqualTo(NEW_EMAIL);
        assertThat(openIssues()).isEmpty();
    }

    @Test
    void aRowWhoseIdCannotBeReadIsOneIssueWithoutARecordAndDeletesNothing() {
        Endpoint withAnonymousRow = new ForwardingEndpoint(remote) {
            @Override
            public ChangePage changes(RecordType type, Optional<String> from) {
                ChangePage page = inner.changes(type, from);
                if (type != RecordType.CONTACT || !page.isLast()) {
                    return page;
                }
                List<RemoteChange> changes = new ArrayList<>(page.changes());
                changes.add(new RemoteChange.Unreadable(RemoteChange.Unreadable.UNKNOWN_ID, "contactid", "not a GUID"));
                changes.add(new RemoteChange.Unreadable(RemoteChange.Unreadable.UNKNOWN_ID, "contactid", "not a GUID"));
                return new ChangePage(changes, page.next(), page.anchor());
            }
        };

        syncWith(withAnonymousRow);
        syncWith(withAnonymousRow);

        assertThat(openIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.recordId()).isNull();
            assertThat(issue.remoteId()).isEqualTo(RemoteChange.Unreadable.UNKNOWN_ID);
            assertThat(issue.reason()).contains("One contact", "'contactid'", "not a GUID");
            assertThat(issue.attempts()).isEqualTo(2);
        });
        assertThat(records.list(RecordType.CONTACT, "")).hasSize(3);
    }

    /** Sends every feed entry twice, so the engine asks the endpoint about each; a fetch may find nothing. */
    private static final class RepeatingFeed extends ForwardingEndpoint {

        private final boolean fetchFindsNothing;

        RepeatingFeed(Endpoint inner, boolean fetchFindsNothing) {
            super(inner);
            this.fetchFindsNothing = fetchFindsNothing;
        }

        @Override
        public ChangePage changes(RecordType type, Optional<String> from) {
            ChangePage page = inner.changes(type, from);
            List<RemoteChange> twice = new ArrayList<>(page.changes());
            twice.addAll(page.changes());
            return new ChangePage(twice, page.next(), page.anchor());
        }

        @Override
        public Optional<RemoteRecord> fetch(RecordType type, String remoteId) {
            return fetchFindsNothing ? Optional.empty() : inner.fetch(type, remoteId);
        }
    }
}
