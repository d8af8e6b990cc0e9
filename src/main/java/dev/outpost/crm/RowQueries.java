package dev.outpost.crm;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.outpost.model.RecordType;
import dev.outpost.sync.EndpointException;
import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.UserKey;

/**
 * Plain reads, outside change tracking: one row by id, many rows by id (a listing filtered on the key), and the
 * rows with a user key. A user-key query asks the server to {@code $filter} on the key's first column and then
 * compares whole keys itself (the server's comparison of case and spaces differs from {@link UserKey}'s); a server
 * that refuses the filter (the demo server) gets a plain listing compared the same way.
 */
final class RowQueries {

    private static final Logger LOG = LoggerFactory.getLogger(RowQueries.class);

    /** Ids per filtered read of referenced rows: about 4.6 KB of URL, far below Dataverse's limit. */
    static final int KEY_CHUNK = 100;
    /** Dataverse's code for a 404 on a path it does not know (an entity set), as opposed to a missing row. */
    private static final String UNKNOWN_SEGMENT = "0x8006088a";

    private final WebApiClient client;
    private final ReferenceTargets targets;
    private volatile boolean filterRefused;
    private volatile boolean keyFilterRefused;

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
        return readRow(type, id).map(result -> switch (result) {
            case RowReader.Readable readable -> readable;
            case RowReader.Unreadable bad -> throw new EndpointException("The CRM's " + type.id() + " " + bad.remoteId()
                    + " cannot be read: its field '" + bad.field() + "' is " + bad.reason() + ".");
        });
    }

    /** The row with this id as read (readable or not), or empty when it does not exist or the id is no GUID. */
    private Optional<RowReader.Result> readRow(RecordType type, String id) {
        Optional<String> guid = guid(id);
        if (guid.isEmpty()) {
            return Optional.empty();
        }
        EntityMapping mapping = EntityMapping.of(type);
        CrmResponse response = client.send("GET", client.connection().apiUrl().resolve(mapping.set() + "(" + guid.get()
                + ")?$select=" + mapping.select()), Map.of("Prefer", CrmPreferences.plain(client.connection())));
        if (response.status() == 404 && !response.errorCode().filter(UNKNOWN_SEGMENT::equals).isPresent()) {
            return Optional.empty();
        }
        if (!response.ok()) {
            throw new EndpointException("The CRM refused to read " + type.withArticle() + ": " + response.errorMessage());
        }
        try {
            return Optional.of(new RowReader(mapping, targets).read(Json.MAPPER.readTree(response.body())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new EndpointException("The CRM answered a read of " + type.withArticle() + " with something that is "
                    + "not JSON. Sync again later.");
        }
    }

    /**
     * The rows with these ids as they are now, whatever their owner; ids that do not exist (or are no GUIDs) are
     * left out, and so is a row that cannot be read (logged by id and field: the change feed meets it again).
     * Asks in chunks of {@value #KEY_CHUNK} ids with a plain listing filtered on the primary key,
     * {@code $filter=Microsoft.Dynamics.CRM.In(PropertyName='<key>',PropertyValues=['<guid>',…])}, following
     * {@code @odata.nextLink}s; a server that answers that filter with {@code 400} gets one read per id from then on.
     */
    List<RemoteRecord> fetchAll(RecordType type, Set<String> ids) {
        List<String> guids = ids.stream().map(RowQueries::guid).flatMap(Optional::stream).distinct().sorted().toList();
        Map<String, RemoteRecord> found = new LinkedHashMap<>();
        for (int from = 0; from < guids.size(); from += KEY_CHUNK) {
            List<String> chunk = guids.subList(from, Math.min(guids.size(), from + KEY_CHUNK));
            if (keyFilterRefused || !listByKeys(type, chunk, found)) {
                for (String id : chunk) {
                    if (!found.containsKey(id)) {
                        readRow(type, id).flatMap(result -> readable(type, result))
                                .ifPresent(record -> found.put(record.remoteId(), record));
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** The filter on the key that {@link #fetchAll} sends for these GUIDs (lower case, no quotes inside). */
    static String keyFilter(EntityMapping mapping, List<String> guids) {
        StringBuilder filter = new StringBuilder("Microsoft.Dynamics.CRM.In(PropertyName='").append(mapping.key())
                .append("',PropertyValues=[");
        for (int i = 0; i < guids.size(); i++) {
            filter.append(i == 0 ? "'" : ",'").append(guids.get(i)).append('\'');
        }
        return filter.append("])").toString();
    }

    /**
     * Lists the rows of one chunk into {@code found}; false when the server refused the filter (400) or ignored it
     * (a row that was not asked for), so the caller reads the chunk's ids one by one.
     */
    private boolean listByKeys(RecordType type, List<String> chunk, Map<String, RemoteRecord> found) {
        EntityMapping mapping = EntityMapping.of(type);
        Set<String> wanted = Set.copyOf(chunk);
        URI uri = client.connection().apiUrl().resolve(mapping.set() + "?$select=" + mapping.select() + "&$filter="
                + encode(keyFilter(mapping, chunk)));
        boolean first = true;
        while (uri != null) {
            CrmResponse response = client.send("GET", uri, Map.of("Prefer", CrmPreferences.plain(client.connection())));
            if (first && response.status() == 400) {
                LOG.info("The CRM does not take a $filter on the key of {} (HTTP 400, code {}); reading referenced rows "
                        + "one by one", mapping.set(), response.errorCode().orElse("none"));
                keyFilterRefused = true;
                return false;
            }
            if (!response.ok()) {
                throw new EndpointException("The CRM refused to read " + type.pluralLabel().toLowerCase(Locale.ROOT)
                        + " by id: " + response.errorMessage());
            }
            first = false;
            JsonNode page = parse(response, type);
            JsonNode rows = page.path("value");
            if (!rows.isArray()) {
                throw new EndpointException("The CRM sent a page of " + type.pluralLabel().toLowerCase(Locale.ROOT)
                        + " without rows. Sync again later.");
            }
            RowReader reader = new RowReader(mapping, targets);
            for (JsonNode row : rows) {
                RowReader.Result result = reader.read(row);
                String id = switch (result) {
                    case RowReader.Readable readable -> readable.record().remoteId();
                    case RowReader.Unreadable bad -> bad.remoteId();
                };
                if (!wanted.contains(id) && !id.equals(RemoteChange.Unreadable.UNKNOWN_ID)) {
                    LOG.warn("The CRM answered a $filter on the key of {} with rows not asked for; reading referenced "
                            + "rows one by one", mapping.set());
                    keyFilterRefused = true;
                    return false;
                }
                readable(type, result).ifPresent(record -> found.put(record.remoteId(), record));
            }
            JsonNode next = page.get("@odata.nextLink");
            uri = next != null && next.isTextual() && next.asText().startsWith(client.connection().apiUrl().toString())
                    ? URI.create(next.asText()) : null;
        }
        return true;
    }

    /** The record of a readable row; an unreadable one is logged by type, id and field (never its values). */
    private static Optional<RemoteRecord> readable(RecordType type, RowReader.Result result) {
        return switch (result) {
            case RowReader.Readable readable -> Optional.of(readable.record());
            case RowReader.Unreadable bad -> {
                LOG.warn("Leaving out the CRM's {} {}: its field '{}' is {}", type.id(), bad.remoteId(), bad.field(),
                        bad.reason());
                yield Optional.empty();
            }
        };
    }

    private static String encode(String queryValue) {
        return URLEncoder.encode(queryValue, StandardCharsets.UTF_8).replace("+", "%20");
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
