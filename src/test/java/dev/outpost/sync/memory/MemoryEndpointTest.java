package dev.outpost.sync.memory;

import static dev.outpost.model.RecordType.CONTACT;
import static dev.outpost.model.RecordType.TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.outpost.sync.AnchorExpiredException;
import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.UserKey;
import dev.outpost.sync.WriteOutcome;

/** What the memory endpoint does beyond the conformance suite: scope, the other-user API, its choices. */
class MemoryEndpointTest {

    private final MemoryEndpoint endpoint = new MemoryEndpoint();

    private static Map<String, String> contact(String last, String category) {
        Map<String, String> values = new HashMap<>(Map.of("lastName", last, "email", last + "@example.com"));
        values.put("category", category);
        return values;
    }

    private void syncOnlyShared() {
        endpoint.scope(CONTACT, values -> "Shared".equals(values.get("category")));
    }

    @Test
    void aRecordOutOfScopeIsAbsentFromListingFetchAndUserKeySearch() {
        syncOnlyShared();
        RemoteRecord shared = endpoint.createRemote(CONTACT, contact("shared", "Shared"));
        RemoteRecord personal = endpoint.createRemote(CONTACT, contact("personal", "Personal"));

        assertThat(FeedReader.listing(endpoint, CONTACT).ids()).containsExactly(shared.remoteId());
        assertThat(endpoint.fetch(CONTACT, personal.remoteId())).isEmpty();
        assertThat(endpoint.findByUserKey(CONTACT, UserKey.of(CONTACT, personal.values()).orElseThrow())).isEmpty();
        assertThat(endpoint.get(CONTACT, personal.remoteId())).hasValue(personal);
    }

    @Test
    void aRecordLeavingTheScopeIsReportedOutOfScopeNotRemoved() {
        syncOnlyShared();
        RemoteRecord shared = endpoint.createRemote(CONTACT, contact("x", "Shared"));
        String anchor = FeedReader.listing(endpoint, CONTACT).anchor();
        endpoint.edit(CONTACT, shared.remoteId(), Map.of("category", ""));

        assertThat(FeedReader.delta(endpoint, CONTACT, anchor).changes())
                .containsExactly(new RemoteChange.OutOfScope(shared.remoteId()));
    }

    @Test
    void aRecordReenteringTheScopeIsAnUpsert() {
        syncOnlyShared();
        RemoteRecord personal = endpoint.createRemote(CONTACT, contact("x", "Personal"));
        String anchor = FeedReader.listing(endpoint, CONTACT).anchor();
        RemoteRecord shared = endpoint.edit(CONTACT, personal.remoteId(), Map.of("category", "Shared"));

        assertThat(FeedReader.delta(endpoint, CONTACT, anchor).changes()).containsExactly(new RemoteChange.Upsert(shared));
    }

    @Test
    void changingTheScopeReportsTheRecordsItMovesAndOnlyThose() {
        RemoteRecord shared = endpoint.createRemote(CONTACT, contact("a", "Shared"));
        RemoteRecord personal = endpoint.createRemote(CONTACT, contact("b", "Personal"));
        String anchor = FeedReader.listing(endpoint, CONTACT).anchor();
        syncOnlyShared();

        assertThat(FeedReader.delta(endpoint, CONTACT, anchor).changes())
                .containsExactly(new RemoteChange.OutOfScope(personal.remoteId()));
        assertThat(endpoint.inScope(CONTACT)).containsExactly(shared);
    }

    @Test
    void findCreatedAnswersWhateverTheScope() {
        syncOnlyShared();
        endpoint.write(CONTACT, List.of(new RemoteWrite.Create("c1", contact("x", "Personal"))));

        assertThat(endpoint.findCreated(CONTACT, "c1")).isPresent();
    }

    @Test
    void aRecordCreatedAndDeletedBetweenTwoSyncsIsReportedAsARemoval() {
        String anchor = FeedReader.listing(endpoint, CONTACT).anchor();
        RemoteRecord brief = endpoint.createRemote(CONTACT, contact("brief", ""));
        endpoint.remove(CONTACT, brief.remoteId());

        assertThat(FeedReader.delta(endpoint, CONTACT, anchor).changes())
                .containsExactly(new RemoteChange.Removal(brief.remoteId()));
    }

    @Test
    void aCreateReplayedAfterItsRecordWasDeletedMakesANewRecordAsDataverseWould() {
        RemoteWrite create = new RemoteWrite.Create("c1", contact("x", ""));
        String first = ((WriteOutcome.Written) endpoint.write(CONTACT, List.of(create)).getFirst()).remoteId();
        endpoint.remove(CONTACT, first);
        String second = ((WriteOutcome.Written) endpoint.write(CONTACT, List.of(create)).getFirst()).remoteId();

        assertThat(second).isNotEqualTo(first);
        assertThat(endpoint.findCreated(CONTACT, "c1")).map(RemoteRecord::remoteId).hasValue(second);
    }

