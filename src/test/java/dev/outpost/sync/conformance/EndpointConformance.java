package dev.outpost.sync.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outpost.model.RecordType;
import dev.outpost.sync.AnchorExpiredException;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.Endpoint;
import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.UserKey;
import dev.outpost.sync.WriteOutcome;

/**
 * What every endpoint must do for the sync engine to be correct against it, written once and run against
 * each: the memory endpoint, the CRM and Outlook connectors against the demo server. Subclasses say how to
 * make a fresh, empty endpoint and how to act as the other user; everything here runs without faults.
 *
 * <p>Choices the suite fixes for all endpoints: an update replaces the whole record (fields left out are
 * cleared); deleting a record that is already gone answers {@link WriteOutcome.Deleted}, so a replayed
 * delete is harmless; a replayed create answers the record the first one made.
 */
public abstract class EndpointConformance {

    /** An endpoint under test and the door through which the other user changes it. */
    public record EndpointUnderTest(Endpoint endpoint, RemoteActor other, AutoCloseable cleanup) {
        public EndpointUnderTest(Endpoint endpoint, RemoteActor other) {
            this(endpoint, other, () -> { });
        }
    }

    /** Every entry of a feed followed to its end, the anchor it ended with and how many pages it took. */
    public record Feed(List<RemoteChange> changes, String anchor, int pages) {
        public List<String> ids() {
            return changes.stream().map(RemoteChange::remoteId).toList();
        }
    }

    /** A fresh, empty endpoint whose feed pages hold at most {@code pageSize} entries. */
    protected abstract EndpointUnderTest create(int pageSize);

    /** The record type the suite exercises; the default suits both the CRM and the mailbox. */
    protected RecordType type() {
        return RecordType.CONTACT;
    }

    /** Valid values for the n-th distinct record of {@link #type()}, with a distinct user key. */
    protected Map<String, String> sample(int n) {
        return Map.of("firstName", "Ada" + n, "lastName", "Lovelace", "email", "ada" + n + "@example.com",
                "phone", "+44 20 7946 " + String.format("%04d", n));
    }

    private final List<EndpointUnderTest> made = new ArrayList<>();
    protected Endpoint endpoint;
    protected RemoteActor other;

    @BeforeEach
    void createEndpoint() {
        EndpointUnderTest under = fresh(100);
        endpoint = under.endpoint();
        other = under.other();
    }

    @AfterEach
    void closeEndpoints() throws Exception {
        for (EndpointUnderTest under : made) {
            under.cleanup().close();
        }
    }

    /** Another fresh endpoint, closed after the test. */
    protected EndpointUnderTest fresh(int pageSize) {
        EndpointUnderTest under = create(pageSize);
        made.add(under);
        return under;
    }

    /** Follows the feed from {@code from} (empty: a complete listing) to its last page. */
    protected Feed drain(Endpoint on, Optional<String> from) {
        List<RemoteChange> changes = new ArrayList<>();
        Optional<String> token = from;
        for (int pages = 1; pages <= 100_000; pages++) {
            ChangePage page = on.changes(type(), token);
            changes.addAll(page.changes());
            if (page.isLast()) {
                return new Feed(changes, page.anchor().orElseThrow(), pages);
            }
            token = page.next();
        }
        throw new AssertionError("The feed did not end within 100,000 pages");
    }

    protected String anchorNow() {
        return drain(endpoint, Optional.empty()).anchor();
    }

    protected Feed delta(String anchor) {
        return drain(endpoint, Optional.of(anchor));
    }

    private WriteOutcome writeOne(RemoteWrite write) {
        List<WriteOutcome> outcomes = endpoint.write(type(), List.of(write));
        assertThat(outcomes).hasSize(1);
        return outcomes.getFirst();
    }

    private static Map<String, String> with(Map<String, String> values, String field, String value) {
        Map<String, String> changed = new HashMap<>(values);
        changed.put(field, value);
        return changed;
    }

