package dev.outpost.store;

import java.util.Map;

/**
 * What one sync pair knows of one local record.
 *
 * @param pair          the pair, e.g. {@code crm}
 * @param recordId      the local record
 * @param remoteId      the endpoint's id of it
 * @param remoteVersion the endpoint's version last seen or written; a change with this version is our echo
 * @param syncedRev     the local {@code rev} last synced with the pair; a higher rev is a local change
 * @param base          the field values both sides agreed on at the last sync: the base of a three-way merge
 * @param inScope       false when the remote record left the pair's scope: neither deleted nor pushed
 */
public record Link(String pair, String recordId, String remoteId, String remoteVersion, long syncedRev,
                   Map<String, String> base, boolean inScope) {

    public Link {
        base = Map.copyOf(base);
    }

    public Link withVersion(String version, Map<String, String> newBase, long rev) {
        return new Link(pair, recordId, remoteId, version, rev, newBase, true);
    }
}
