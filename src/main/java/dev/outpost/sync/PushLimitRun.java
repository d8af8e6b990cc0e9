package dev.outpost.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.outpost.model.RecordType;
import dev.outpost.store.LimitMark;
import dev.outpost.store.PushCandidate;
import dev.outpost.store.SyncStore;

/**
 * Decides, at the start of a run, which records the pair's {@link PushLimit} leaves out, and returns how many
 * per type. Ranking reads every candidate, so it is done only when it can change what is sent: a record new to
 * the pair was written (it would be sent and could break the limit), the user tracked or untracked one, the
 * limit changed, or the last ranking is over an hour old (appointments and due dates draw nearer). In between,
 * a run costs one probe of the records written since (the rev index) and nothing else; edits of records
 * already sent or already left out change nothing until the next ranking, which never exceeds the limit.
 * A pair without a limit asks nothing.
 */
final class PushLimitRun {

    /** How long a ranking stands while nothing new comes in. */
    static final Duration RANKING_LIFETIME = Duration.ofHours(1);

    private final SyncStore store;
    private final SyncPair pair;
    private final Instant now;
    private final boolean dryRun;

    PushLimitRun(SyncStore store, SyncPair pair, Instant now, boolean dryRun) {
        this.store = store;
        this.pair = pair;
        this.now = now;
        this.dryRun = dryRun;
    }

    Map<RecordType, Integer> run() {
        if (pair.rules().limit().isEmpty()) {
            return Map.of();
        }
        PushLimit limit = pair.rules().limit().get();
        Optional<LimitMark> mark = store.limitMark(pair.name());
        if (dryRun || mark.filter(m -> stands(m, limit)).isPresent()) {
            return mark.map(LimitMark::overLimit).orElseGet(() -> store.overLimitCounts(pair.name()));
        }
        long rev = store.lastRev();
        if (store.pushCandidateCount(pair.name(), limit.types()) <= limit.limit()) {
            if (!store.overLimitCounts(pair.name()).isEmpty()) {
                store.limitPush(pair.name(), Map.of()); // everything fits now: release what an earlier run left out
            }
        } else {
            List<PushCandidate> ranked = limit.rank(store.pushCandidates(pair.name(), limit.types()), now);
            Map<String, RecordType> outside = new HashMap<>();
            ranked.subList(limit.limit(), ranked.size())
                    .forEach(c -> outside.put(c.local().record().id(), c.local().record().type()));
            store.limitPush(pair.name(), outside);
        }
        Map<RecordType, Integer> counts = store.overLimitCounts(pair.name());
        store.saveLimitMark(pair.name(), new LimitMark(rev, limit.limit(), now, counts));
        return counts;
    }

    private boolean stands(LimitMark mark, PushLimit limit) {
        return mark.limit() == limit.limit()
                && !now.isBefore(mark.rankedAt()) && Duration.between(mark.rankedAt(), now).compareTo(RANKING_LIFETIME) < 0
                && !store.newPushCandidatesSince(pair.name(), limit.types(), mark.rankedRev());
    }
}