    @Test
    void aListingEndsWithAnAnchorEvenWhenEmpty() {
        ChangePage page = endpoint.changes(type(), Optional.empty());
        while (!page.isLast()) {
            assertThat(page.next()).isPresent();
            page = endpoint.changes(type(), page.next());
        }
        assertThat(page.anchor()).hasValueSatisfying(anchor -> assertThat(anchor).isNotBlank());
    }

    @Test
    void aListingReportsEveryRecordAsItIs() {
        RemoteRecord one = other.create(type(), sample(1));
        RemoteRecord two = other.create(type(), sample(2));

        assertThat(drain(endpoint, Optional.empty()).changes())
                .containsExactlyInAnyOrder(new RemoteChange.Upsert(one), new RemoteChange.Upsert(two));
    }

    @Test
    void aDeltaIsEmptyWhenNothingChanged() {
        other.create(type(), sample(1));
        Feed delta = delta(anchorNow());

        assertThat(delta.changes()).isEmpty();
        assertThat(delta(delta.anchor()).changes()).isEmpty();
    }

    @Test
    void aDeltaReportsACreatedRecord() {
        String anchor = anchorNow();
        RemoteRecord created = other.create(type(), sample(1));

        assertThat(delta(anchor).changes()).containsExactly(new RemoteChange.Upsert(created));
    }

    @Test
    void aDeltaReportsAnEditedRecordWhole() {
        RemoteRecord created = other.create(type(), sample(1));
        String anchor = anchorNow();
        RemoteRecord edited = other.edit(type(), created.remoteId(), Map.of("phone", "+1 555 0100"));

        assertThat(edited.values()).isEqualTo(with(sample(1), "phone", "+1 555 0100"));
        assertThat(delta(anchor).changes()).containsExactly(new RemoteChange.Upsert(edited));
    }

    @Test
    void aDeltaReportsARemovedRecord() {
        RemoteRecord created = other.create(type(), sample(1));
        String anchor = anchorNow();
        other.remove(type(), created.remoteId());

        assertThat(delta(anchor).changes()).containsExactly(new RemoteChange.Removal(created.remoteId()));
    }

    @Test
    void aDeltaReportsOnlyWhatChangedSinceItsAnchor() {
        RemoteRecord first = other.create(type(), sample(1));
        String anchor = anchorNow();
        RemoteRecord second = other.create(type(), sample(2));
        Feed delta = delta(anchor);
        RemoteRecord edited = other.edit(type(), first.remoteId(), Map.of("jobTitle", "Analyst"));

        assertThat(delta.ids()).containsExactly(second.remoteId());
        assertThat(delta(delta.anchor()).changes()).containsExactly(new RemoteChange.Upsert(edited));
    }

    @Test
    void aChangeMadeWhileListingArrivesInTheNextDelta() {
        EndpointUnderTest paged = fresh(2);
        for (int i = 0; i < 5; i++) {
            paged.other().create(type(), sample(i));
        }
        ChangePage first = paged.endpoint().changes(type(), Optional.empty());
        RemoteRecord late = paged.other().create(type(), sample(99));
        Feed rest = drain(paged.endpoint(), first.next());

        assertThat(drain(paged.endpoint(), Optional.of(rest.anchor())).changes())
                .contains(new RemoteChange.Upsert(late));
    }

    @Test
    void aWriteIsEchoedByTheNextDeltaWithTheVersionItReturned() {
        RemoteRecord created = other.create(type(), sample(1));
        String anchor = anchorNow();
        WriteOutcome.Written written = (WriteOutcome.Written) writeOne(new RemoteWrite.Update(
                created.remoteId(), created.version(), with(sample(1), "jobTitle", "Engineer")));

        assertThat(delta(anchor).changes()).singleElement().isInstanceOfSatisfying(RemoteChange.Upsert.class,
                upsert -> assertThat(upsert.record().version()).isEqualTo(written.version()));
    }

