package dev.outpost.sync.conformance;

import java.util.Map;

import dev.outpost.model.RecordType;
import dev.outpost.sync.RemoteRecord;

/**
 * "The other user" of an endpoint under test: someone who changes records behind the engine's back, through
 * whatever door the endpoint has (the memory endpoint's own methods, the demo server's admin API, a second
 * client of the real service). The conformance suite needs it to check that feeds report such changes.
 */
public interface RemoteActor {

    /** Creates a record and answers it as the endpoint now holds it (id and version included). */
    RemoteRecord create(RecordType type, Map<String, String> values);

    /** Changes some fields (a blank value clears one) and answers the record as it now is. */
    RemoteRecord edit(RecordType type, String remoteId, Map<String, String> changes);

    /** Deletes the record. */
    void remove(RecordType type, String remoteId);
}
