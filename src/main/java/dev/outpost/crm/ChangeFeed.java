package dev.outpost.crm;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.outpost.model.RecordType;
import dev.outpost.sync.AnchorExpiredException;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.EndpointException;
import dev.outpost.sync.RemoteChange;

/**
 * Dataverse change tracking: a first listing ({@code GET <set>?$select=…} with {@code Prefer: odata.track-changes})
 * and then the {@code @odata.nextLink}s and {@code @odata.deltaLink}s, followed as they are. The token handed to
 * the engine is the link itself. Any 4xx on a link means the anchor is gone and the engine must re-list.
 */
final class ChangeFeed {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);

    private final WebApiClient client;
    private final ReferenceTargets targets;
    private final OwnerFilter owners;

    ChangeFeed(WebApiClient client, ReferenceTargets targets, OwnerFilter owners) {
        this.client = client;
        this.targets = targets;
        this.owners = owners;
    }

    ChangePage changes(RecordType type, Optional<String> from) {
        EntityMapping mapping = EntityMapping.of(type);
        URI api = client.connection().apiUrl();
        URI uri;
        if (from.isEmpty()) {
            uri = api.resolve(mapping.set() + "?$select=" + mapping.select());
        } else {
            uri = link(from.get(), api, mapping);
        }
        CrmResponse response = client.send("GET", uri, Map.of("Prefer", CrmPreferences.tracking(client.connection())));
        if (!response.ok()) {
            if (from.isPresent() && response.status() >= 400 && response.status() < 500) {
                throw new AnchorExpiredException("The CRM no longer accepts the saved sync position for "
                        + type.pluralLabel().toLowerCase(Locale.ROOT) + " (" + response.errorMessage()
                        + "); a full listing follows.");
            }
            throw new EndpointException("The CRM refused to list " + type.pluralLabel().toLowerCase(Locale.ROOT) + ": "
                    + response.errorMessage());
        }
        return parse(type, response.body());
    }

    /** Reads one page; a row that cannot be read becomes {@link RemoteChange.Unreadable}, logged by id and field. */
    ChangePage parse(RecordType type, String body) {
        JsonNode page;
        try {
            page = Json.MAPPER.readTree(body);
        } catch (Exception e) {
            throw new EndpointException("The CRM sent a page of " + type.pluralLabel().toLowerCase(Locale.ROOT)
                    + " that is not valid JSON. Sync again later.");
        }
        JsonNode rows = page.path("value");
        if (!rows.isArray()) {
            throw new EndpointException("The CRM sent a page of " + type.pluralLabel().toLowerCase(Locale.ROOT)
                    + " without rows. Sync again later.");
        }
        RowReader reader = new RowReader(EntityMapping.of(type), targets);
        List<RemoteChange> changes = new ArrayList<>();
        for (JsonNode row : rows) {
            if (isDeletion(row)) {
                String id = row.path("id").asText("");
                if (!id.isBlank()) {
                    changes.add(new RemoteChange.Removal(id.toLowerCase(Locale.ROOT)));
                }
                continue;
            }
            switch (reader.read(row)) {
                case RowReader.Readable readable -> changes.add(owners.inScope(type, readable.owner())
                        ? new RemoteChange.Upsert(readable.record())
                        : new RemoteChange.OutOfScope(readable.record().remoteId())); // someone else's: not a deletion
                case RowReader.Unreadable bad -> {
                    // Type, id and field only: the reason never holds the value, and the log must not either.
                    LOG.warn("Cannot read {} {}: its field '{}' is {}", type.id(), bad.remoteId(), bad.field(),
                            bad.reason());
                    changes.add(new RemoteChange.Unreadable(bad.remoteId(), bad.field(), bad.reason()));
                }
            }
        }
        String next = text(page, "@odata.nextLink");
        String delta = text(page, "@odata.deltaLink");
        if (next != null) {
            return ChangePage.more(changes, next);
        }
        if (delta != null) {
            return ChangePage.last(changes, delta);
        }
        throw new EndpointException("The CRM ended a page of " + type.pluralLabel().toLowerCase(Locale.ROOT)
                + " without a next or delta link; change tracking may be off for this table. "
                + "Ask your CRM administrator to enable it.");
    }

    static boolean isDeletion(JsonNode row) {
        return row.path("@odata.context").asText("").endsWith("$deletedEntity")
                || row.has("reason") && row.has("id") && row.path("reason").asText("").equals("deleted");
    }

    /** A link from an earlier page; anything that is not a link into this organization's API is no anchor. */
    private static URI link(String from, URI api, EntityMapping mapping) {
        try {
            URI uri = URI.create(from);
            // The bearer token goes only to this organization, and a feed's links only to its own set.
            if (uri.isAbsolute() && from.startsWith(api.toString())
                    && uri.getRawPath().equals(api.getRawPath() + mapping.set())) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new AnchorExpiredException("The saved sync position for " + mapping.set()
                + " is not one this CRM handed out; a full listing follows.");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
