package dev.outpost.crm;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.outpost.model.RecordType;
import dev.outpost.sync.EndpointException;

/**
 * The client-side sync filter "records I own": Dataverse takes no {@code $filter} with change tracking, so
 * every row comes down and a row of a type filtered this way whose owner is someone else is reported to the
 * engine as out of scope (never as a deletion). The records mine refer to are kept by the engine, which asks
 * for them by id whatever the scope. Who "I" am comes from {@code WhoAmI}, asked once.
 */
final class OwnerFilter {

    private final Set<RecordType> mineOnly;
    private final WebApiClient client;
    private String me;

    /** @param mineOnly the types synced as "records I own"; the others are synced whole */
    OwnerFilter(Set<RecordType> mineOnly, WebApiClient client) {
        this.mineOnly = mineOnly.isEmpty() ? EnumSet.noneOf(RecordType.class) : EnumSet.copyOf(mineOnly);
        this.client = client;
    }

    /** Whether a row of the type with this owner is in scope; a row without an owner is never hidden. */
    boolean inScope(RecordType type, String owner) {
        return !mineOnly.contains(type) || owner == null || owner.equalsIgnoreCase(me());
    }

    private synchronized String me() {
        if (me == null) {
            CrmResponse response = client.send("GET", client.connection().apiUrl().resolve("WhoAmI"),
                    Map.of("Prefer", CrmPreferences.plain(client.connection())));
            if (!response.ok()) {
                throw new EndpointException("The CRM did not say who is signed in (WhoAmI): " + response.errorMessage());
            }
            try {
                JsonNode answer = Json.MAPPER.readTree(response.body());
                String id = answer.path("UserId").asText("");
                if (id.isBlank()) {
                    throw new EndpointException("The CRM's WhoAmI answer names no user. Sync again later.");
                }
                me = id.toLowerCase(Locale.ROOT);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new EndpointException("The CRM answered WhoAmI with something that is not JSON. Sync again later.");
            }
        }
        return me;
    }
}