    @Test
    void aCreateIsEchoedByTheNextDeltaWithTheIdAndVersionItReturned() {
        String anchor = anchorNow();
        WriteOutcome.Written written = (WriteOutcome.Written) writeOne(new RemoteWrite.Create("client-1", sample(1)));

        assertThat(delta(anchor).changes()).singleElement().isInstanceOfSatisfying(RemoteChange.Upsert.class,
                upsert -> {
                    assertThat(upsert.record().remoteId()).isEqualTo(written.remoteId());
                    assertThat(upsert.record().version()).isEqualTo(written.version());
                    assertThat(upsert.record().values()).isEqualTo(sample(1));
                });
    }

    @Test
    void anUpdateReplacesTheWholeRecord() {
        RemoteRecord created = other.create(type(), sample(1));
        Map<String, String> fewer = new HashMap<>(sample(1));
        fewer.remove("phone");
        writeOne(new RemoteWrite.Update(created.remoteId(), created.version(), fewer));

        assertThat(endpoint.fetch(type(), created.remoteId())).map(RemoteRecord::values).hasValue(fewer);
    }

    @Test
    void anUpdateWithAStaleVersionIsRemoteChangedAndChangesNothing() {
        RemoteRecord created = other.create(type(), sample(1));
        RemoteRecord edited = other.edit(type(), created.remoteId(), Map.of("jobTitle", "Analyst"));

        assertThat(writeOne(new RemoteWrite.Update(created.remoteId(), created.version(), sample(2))))
                .isEqualTo(new WriteOutcome.RemoteChanged());
        assertThat(endpoint.fetch(type(), created.remoteId())).hasValue(edited);
    }

    @Test
    void anUpdateOfARemovedRecordIsRemoteGone() {
        RemoteRecord created = other.create(type(), sample(1));
        other.remove(type(), created.remoteId());

        assertThat(writeOne(new RemoteWrite.Update(created.remoteId(), created.version(), sample(1))))
                .isEqualTo(new WriteOutcome.RemoteGone());
    }

    @Test
    void aDeleteWithAStaleVersionIsRemoteChangedAndDeletesNothing() {
        RemoteRecord created = other.create(type(), sample(1));
        other.edit(type(), created.remoteId(), Map.of("jobTitle", "Analyst"));

        assertThat(writeOne(new RemoteWrite.Delete(created.remoteId(), created.version())))
                .isEqualTo(new WriteOutcome.RemoteChanged());
        assertThat(endpoint.fetch(type(), created.remoteId())).isPresent();
    }

    @Test
    void deletingTwiceAnswersDeletedBothTimes() {
        RemoteRecord created = other.create(type(), sample(1));
        RemoteWrite delete = new RemoteWrite.Delete(created.remoteId(), created.version());

        assertThat(writeOne(delete)).isEqualTo(new WriteOutcome.Deleted());
        assertThat(writeOne(delete)).isEqualTo(new WriteOutcome.Deleted());
        assertThat(endpoint.fetch(type(), created.remoteId())).isEmpty();
    }

    @Test
    void aReplayedCreateMakesNoSecondRecordAndFindCreatedFindsIt() {
        RemoteWrite create = new RemoteWrite.Create("client-7", sample(7));
        WriteOutcome first = writeOne(create);
        WriteOutcome replay = writeOne(create);

        assertThat(replay).isEqualTo(first);
        String id = ((WriteOutcome.Written) first).remoteId();
        assertThat(drain(endpoint, Optional.empty()).ids()).containsExactly(id);
        assertThat(endpoint.findCreated(type(), "client-7")).map(RemoteRecord::remoteId).hasValue(id);
    }

    @Test
    void findCreatedOfACreateThatNeverArrivedIsEmpty() {
        assertThat(endpoint.findCreated(type(), "never-sent")).isEmpty();
    }

    @Test
    void findByUserKeyFindsTheRecordsWithThatKeyOnly() {
        RemoteRecord wanted = other.create(type(), sample(1));
        other.create(type(), sample(2));
        UserKey key = UserKey.of(type(), sample(1)).orElseThrow();

        assertThat(endpoint.findByUserKey(type(), key)).containsExactly(wanted);
    }

