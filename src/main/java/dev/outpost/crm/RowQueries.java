package dev.outpost.crm;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.outpost.model.RecordType;
import dev.outpost.sync.EndpointException;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.UserKey;

/**
 * Plain reads, outside change tracking: one row by id, and the rows with a user key. A user-key query asks the
 * server to {@code $filter} on the key's first column and then compares whole keys itself (the server's
 * comparison of case and spaces differs from {@link UserKey}'s); a server that refuses the filter (the demo
 * server) gets a plain listing compared the same way.
 */
final class RowQueries {

    private static final Logger LOG = LoggerFactory.getLogger(RowQueries.class);

    private final WebApiClient client;
    private final ReferenceTargets targets;
    private volatile boolean filterRefused;

    RowQueries(WebApiClient client, ReferenceTargets targets) {
        this.client = client;
        this.targets = targets;
    }

    /** The row as it is now; empty when it does not exist or the id is no GUID. */
    Optional<RemoteRecord> fetch(RecordType type, String id) {
        return read(type, id).map(RowReader.Readable::record);
    }

    /** The row with this id and its owner, or empty when there is none. */
    Optional<RowReader.Readable> read(RecordType type, String id) {
        Optional<String> guid = guid(id);
        if (guid.isEmpty()) {
            return Optional.empty();
        }
        EntityMapping mapping = EntityMapping.of(type);
        CrmResponse response = client.send("GET", client.connection().apiUrl().resolve(mapping.set() + "(" + guid.get()
                + ")?$select=" + mapping.select()), Map.of("Prefer", CrmPreferences.plain(client.connection())));
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (!response.ok()) {
            throw new EndpointException("The CRM refused to read " + type.withArticle() + ": " + response.errorMessage());
        }
        try {
            return switch (new RowReader(mapping, targets).read(Json.MAPPER.readTree(response.body()))) {
                case RowReader.Readable readable -> Optional.of(readable);
                case RowReader.Unreadable bad -> throw new EndpointException("The CRM's " + type.id() + " " + bad.remoteId()
                        + " cannot be read: its field '" + bad.field() + "' is " + bad.reason() + ".");
            };
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new EndpointException("The CRM answered a read of " + type.withArticle() + " with something that is "
                    + "not JSON. Sync again later.");
        }
    }

    /** The rows whose user key equals {@code key}. */
    List<RemoteRecord> findByUserKey(RecordType type, UserKey key) {
        EntityMapping mapping = EntityMapping.of(type);
        Optional<String> filter = filterRefused ? Optional.empty() : filter(type, key);
        String query = mapping.set() + "?$select=" + mapping.select()
                + filter.map(f -> "&$filter=" + URLEncoder.encode(f, StandardCharsets.UTF_8).replace("+", "%20"))
                        .orElse("");
        List<RemoteRecord> found = new ArrayList<>();
        URI uri = client.connection().apiUrl().resolve(query);
        while (uri != null) {
            CrmResponse response = client.send("GET", uri, Map.of("Prefer", CrmPreferences.plain(client.connection())));
            if (filter.isPresent() && response.status() == 400 && found.isEmpty()) {
                LOG.info("The CRM does not take $filter on {}; comparing user keys on a full listing", mapping.set());
                filterRefused = true;
                return findByUserKey(type, key);
            }
            if (!response.ok()) {
                throw new EndpointException("The CRM refused to search " + type.pluralLabel().toLowerCase(Locale.ROOT) + ": "
                        + response.errorMessage());
            }
            JsonNode page = parse(response, type);
            RowReader reader = new RowReader(mapping, targets);
            for (JsonNode row : page.path("value")) {
                if (reader.read(row) instanceof RowReader.Readable(RemoteRecord record, String owner)
                        && UserKey.of(type, record.values()).filter(key::equals).isPresent()) {
                    found.add(record);
                }
            }
            JsonNode next = page.get("@odata.nextLink");
            uri = next != null && next.isTextual() && next.asText().startsWith(client.connection().apiUrl().toString())
                    ? URI.create(next.asText()) : null;
        }
        return found;
    }

    /** The row a create with this client id made: creates use the client id's GUID as the row's id. */
    Optional<RemoteRecord> findCreated(RecordType type, String clientId) {
        return fetch(type, guidOfClientId(clientId));
    }

    /** The GUID a create uses for a client id: the id itself when it is a GUID, else a name-based one. */
    static String guidOfClientId(String clientId) {
        return guid(clientId).orElseGet(() ->
                UUID.nameUUIDFromBytes(("outpost:" + clientId).getBytes(StandardCharsets.UTF_8)).toString());
    }

    static Optional<String> guid(String id) {
        if (id == null || id.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id).toString().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A server-side filter on the key's first part; the client compares the whole key afterwards. */
    static Optional<String> filter(RecordType type, UserKey key) {
        String value = key.value();
        String column;
        String wanted;
        switch (type) {
            case CONTACT -> {
                if (!value.startsWith("email:")) {
                    return Optional.empty(); // a full name cannot be split back into first and last
                }
                column = "emailaddress1";
                wanted = value.substring("email:".length());
            }
            case ACCOUNT, OPPORTUNITY -> {
                column = "name";
                wanted = value;
            }
            default -> {
                column = "subject";
                int bar = value.indexOf('|');
                wanted = bar < 0 ? value : value.substring(0, bar);
            }
        }
        return Optional.of(column + " eq '" + wanted.replace("'", "''") + "'");
    }

    private static JsonNode parse(CrmResponse response, RecordType type) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new EndpointException("The CRM answered a search of " + type.pluralLabel().toLowerCase(Locale.ROOT)
                    + " with something that is not JSON. Sync again later.");
        }
    }
}
