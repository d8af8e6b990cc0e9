package dev.outpost.sync;

/**
 * One entry of an endpoint's change feed. Feeds may repeat an entry and may reorder them, so a repeated id
 * may carry an older state than one already delivered; versions are opaque and cannot be ordered, so the
 * engine asks the endpoint ({@link Endpoint#fetch}) about any id it sees twice in one round.
 */
public sealed interface RemoteChange {

    /** The remote id the change is about. */
    String remoteId();

    /** The record was created or changed; it carries the whole record as it is now. */
    record Upsert(RemoteRecord record) implements RemoteChange {
        @Override
        public String remoteId() {
            return record.remoteId();
        }
    }

    /** The record was deleted on the endpoint ({@code @removed}, {@code $deletedEntity}). */
    record Removal(String remoteId) implements RemoteChange {
    }

    /**
     * The record still exists but left what this pair syncs (a filter, a calendar window). It must not be
     * treated as a deletion. It may name an id the engine never linked; that is ignored.
     */
    record OutOfScope(String remoteId) implements RemoteChange {
    }
}