    @Test
    void anEditWithABlankValueClearsTheField() {
        RemoteRecord created = endpoint.createRemote(CONTACT, Map.of("lastName", "x", "phone", "1"));

        assertThat(endpoint.edit(CONTACT, created.remoteId(), Map.of("phone", " ")).values())
                .isEqualTo(Map.of("lastName", "x"));
    }

    @Test
    void anEditOfAnUnknownRecordSaysWhichOne() {
        assertThatThrownBy(() -> endpoint.edit(CONTACT, "nope", Map.of()))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("contact").hasMessageContaining("nope");
    }

    @Test
    void removeAnswersWhetherThereWasARecord() {
        RemoteRecord created = endpoint.createRemote(CONTACT, contact("x", ""));

        assertThat(endpoint.remove(CONTACT, created.remoteId())).isTrue();
        assertThat(endpoint.remove(CONTACT, created.remoteId())).isFalse();
        assertThat(endpoint.count(CONTACT)).isZero();
    }

    @Test
    void theWriteCountCountsSuccessfulWritesOnlyUntilReset() {
        RemoteRecord created = endpoint.createRemote(CONTACT, contact("x", ""));
        endpoint.write(CONTACT, List.of(new RemoteWrite.Create("c1", contact("y", "")),
                new RemoteWrite.Update(created.remoteId(), "stale", contact("x", "")),
                new RemoteWrite.Delete(created.remoteId(), created.version())));

        assertThat(endpoint.writeCount()).isEqualTo(2);
        endpoint.resetCounters();
        assertThat(endpoint.writeCount()).isZero();
    }

    @Test
    void versionsComeFromOneCounterAcrossTypesAndChangeOnEveryWrite() {
        RemoteRecord contact = endpoint.createRemote(CONTACT, contact("x", ""));
        RemoteRecord task = endpoint.createRemote(TASK, Map.of("subject", "Call"));
        RemoteRecord edited = endpoint.edit(CONTACT, contact.remoteId(), Map.of("phone", "1"));

        assertThat(List.of(contact.version(), task.version(), edited.version())).containsExactly("1", "2", "3");
    }

    @Test
    void modifiedAtComesFromTheClock() {
        Instant noon = Instant.parse("2026-11-21T12:00:00Z");
        endpoint.clock(Clock.fixed(noon, ZoneOffset.UTC));

        assertThat(endpoint.createRemote(CONTACT, contact("x", "")).modifiedAt()).isEqualTo(noon);
    }

    @Test
    void theSameSeedGivesTheSameRemoteIds() {
        MemoryEndpoint one = new MemoryEndpoint().seed(7);
        MemoryEndpoint two = new MemoryEndpoint().seed(7);

        assertThat(one.createRemote(CONTACT, contact("x", "")).remoteId())
                .isEqualTo(two.createRemote(CONTACT, contact("x", "")).remoteId());
    }

    @Test
    void anAnchorOfAnotherEndpointIsExpired() {
        String anchor = FeedReader.listing(new MemoryEndpoint(), CONTACT).anchor();

        assertThatThrownBy(() -> endpoint.changes(CONTACT, Optional.of(anchor))).isInstanceOf(AnchorExpiredException.class);
    }

    @Test
    void anAnchorOfAnotherTypeIsExpired() {
        String anchor = FeedReader.listing(endpoint, TASK).anchor();

        assertThatThrownBy(() -> endpoint.changes(CONTACT, Optional.of(anchor))).isInstanceOf(AnchorExpiredException.class);
    }

    @Test
    void theSizesAreConfigurableWithTheDocumentedDefaults() {
        assertThat(endpoint.batchSize()).isEqualTo(50);
        assertThat(endpoint.batchSize(10).batchSize()).isEqualTo(10);
        for (int i = 0; i < 501; i++) {
            endpoint.createRemote(CONTACT, contact("c" + i, ""));
        }
        assertThat(FeedReader.listing(endpoint, CONTACT).pages()).extracting(List::size).containsExactly(500, 1);
    }

    @Test
    void aHundredThousandRecordsListInWellUnderASecondAndADeltaCostsWhatChanged() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(endpoint.createRemote(CONTACT, Map.of("lastName", "n" + i, "email", i + "@example.com")).remoteId());
        }
        FeedReader.listing(endpoint, CONTACT); // warm-up
        long listingStart = System.nanoTime();
        FeedReader.Feed listing = FeedReader.listing(endpoint, CONTACT);
        long listingMs = (System.nanoTime() - listingStart) / 1_000_000;
        for (int i = 0; i < 10; i++) {
            endpoint.edit(CONTACT, ids.get(i * 9_999), Map.of("phone", "1"));
        }
        long deltaStart = System.nanoTime();
        FeedReader.Feed delta = FeedReader.delta(endpoint, CONTACT, listing.anchor());
        long deltaMs = (System.nanoTime() - deltaStart) / 1_000_000;

        assertThat(listing.changes()).hasSize(100_000);
        assertThat(delta.changes()).hasSize(10);
        assertThat(listingMs).as("listing of 100,000 records, ms").isLessThan(1_000);
        assertThat(deltaMs).as("delta of 10 changes among 100,000 records, ms").isLessThan(50);
    }
}
