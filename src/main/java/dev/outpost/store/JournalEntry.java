package dev.outpost.store;

import java.util.Map;

import dev.outpost.model.RecordType;

/**
 * A remote write in flight: recorded before it is sent, removed with the transaction that records the
 * answer. One left behind means the process died in between.
 *
 * @param id              the entry's id (0 before it is stored)
 * @param op              {@code create}, {@code update} or {@code delete}
 * @param clientId        for a create, the id the endpoint can find it again by
 * @param remoteId        for an update or delete, the endpoint's id
 * @param expectedVersion for an update or delete, the version it is conditional on
 * @param rev             the local rev the write carries; becomes the link's synced rev
 * @param values          the values sent (create, update)
 */
public record JournalEntry(long id, String pair, RecordType type, String recordId, String op, String clientId,
                           String remoteId, String expectedVersion, long rev, Map<String, String> values) {
    public JournalEntry {
        values = Map.copyOf(values);
    }
}
