package dev.outpost.sync;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/**
 * What a record deleted on a pair's endpoint means here, decided per type and per record. Asked only for a
 * record the pair had linked (synced at least once) and that is live here; a record deleted there before its
 * first sync was never linked and is left alone. A record held by an open conflict keeps waiting for the user.
 */
@FunctionalInterface
public interface RemovalRule {

    /** The two meanings of a deletion there. */
    enum Effect {
        /** Delete the local record (and so, through the other pairs, everywhere). */
        DELETE_HERE,
        /**
         * Only stop syncing it with this pair: unlink it and mark it untracked, so it is neither deleted here
         * nor sent to the endpoint again; {@link dev.outpost.store.SyncStore#track} brings it back.
         */
        STOP_TRACKING
    }

    /** Every deletion there deletes here: the rule of the {@code crm} pair. */
    RemovalRule DELETE_HERE = (type, local) -> Effect.DELETE_HERE;

    /** What deleting {@code local}'s copy on the endpoint means here. */
    Effect onRemoteRemoval(RecordType type, Record local);
}