    @Test
    void fetchAnswersTheRecordAsItIs() {
        RemoteRecord created = other.create(type(), sample(1));

        assertThat(endpoint.fetch(type(), created.remoteId())).hasValue(created);
    }

    @Test
    void fetchOfAnUnknownIdIsEmpty() {
        assertThat(endpoint.fetch(type(), "00000000-0000-4000-8000-000000000000")).isEmpty();
    }

    @Test
    void aBatchAnswersEveryWriteInOrder() {
        RemoteRecord kept = other.create(type(), sample(1));
        RemoteRecord gone = other.create(type(), sample(2));
        other.remove(type(), gone.remoteId());

        List<WriteOutcome> outcomes = endpoint.write(type(), List.of(
                new RemoteWrite.Create("client-3", sample(3)),
                new RemoteWrite.Update(gone.remoteId(), gone.version(), sample(2)),
                new RemoteWrite.Update(kept.remoteId(), "not-the-version", sample(1)),
                new RemoteWrite.Delete(gone.remoteId(), gone.version()),
                new RemoteWrite.Update(kept.remoteId(), kept.version(), with(sample(1), "jobTitle", "CTO"))));

        assertThat(outcomes).hasSize(5);
        assertThat(outcomes.get(0)).isInstanceOf(WriteOutcome.Written.class);
        assertThat(outcomes.get(1)).isEqualTo(new WriteOutcome.RemoteGone());
        assertThat(outcomes.get(2)).isEqualTo(new WriteOutcome.RemoteChanged());
        assertThat(outcomes.get(3)).isEqualTo(new WriteOutcome.Deleted());
        assertThat(outcomes.get(4)).isInstanceOfSatisfying(WriteOutcome.Written.class,
                written -> assertThat(written.remoteId()).isEqualTo(kept.remoteId()));
    }

    @Test
    void releasingAndClaimingAgainDeleteNothingAndAnswerEveryId() {
        RemoteRecord kept = other.create(type(), sample(1));
        RemoteRecord gone = other.create(type(), sample(2));
        other.remove(type(), gone.remoteId());

        List<WriteOutcome> released = endpoint.release(type(), List.of(kept.remoteId(), gone.remoteId()));
        List<WriteOutcome> claimed = endpoint.claim(type(), List.of(kept.remoteId()));

        assertThat(released).hasSize(2);
        assertThat(released.getFirst()).isInstanceOf(WriteOutcome.Written.class);
        assertThat(released.get(1)).isInstanceOfAny(WriteOutcome.Written.class, WriteOutcome.RemoteGone.class);
        assertThat(claimed).singleElement().isInstanceOf(WriteOutcome.Written.class);
        assertThat(endpoint.fetch(type(), kept.remoteId())).map(RemoteRecord::values).hasValue(kept.values());
    }

    @Test
    void aGarbledAnchorIsExpired() {
        assertThatThrownBy(() -> endpoint.changes(type(), Optional.of("not-an-anchor")))
                .isInstanceOf(AnchorExpiredException.class);
    }

    @Test
    void pagingDeliversEveryRecordExactlyOnce() {
        EndpointUnderTest paged = fresh(7);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(paged.other().create(type(), sample(i)).remoteId());
        }
        Feed listing = drain(paged.endpoint(), Optional.empty());

        assertThat(listing.pages()).isGreaterThan(1);
        assertThat(listing.ids()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void pagingADeltaDeliversEveryChangeExactlyOnce() {
        EndpointUnderTest paged = fresh(3);
        String anchor = drain(paged.endpoint(), Optional.empty()).anchor();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(paged.other().create(type(), sample(i)).remoteId());
        }
        Feed delta = drain(paged.endpoint(), Optional.of(anchor));

        assertThat(delta.pages()).isGreaterThan(1);
        assertThat(delta.ids()).containsExactlyInAnyOrderElementsOf(ids);
    }
}
