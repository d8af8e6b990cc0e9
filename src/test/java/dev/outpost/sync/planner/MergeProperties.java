package dev.outpost.sync.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.Decision;
import dev.outpost.sync.FieldMerge;
import dev.outpost.sync.LocalSide;
import dev.outpost.sync.Planner;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.RemoteSide;

/**
 * Properties of the three-way merge over small records: four fields and three values plus "empty", so that
 * equal, changed, cleared and conflicting fields all turn up often.
 */
class MergeProperties {

    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");

    @Provide
    Arbitrary<Map<String, String>> fields() {
        return Arbitraries.maps(Arbitraries.of("firstName", "lastName", "email", "phone"), Arbitraries.of("", "x", "y", "z"))
                .ofMaxSize(4);
    }

    private static Map<String, String> nonEmpty(Map<String, String> values) {
        Map<String, String> kept = new TreeMap<>();
        values.forEach((k, v) -> {
            if (!v.isEmpty()) {
                kept.put(k, v);
            }
        });
        return kept;
    }

    @Property
    @Label("merging is symmetric up to which side wins: swapping local and remote gives the same conflicts")
    void symmetricUpToTheWinner(@ForAll("fields") Map<String, String> base, @ForAll("fields") Map<String, String> local,
                                @ForAll("fields") Map<String, String> remote, @ForAll boolean hasBase) {
        FieldMerge.Result forth = FieldMerge.merge(base, local, remote, hasBase);
        FieldMerge.Result back = FieldMerge.merge(base, remote, local, hasBase);
        Statistics.label("has conflicts").collect(!forth.clean());
        Statistics.label("has a base").collect(hasBase);
        Statistics.label("has conflicts").coverage(c -> c.check(true).percentage(p -> p > 10));

        assertThat(back.conflicts()).isEqualTo(forth.conflicts());
        assertThat(back.fromLocal()).isEqualTo(forth.fromRemote());
        assertThat(back.fromRemote()).isEqualTo(forth.fromLocal());
        assertThat(back.resolvedWith(local)).as("local wins").isEqualTo(forth.resolvedWith(local));
        assertThat(back.resolvedWith(remote)).as("remote wins").isEqualTo(forth.resolvedWith(remote));
    }

    @Property
    @Label("when one side equals the base, the merge is the other side, with no conflict")
    void oneSideUnchangedGivesTheOther(@ForAll("fields") Map<String, String> base, @ForAll("fields") Map<String, String> other) {
        FieldMerge.Result remoteOnly = FieldMerge.merge(base, base, other, true);
        FieldMerge.Result localOnly = FieldMerge.merge(base, other, base, true);

        assertThat(remoteOnly.conflicts()).isEmpty();
        assertThat(remoteOnly.values()).isEqualTo(nonEmpty(other));
        assertThat(remoteOnly.fromLocal()).isEmpty();
        assertThat(localOnly.conflicts()).isEmpty();
        assertThat(localOnly.values()).isEqualTo(nonEmpty(other));
        assertThat(localOnly.fromRemote()).isEmpty();
    }

    @Property
    @Label("planner: when one side equals the base, every policy merges to the other side and pushes only local edits")
    void plannerOneSideUnchanged(@ForAll("fields") Map<String, String> base, @ForAll("fields") Map<String, String> other,
                                 @ForAll ConflictPolicy policy) {
        RemoteRecord remoteEdited = new RemoteRecord("r", "v2", other, AT);
        Decision takeRemote = Planner.decide(java.util.Optional.of(base), new LocalSide.Changed(base, AT),
                new RemoteSide.Changed(remoteEdited), policy);
        assertThat(takeRemote).isInstanceOfSatisfying(Decision.Merge.class, merge -> {
            assertThat(merge.values()).isEqualTo(nonEmpty(other));
            assertThat(merge.settled()).isEmpty();
            assertThat(merge.needsPush()).isFalse();
        });

        RemoteRecord remoteAsBase = new RemoteRecord("r", "v2", base, AT);
        Decision keepLocal = Planner.decide(java.util.Optional.of(base), new LocalSide.Changed(other, AT),
                new RemoteSide.Changed(remoteAsBase), policy);
        assertThat(keepLocal).isInstanceOfSatisfying(Decision.Merge.class, merge -> {
            assertThat(merge.values()).isEqualTo(nonEmpty(other));
            assertThat(merge.settled()).isEmpty();
            assertThat(merge.needsPush()).isEqualTo(!nonEmpty(other).equals(nonEmpty(base)));
        });
    }
}
