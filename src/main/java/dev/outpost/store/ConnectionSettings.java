package dev.outpost.store;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.model.RecordType;

/**
 * Which CRM a profile syncs with, kept in {@code connection.json} in the profile folder. No secret is
 * stored here: for scripted use the access token is read at each sync from the environment variable named.
 *
 * <p>A profile in demo mode syncs with the demo server the window starts in-process on a free loopback
 * port, so its address is not known ahead: {@code crmUrl} then only says "this computer", and the window
 * points the sync at wherever the demo server listens this time.
 *
 * @param crmUrl        the organization URL, e.g. https://contoso.crm.dynamics.com
 * @param tokenVariable the environment variable holding the bearer token
 * @param demo          whether the profile syncs with the in-process demo server
 * @param syncedWhole   the types synced whole; the others (by default all) are synced as "records I own",
 *                      plus the records those refer to
 */
public record ConnectionSettings(URI crmUrl, String tokenVariable, boolean demo, Set<RecordType> syncedWhole) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "connection.json";
    private static final URI DEMO_PLACEHOLDER = URI.create("http://127.0.0.1");

    public ConnectionSettings {
        crmUrl = normalize(crmUrl);
        syncedWhole = syncedWhole.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(syncedWhole));
    }

    /** A connection to a real CRM (not demo mode), with the default filter: records I own, of every type. */
    public ConnectionSettings(URI crmUrl, String tokenVariable) {
        this(crmUrl, tokenVariable, false, Set.of());
    }

    /** The same connection with other types synced whole. */
    public ConnectionSettings syncingWhole(Set<RecordType> types) {
        return new ConnectionSettings(crmUrl, tokenVariable, demo, types);
    }

    /** The types synced as "records I own". */
    public Set<RecordType> mineOnly() {
        EnumSet<RecordType> mine = EnumSet.allOf(RecordType.class);
        mine.removeAll(syncedWhole);
        return mine;
    }

    /** Demo mode: the in-process demo server, whose address is only known once it runs. */
    public static ConnectionSettings demoMode() {
        return new ConnectionSettings(DEMO_PLACEHOLDER, "OUTPOST_ACCESS_TOKEN", true, Set.of());
    }

    /** Whether a URL may be reached over plain http: only a server on this computer, like the demo server. */
    public static boolean isLoopback(URI url) {
        String host = url.getHost();
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
    }

    /** The URL as it is compared: lower-case host, no trailing slash, no query. */
    public static URI normalize(URI url) {
        String text = url.toString().trim();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        URI parsed = URI.create(text);
        if (parsed.getScheme() == null || parsed.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' is not a server address; expected something like "
                    + "https://contoso.crm.dynamics.com");
        }
        return URI.create(parsed.getScheme().toLowerCase(Locale.ROOT) + "://" + parsed.getHost().toLowerCase(Locale.ROOT)
                + (parsed.getPort() >= 0 ? ":" + parsed.getPort() : "") + (parsed.getPath() == null ? "" : parsed.getPath()));
    }

    public static Optional<ConnectionSettings> read(ProfileFolder profile) {
        Path file = profile.path().resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            Set<RecordType> whole = EnumSet.noneOf(RecordType.class);
            for (JsonNode type : node.path("syncedWhole")) {
                whole.add(RecordType.parse(type.asText()));
            }
            return Optional.of(new ConnectionSettings(URI.create(node.path("crmUrl").asText()),
                    node.path("tokenVariable").asText("OUTPOST_ACCESS_TOKEN"), node.path("demo").asBoolean(false), whole));
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException("The connection settings in " + file + " cannot be read (" + e.getMessage()
                    + "). Connect again with: outpost connect --crm-url URL", e);
        }
    }

    public void write(ProfileFolder profile) {
        ObjectNode node = JSON.createObjectNode();
        node.put("crmUrl", crmUrl.toString());
        node.put("tokenVariable", tokenVariable);
        if (demo) {
            node.put("demo", true); // absent for a real CRM, so older files and readers stay as they were
        }
        if (!syncedWhole.isEmpty()) {
            syncedWhole.forEach(type -> node.withArray("syncedWhole").add(type.plural()));
        }
        try {
            Files.createDirectories(profile.path());
            Path temp = profile.path().resolve(FILE + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), node);
            Files.move(temp, profile.path().resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("Cannot save the connection settings in " + profile.path() + ": " + e.getMessage(), e);
        }
    }
}
