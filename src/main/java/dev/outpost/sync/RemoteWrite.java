package dev.outpost.sync;

import java.util.Map;

/** A write the engine asks an endpoint to make. Updates and deletes are conditional on the version. */
public sealed interface RemoteWrite {

    /**
     * Creates a record. Replaying a create with the same {@code clientId} must not make a second record:
     * the endpoint uses it as the id (Dataverse) or stores it as a marker it can find again (Graph).
     */
    record Create(String clientId, Map<String, String> values) implements RemoteWrite {
        public Create {
            values = Map.copyOf(values);
        }
    }

    /**
     * Replaces the record's values if its version is still {@code expectedVersion}: a field absent from
     * {@code values} is emptied (an endpoint whose PATCH merges, like Dataverse, sends explicit nulls).
     */
    record Update(String remoteId, String expectedVersion, Map<String, String> values) implements RemoteWrite {
        public Update {
            values = Map.copyOf(values);
        }
    }

    /** Deletes the record if its version is still {@code expectedVersion}. */
    record Delete(String remoteId, String expectedVersion) implements RemoteWrite {
    }
}
