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

    /**
     * The endpoint holds a row it cannot read: a value of the wrong type, too long, not valid JSON. The engine
     * keeps the local copy and its link as they are, raises a sync issue naming the record and the field, and
     * never deletes on its account; once a later change of the row reads fine, the issue closes by itself.
     *
     * @param remoteId the row's id, or {@link #UNKNOWN_ID} when the id itself cannot be read
     * @param field    the field at fault: the Outpost field name where there is one, else the endpoint's column
     * @param reason   what is wrong, e.g. "longer than 100 characters"; never the value, which is customer data
     *                 and must not reach logs or issues
     */
    record Unreadable(String remoteId, String field, String reason) implements RemoteChange {

        /** The id of a row whose own id cannot be read. */
        public static final String UNKNOWN_ID = "(unknown)";

        /** Whether the row's id was read, so the row can be told apart from others. */
        public boolean idKnown() {
            return !UNKNOWN_ID.equals(remoteId);
        }
    }
}
