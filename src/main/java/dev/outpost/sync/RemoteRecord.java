package dev.outpost.sync;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A record as an endpoint holds it.
 *
 * @param remoteId   the endpoint's id of the record
 * @param version    the endpoint's version (ETag, row version, changeKey); changes on every remote write
 * @param values     field name to canonical value, in the model's field names; empty fields absent
 * @param modifiedAt when the endpoint last changed it, for the newest-wins policy
 */
public record RemoteRecord(String remoteId, String version, Map<String, String> values, Instant modifiedAt) {

    public RemoteRecord {
        Objects.requireNonNull(remoteId);
        Objects.requireNonNull(version);
        Objects.requireNonNull(modifiedAt);
        TreeMap<String, String> kept = new TreeMap<>();
        values.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                kept.put(k, v);
            }
        });
        values = java.util.Collections.unmodifiableMap(kept);
    }
}
