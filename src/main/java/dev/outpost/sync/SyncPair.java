package dev.outpost.sync;

import java.util.List;
import java.util.Objects;

import dev.outpost.model.RecordType;

/**
 * One side the offline store syncs with, and how.
 *
 * @param name     the pair's name in the store and in messages: {@code crm} or {@code outlook}
 * @param endpoint the other side
 * @param policy   how true conflicts are settled
 * @param types    the record types synced, in order (accounts before the contacts that refer to them)
 * @param guard    when a run must stop and ask before deleting
 * @param rules    one-way types, what a deletion there means, the limit of records sent
 */
public record SyncPair(String name, Endpoint endpoint, ConflictPolicy policy, List<RecordType> types, MassDeleteGuard guard,
                       PairRules rules) {

    public SyncPair {
        Objects.requireNonNull(name);
        Objects.requireNonNull(endpoint);
        Objects.requireNonNull(policy);
        types = List.copyOf(types);
        Objects.requireNonNull(guard);
        Objects.requireNonNull(rules);
    }

    /** A pair with the default rules ({@link PairRules#DEFAULT}). */
    public SyncPair(String name, Endpoint endpoint, ConflictPolicy policy, List<RecordType> types, MassDeleteGuard guard) {
        this(name, endpoint, policy, types, guard, PairRules.DEFAULT);
    }

    /** A pair over every record type with the default guard and rules. */
    public static SyncPair of(String name, Endpoint endpoint, ConflictPolicy policy) {
        return new SyncPair(name, endpoint, policy, List.of(RecordType.values()), MassDeleteGuard.DEFAULT);
    }

    /** The same pair with other rules. */
    public SyncPair withRules(PairRules other) {
        return new SyncPair(name, endpoint, policy, types, guard, other);
    }

    /** The same pair through another endpoint (one that wraps this one, to observe or map it). */
    public SyncPair withEndpoint(Endpoint other) {
        return new SyncPair(name, other, policy, types, guard, rules);
    }
}
