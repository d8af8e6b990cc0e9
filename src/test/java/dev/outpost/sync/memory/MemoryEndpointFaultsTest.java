package dev.outpost.sync.memory;

import static dev.outpost.model.RecordType.CONTACT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.outpost.sync.AnchorExpiredException;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.EndpointException;
import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.UserKey;
import dev.outpost.sync.WriteOutcome;

/** Each fault knob does what the engine's tests rely on, and nothing else. */
class MemoryEndpointFaultsTest {

    private final MemoryEndpoint endpoint = new MemoryEndpoint().seed(11);

    private static Map<String, String> contact(int n) {
        return Map.of("lastName", "n" + n, "email", n + "@example.com");
    }

    private static List<RemoteWrite> creates(int count) {
        return IntStream.range(0, count).<RemoteWrite>mapToObj(i -> new RemoteWrite.Create("c" + i, contact(i))).toList();
    }

    private List<RemoteRecord> records(int count) {
        return IntStream.range(0, count).mapToObj(i -> endpoint.createRemote(CONTACT, contact(i))).toList();
    }

    private String anchor() {
        return FeedReader.listing(endpoint, CONTACT).anchor();
    }

    // ---- failing writes

    @Test
    void failingEveryWriteAnswersRetryableFailuresAndChangesNothing() {
        endpoint.faults().failWrites(1.0);

        assertThat(endpoint.write(CONTACT, creates(3))).hasSize(3)
                .allSatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(WriteOutcome.Failed.class,
                        failed -> assertThat(failed.retryable()).isTrue()));
        assertThat(endpoint.count(CONTACT)).isZero();
        assertThat(endpoint.writeCount()).isZero();
    }

    @Test
    void failingAShareOfWritesFailsSomeAndMakesTheRest() {
        endpoint.faults().failWrites(0.5);
        List<WriteOutcome> outcomes = endpoint.write(CONTACT, creates(200));

        long failed = outcomes.stream().filter(WriteOutcome.Failed.class::isInstance).count();
        assertThat(failed).isBetween(60L, 140L);
        assertThat(endpoint.count(CONTACT)).isEqualTo(200 - failed);
    }

    @Test
    void failingPickedWritesFailsThoseOnly() {
        endpoint.faults().failWritesWhen((type, write) -> write instanceof RemoteWrite.Create c && c.clientId().equals("c1"));

        assertThat(endpoint.write(CONTACT, creates(3)))
                .extracting(outcome -> outcome instanceof WriteOutcome.Failed).containsExactly(false, true, false);
    }

    @Test
    void injectedFailuresCanBeFinal() {
        endpoint.faults().failWrites(1.0).failuresRetryable(false);

        assertThat(endpoint.write(CONTACT, creates(1))).singleElement().isInstanceOfSatisfying(WriteOutcome.Failed.class,
                failed -> assertThat(failed.retryable()).isFalse());
    }

    // ---- crash after K writes

    @Test
    void aCrashAfterKWritesMakesThemThenThrows() {
        endpoint.faults().crashAfterWrites(2);

        assertThatThrownBy(() -> endpoint.write(CONTACT, creates(3))).isInstanceOf(SimulatedCrash.class);
        assertThat(endpoint.findCreated(CONTACT, "c0")).isPresent();
        assertThat(endpoint.findCreated(CONTACT, "c1")).isPresent();
        assertThat(endpoint.findCreated(CONTACT, "c2")).isEmpty();
    }

    @Test
    void aCrashCountsWritesAcrossCallsAndFiresOnce() {
        endpoint.faults().crashAfterWrites(3);
        endpoint.write(CONTACT, creates(2));

        assertThatThrownBy(() -> endpoint.write(CONTACT, List.of(new RemoteWrite.Create("x", contact(8)),
                new RemoteWrite.Create("y", contact(9))))).isInstanceOf(SimulatedCrash.class);
        assertThat(endpoint.count(CONTACT)).isEqualTo(3);
        assertThatCode(() -> endpoint.write(CONTACT, creates(5))).doesNotThrowAnyException();
    }

    @Test
    void aCrashAfterZeroWritesThrowsBeforeWriting() {
        endpoint.faults().crashAfterWrites(0);

        assertThatThrownBy(() -> endpoint.write(CONTACT, creates(1))).isInstanceOf(SimulatedCrash.class);
        assertThat(endpoint.count(CONTACT)).isZero();
    }

    @Test
    void failedWritesDoNotBringTheCrashCloser() {
        endpoint.faults().crashAfterWrites(1).failWritesWhen((type, write) -> ((RemoteWrite.Create) write).clientId().equals("c0"));

        assertThatThrownBy(() -> endpoint.write(CONTACT, creates(3))).isInstanceOf(SimulatedCrash.class);
        assertThat(endpoint.count(CONTACT)).isEqualTo(1);
    }

    // ---- unreachable

    @Test
    void anUnreachableEndpointRefusesEveryCallButTheOtherUserStillWorks() {
        RemoteRecord record = records(1).getFirst();
        endpoint.faults().unreachable(true);

        for (Runnable call : List.<Runnable>of(
                () -> endpoint.changes(CONTACT, Optional.empty()),
                () -> endpoint.fetch(CONTACT, record.remoteId()),
                () -> endpoint.findByUserKey(CONTACT, UserKey.of(CONTACT, record.values()).orElseThrow()),
                () -> endpoint.findCreated(CONTACT, "c0"),
                () -> endpoint.write(CONTACT, creates(1)))) {
            assertThatThrownBy(call::run).isInstanceOf(EndpointException.class).hasMessageContaining("is unreachable");
        }
        assertThat(endpoint.edit(CONTACT, record.remoteId(), Map.of("phone", "1"))).isNotNull();
        endpoint.faults().unreachable(false);
        assertThat(endpoint.fetch(CONTACT, record.remoteId())).isPresent();
    }

    // ---- duplicated and reordered feeds

    /** 40 records, each edited twice, so each has two older states. */
    private Map<String, List<RemoteRecord>> editedTwice() {
        Map<String, List<RemoteRecord>> states = new HashMap<>();
        for (RemoteRecord record : records(40)) {
            RemoteRecord once = endpoint.edit(CONTACT, record.remoteId(), Map.of("phone", "1"));
            RemoteRecord twice = endpoint.edit(CONTACT, record.remoteId(), Map.of("phone", "2"));
            states.put(record.remoteId(), List.of(record, once, twice));
        }
        return states;
    }

    @Test
    void aDuplicatingFeedStillDeliversEveryRecordsCurrentState() {
        Map<String, List<RemoteRecord>> states = editedTwice();
        endpoint.pageSize(7).faults().duplicateAndReorder(0.5);

        assertThat(FeedReader.listing(endpoint, CONTACT).changes())
                .containsAll(states.values().stream().map(s -> (RemoteChange) new RemoteChange.Upsert(s.getLast())).toList());
    }

    @Test
    void aDuplicatingFeedRepeatsEntriesOnlyInStatesTheRecordReallyHad() {
        Map<String, List<RemoteRecord>> states = editedTwice();
        endpoint.pageSize(7).faults().duplicateAndReorder(0.5);
        List<RemoteChange> changes = FeedReader.listing(endpoint, CONTACT).changes();

        assertThat(changes.size()).isGreaterThan(states.size());
        assertThat(changes).allSatisfy(change -> assertThat(states.get(change.remoteId()))
                .contains(((RemoteChange.Upsert) change).record()));
    }

    @Test
    void aDuplicatingFeedSendsSomeOlderStatesAfterNewerOnes() {
        Map<String, List<RemoteRecord>> states = editedTwice();
        endpoint.pageSize(7).faults().duplicateAndReorder(0.5);
        List<RemoteChange> changes = FeedReader.listing(endpoint, CONTACT).changes();

        Set<String> seenCurrent = new HashSet<>();
        boolean staleAfterCurrent = false;
        for (RemoteChange change : changes) {
            RemoteRecord record = ((RemoteChange.Upsert) change).record();
            boolean current = record.equals(states.get(record.remoteId()).getLast());
            staleAfterCurrent |= !current && seenCurrent.contains(record.remoteId());
            if (current) {
                seenCurrent.add(record.remoteId());
            }
        }
        assertThat(staleAfterCurrent).isTrue();
    }

    @Test
    void aDuplicatingFeedRepeatsSomeEntriesOnALaterPage() {
        records(60);
        endpoint.pageSize(5).faults().duplicateAndReorder(0.5);
        List<List<RemoteChange>> pages = FeedReader.listing(endpoint, CONTACT).pages();

        Map<String, Set<Integer>> pagesOf = new HashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            for (RemoteChange change : pages.get(p)) {
                pagesOf.computeIfAbsent(change.remoteId(), id -> new HashSet<>()).add(p);
            }
        }
        assertThat(pagesOf.values()).anySatisfy(onPages -> assertThat(onPages).hasSizeGreaterThan(1));
    }

    @Test
    void aReorderingFeedShufflesTheEntriesOfADelta() {
        String anchor = anchor();
        List<String> created = records(50).stream().map(RemoteRecord::remoteId).toList();
        endpoint.faults().duplicateAndReorder(0.1);

        List<String> delivered = FeedReader.delta(endpoint, CONTACT, anchor).ids().stream().distinct().toList();
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(created).isNotEqualTo(created);
    }

    @Test
    void aDeletedRecordsRepeatsMayBeItsOlderStatesButItsRemovalIsAlwaysSent() {
        List<RemoteRecord> made = records(30);
        String anchor = anchor();
        made.forEach(record -> endpoint.remove(CONTACT, record.remoteId()));
        endpoint.faults().duplicateAndReorder(1.0);
        List<RemoteChange> changes = FeedReader.delta(endpoint, CONTACT, anchor).changes();

        assertThat(changes).filteredOn(RemoteChange.Removal.class::isInstance).extracting(RemoteChange::remoteId)
                .containsAll(made.stream().map(RemoteRecord::remoteId).toList());
        assertThat(changes).filteredOn(RemoteChange.Upsert.class::isInstance)
                .allSatisfy(change -> assertThat(made).contains(((RemoteChange.Upsert) change).record()));
    }

    @Test
    void theSameSeedGivesTheSameFaultyFeed() {
        List<List<String>> feeds = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            MemoryEndpoint fresh = new MemoryEndpoint().seed(5).pageSize(4);
            IntStream.range(0, 20).forEach(i -> fresh.createRemote(CONTACT, contact(i)));
            fresh.faults().duplicateAndReorder(0.4).emptyPages(0.3);
            feeds.add(FeedReader.listing(fresh, CONTACT).ids());
        }
        assertThat(feeds.get(0)).isEqualTo(feeds.get(1));
    }

    // ---- empty pages

    @Test
    void emptyPagesCarryANextTokenAndLoseNothing() {
        List<String> ids = records(30).stream().map(RemoteRecord::remoteId).toList();
        endpoint.pageSize(4).faults().emptyPages(0.5);
        FeedReader.Feed listing = FeedReader.listing(endpoint, CONTACT);

        assertThat(listing.pages()).anySatisfy(page -> assertThat(page).isEmpty());
        assertThat(listing.ids()).containsExactlyInAnyOrderElementsOf(ids);
    }

    // ---- expired anchors

    @Test
    void anAnchorExpiredOnceFailsOnceThenWorks() {
        String anchor = anchor();
        endpoint.faults().expireAnchorsOnce();

        assertThatThrownBy(() -> endpoint.changes(CONTACT, Optional.of(anchor))).isInstanceOf(AnchorExpiredException.class);
        assertThat(FeedReader.delta(endpoint, CONTACT, anchor).changes()).isEmpty();
    }

    @Test
    void anExpiryAlsoHitsANextTokenMidFeedAndLeavesACompleteListingPossible() {
        records(10);
        endpoint.pageSize(3);
        ChangePage first = endpoint.changes(CONTACT, Optional.empty());
        endpoint.faults().expireAnchorsOnce();

        assertThatThrownBy(() -> endpoint.changes(CONTACT, first.next())).isInstanceOf(AnchorExpiredException.class);
        assertThat(FeedReader.listing(endpoint, CONTACT).ids()).hasSize(10);
    }

    @Test
    void anchorsExpiredUntilResetFailEveryTimeUntilThen() {
        String anchor = anchor();
        endpoint.faults().expireAnchorsUntilReset();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> endpoint.changes(CONTACT, Optional.of(anchor))).isInstanceOf(AnchorExpiredException.class);
        }
        endpoint.faults().reset();
        assertThat(FeedReader.delta(endpoint, CONTACT, anchor).changes()).isEmpty();
    }

    // ---- stale versions

    @Test
    void aBumpChangesTheVersionOnlyAndTheFeedDoesNotSeeIt() {
        RemoteRecord record = records(1).getFirst();
        String anchor = anchor();
        RemoteRecord bumped = endpoint.bumpVersion(CONTACT, record.remoteId());

        assertThat(bumped.version()).isNotEqualTo(record.version());
        assertThat(bumped.values()).isEqualTo(record.values());
        assertThat(FeedReader.delta(endpoint, CONTACT, anchor).changes()).isEmpty();
    }

    @Test
    void aConditionalWriteAfterABumpIsRemoteChanged() {
        RemoteRecord record = records(1).getFirst();
        endpoint.bumpVersion(CONTACT, record.remoteId());

        assertThat(endpoint.write(CONTACT, List.of(new RemoteWrite.Update(record.remoteId(), record.version(), contact(2)),
                new RemoteWrite.Delete(record.remoteId(), record.version()))))
                .containsExactly(new WriteOutcome.RemoteChanged(), new WriteOutcome.RemoteChanged());
    }

    // ---- unreadable rows

    @Test
    void anUnreadableRecordIsDeliveredAsUnreadableNamingTheFieldAndCannotBeFetched() {
        List<RemoteRecord> three = records(3);
        String bad = three.get(1).remoteId();
        endpoint.faults().unreadable(bad, "email");

        List<RemoteChange> listing = FeedReader.listing(endpoint, CONTACT).changes();

        assertThat(listing).filteredOn(c -> c.remoteId().equals(bad)).singleElement()
                .isInstanceOfSatisfying(RemoteChange.Unreadable.class, u -> assertThat(u.field()).isEqualTo("email"));
        assertThat(listing).filteredOn(c -> !c.remoteId().equals(bad)).hasSize(2)
                .allSatisfy(c -> assertThat(c).isInstanceOf(RemoteChange.Upsert.class));
        assertThatThrownBy(() -> endpoint.fetch(CONTACT, bad)).isInstanceOf(EndpointException.class);
    }

    @Test
    void aRecordMadeReadableAgainIsDeliveredAsItIs() {
        String bad = records(1).getFirst().remoteId();
        endpoint.faults().unreadable(bad, "email").readable(bad);

        assertThat(FeedReader.listing(endpoint, CONTACT).changes()).singleElement()
                .isInstanceOf(RemoteChange.Upsert.class);
        assertThat(endpoint.fetch(CONTACT, bad)).isPresent();
    }

    // ---- reset

    @Test
    void resetTurnsEveryKnobOff() {
        String first = records(20).getFirst().remoteId();
        endpoint.pageSize(3).faults().failWrites(1.0).crashAfterWrites(0).unreachable(true).duplicateAndReorder(1.0)
                .emptyPages(0.9).expireAnchorsUntilReset().unreadable(first, "email").reset();

        assertThat(endpoint.write(CONTACT, creates(2))).allSatisfy(o -> assertThat(o).isInstanceOf(WriteOutcome.Written.class));
        FeedReader.Feed listing = FeedReader.listing(endpoint, CONTACT);
        assertThat(listing.pages()).allSatisfy(page -> assertThat(page).isNotEmpty());
        assertThat(listing.ids()).doesNotHaveDuplicates().hasSize(22).isSorted();
        assertThat(listing.changes()).allSatisfy(c -> assertThat(c).isInstanceOf(RemoteChange.Upsert.class));
        assertThat(FeedReader.delta(endpoint, CONTACT, listing.anchor()).changes()).isEmpty();
    }
}
