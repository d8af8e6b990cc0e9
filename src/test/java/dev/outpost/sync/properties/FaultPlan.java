package dev.outpost.sync.properties;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import dev.outpost.sync.memory.Faults;

/**
 * How the endpoint misbehaves during one sync: refused writes, feeds that repeat and reorder entries or
 * send empty pages, an anchor that expires, and the app dying after some writes.
 *
 * @param failWrites       the share of writes refused
 * @param duplicateFeed    the share of feed entries repeated (pages are shuffled too)
 * @param emptyPages       the share of feed calls answered with an empty page
 * @param expireAnchor     whether the next delta token is refused once
 * @param crashAfterWrites the successful writes after which the app dies, or -1 for no crash
 */
record FaultPlan(double failWrites, double duplicateFeed, double emptyPages, boolean expireAnchor, int crashAfterWrites) {

    static Arbitrary<FaultPlan> any() {
        return Combinators.combine(
                Arbitraries.of(0.0, 0.0, 0.3, 0.7),
                Arbitraries.of(0.0, 0.5),
                Arbitraries.of(0.0, 0.3),
                Arbitraries.of(false, false, true),
                Arbitraries.frequencyOf(
                        Tuple.of(1, Arbitraries.just(-1)),
                        Tuple.of(1, Arbitraries.integers().between(0, 6))))
                .as(FaultPlan::new);
    }

    void applyTo(Faults faults) {
        faults.reset().failWrites(failWrites).duplicateAndReorder(duplicateFeed).emptyPages(emptyPages);
        if (expireAnchor) {
            faults.expireAnchorsOnce();
        }
        if (crashAfterWrites >= 0) {
            faults.crashAfterWrites(crashAfterWrites);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        if (failWrites > 0) {
            text.append(" fail ").append((int) (failWrites * 100)).append("% of writes");
        }
        if (duplicateFeed > 0) {
            text.append(" duplicate+reorder feed");
        }
        if (emptyPages > 0) {
            text.append(" empty pages");
        }
        if (expireAnchor) {
            text.append(" expire anchor once");
        }
        if (crashAfterWrites >= 0) {
            text.append(" crash after ").append(crashAfterWrites).append(" write(s)");
        }
        return text.append(" ]").toString();
    }
}
