package dev.outpost.crm;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What entity a regarding GUID points at, learned from the {@code lookuplogicalname} annotations of rows read.
 * Outpost keeps only the GUID in {@code regardingId}, but writing it back needs the target's navigation
 * property ({@code regardingobjectid_contact_task}); a GUID never seen is looked up by the writer.
 */
final class ReferenceTargets {

    private final Map<String, String> logicalById = new ConcurrentHashMap<>();

    void learn(String id, String logical) {
        if (id != null && logical != null) {
            logicalById.put(id, logical);
        }
    }

    Optional<String> logicalOf(String id) {
        return Optional.ofNullable(logicalById.get(id));
    }
}
