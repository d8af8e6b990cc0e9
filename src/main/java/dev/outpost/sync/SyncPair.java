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
 */
public record SyncPair(String name, Endpoint endpoint, ConflictPolicy policy, List<RecordType> types, MassDeleteGuard guard) {

    public SyncPair {
        Objects.requireNonNull(name);
        Objects.requireNonNull(endpoint);
        Objects.requireNonNull(policy);
        types = List.copyOf(types);
        Objects.requireNonNull(guard);
    }

    /** A pair over every record type with the default guard. */
    public static SyncPair of(String name, Endpoint endpoint, ConflictPolicy policy) {
        return new SyncPair(name, endpoint, policy, List.of(RecordType.values()), MassDeleteGuard.DEFAULT);
    }
}
