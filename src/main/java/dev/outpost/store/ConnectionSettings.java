package dev.outpost.store;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.model.RecordType;

/**
 * Which CRM (and, optionally, which Outlook mailbox) a profile syncs with, kept in {@code connection.json} in the
 * profile folder. No secret is stored here: for scripted use the access tokens are read at each sync from the
 * environment variables named.
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
 * @param mailbox       the Outlook mailbox synced too, if any, with its options; in demo mode always the demo
 *                      server's
 * @param signIn        the sign-in the user chose with {@code outpost connect}; when present, tokens come from the
 *                      profile's sign-in instead of the environment variables
 * @param policies      how each pair ("crm", "outlook") settles a true conflict, by the sync engine's policy id
 *                      (e.g. "ask"); a pair not named keeps its built-in default. Kept as text: the store does not
 *                      know the engine; the pairs parse it.
 */
public record ConnectionSettings(URI crmUrl, String tokenVariable, boolean demo, Set<RecordType> syncedWhole,
        Optional<Mailbox> mailbox, Optional<SignInChoice> signIn, Map<String, String> policies) {

    /**
     * How a profile signs in, as the user gave it; each value left out is taken from the admin defaults file, else
     * Outpost's built-in default, when the sign-in is made. No secret: the tokens live in the profile's token cache.
     *
     * @param clientId  the app registration's client id, if the user gave one
     * @param authority the sign-in authority (from --authority or --tenant), if the user gave one
     */
    public record SignInChoice(Optional<String> clientId, Optional<URI> authority) {

        public SignInChoice {
            java.util.Objects.requireNonNull(clientId);
            java.util.Objects.requireNonNull(authority);
        }
    }

    /** The environment variable a mailbox's bearer token is read from unless the user names another. */
    public static final String DEFAULT_GRAPH_TOKEN_VARIABLE = "OUTPOST_GRAPH_TOKEN";

    /**
     * The Outlook mailbox a profile syncs with, through Microsoft Graph.
     *
     * @param graphUrl      Graph's service root, e.g. https://graph.microsoft.com/v1.0 (in demo mode a placeholder:
     *                      the demo server's address is only known once it runs)
     * @param tokenVariable the environment variable holding the bearer token for Graph
     * @param options       what the Outlook pair syncs of it (demo mode: always the defaults)
     */
    public record Mailbox(URI graphUrl, String tokenVariable, MailboxOptions options) {

        public Mailbox {
            graphUrl = normalize(graphUrl);
            if (tokenVariable == null || tokenVariable.isBlank()) {
                throw new IllegalArgumentException("Name the environment variable that holds the Graph token");
            }
            java.util.Objects.requireNonNull(options);
        }

        /** A mailbox synced with the default options. */
        public Mailbox(URI graphUrl, String tokenVariable) {
            this(graphUrl, tokenVariable, MailboxOptions.DEFAULTS);
        }

        /** The same mailbox with other options. */
        public Mailbox with(MailboxOptions changed) {
            return new Mailbox(graphUrl, tokenVariable, changed);
        }
    }

    /**
     * What the Outlook pair syncs of a mailbox, as {@code outpost connect} sets it. The defaults are DESIGN.md's
     * (they repeat {@code OutlookSettings}' and {@code PushLimit}'s, which this layer may not see; a test keeps them
     * equal).
     *
     * @param category     the category that shares an Outlook item with the CRM
     * @param daysBack     how many days back the calendar window reaches
     * @param daysAhead    how many days ahead the calendar window reaches
     * @param limit        how many contacts, tasks and appointments together are kept in Outlook at most
     * @param autocapture  every event of the calendar window syncs, shared or not
     * @param shareReplies replies in a shared conversation are shared too
     */
    public record MailboxOptions(String category, int daysBack, int daysAhead, int limit, boolean autocapture,
            boolean shareReplies) {

        public static final String DEFAULT_CATEGORY = "Shared with CRM";
        public static final int DEFAULT_DAYS_BACK = 30;
        public static final int DEFAULT_DAYS_AHEAD = 180;
        public static final int DEFAULT_LIMIT = 5000;
        public static final int MAX_LIMIT = 100_000;
        /** Ten years either way: a window is a working horizon, and a wider one only makes every listing longer. */
        public static final int MAX_DAYS = 3650;
        /** A sanity bound on the category's name (a name, not a text). */
        public static final int MAX_CATEGORY_LENGTH = 255;

        public static final MailboxOptions DEFAULTS = new MailboxOptions(DEFAULT_CATEGORY, DEFAULT_DAYS_BACK,
                DEFAULT_DAYS_AHEAD, DEFAULT_LIMIT, false, false);

        /** @throws IllegalArgumentException saying which value is wrong and what is allowed, in words for the user */
        public MailboxOptions {
            category = category == null ? "" : category.strip();
            if (category.isEmpty()) {
                throw new IllegalArgumentException("The sharing category needs a name, e.g. \"" + DEFAULT_CATEGORY + "\"");
            }
            if (category.length() > MAX_CATEGORY_LENGTH) {
                throw new IllegalArgumentException("The sharing category's name is " + category.length()
                        + " characters long; at most " + MAX_CATEGORY_LENGTH + " are allowed");
            }
            if (daysBack < 0 || daysBack > MAX_DAYS) {
                throw new IllegalArgumentException("The calendar window reaches 0 to " + MAX_DAYS + " days back, not "
                        + daysBack);
            }
            if (daysAhead < 1 || daysAhead > MAX_DAYS) {
                throw new IllegalArgumentException("The calendar window reaches 1 to " + MAX_DAYS + " days ahead, not "
                        + daysAhead);
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("The Outlook limit must be between 1 and " + MAX_LIMIT + ", not "
                        + limit);
            }
        }

        public MailboxOptions category(String name) {
            return new MailboxOptions(name, daysBack, daysAhead, limit, autocapture, shareReplies);
        }

        public MailboxOptions calendarWindow(int back, int ahead) {
            return new MailboxOptions(category, back, ahead, limit, autocapture, shareReplies);
        }

        public MailboxOptions limit(int max) {
            return new MailboxOptions(category, daysBack, daysAhead, max, autocapture, shareReplies);
        }

        public MailboxOptions autocapture(boolean on) {
            return new MailboxOptions(category, daysBack, daysAhead, limit, on, shareReplies);
        }

        public MailboxOptions shareReplies(boolean on) {
            return new MailboxOptions(category, daysBack, daysAhead, limit, autocapture, on);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "connection.json";
    private static final URI DEMO_PLACEHOLDER = URI.create("http://127.0.0.1");

    public ConnectionSettings {
        policies = Map.copyOf(policies);
        crmUrl = normalize(crmUrl);
        syncedWhole = syncedWhole.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(syncedWhole));
        java.util.Objects.requireNonNull(mailbox);
        java.util.Objects.requireNonNull(signIn);
    }

    /** A connection whose pairs settle conflicts their built-in way. */
    public ConnectionSettings(URI crmUrl, String tokenVariable, boolean demo, Set<RecordType> syncedWhole,
            Optional<Mailbox> mailbox, Optional<SignInChoice> signIn) {
        this(crmUrl, tokenVariable, demo, syncedWhole, mailbox, signIn, Map.of());
    }

    /** A connection with tokens from environment variables (no sign-in). */
    public ConnectionSettings(URI crmUrl, String tokenVariable, boolean demo, Set<RecordType> syncedWhole,
            Optional<Mailbox> mailbox) {
        this(crmUrl, tokenVariable, demo, syncedWhole, mailbox, Optional.empty());
    }

    /** A connection without a mailbox. */
    public ConnectionSettings(URI crmUrl, String tokenVariable, boolean demo, Set<RecordType> syncedWhole) {
        this(crmUrl, tokenVariable, demo, syncedWhole, Optional.empty());
    }

    /** A connection to a real CRM (not demo mode), with the default filter: records I own, of every type. */
    public ConnectionSettings(URI crmUrl, String tokenVariable) {
        this(crmUrl, tokenVariable, false, Set.of());
    }

    /** The same connection with other types synced whole. */
    public ConnectionSettings syncingWhole(Set<RecordType> types) {
        return new ConnectionSettings(crmUrl, tokenVariable, demo, types, mailbox, signIn, policies);
    }

    /** The same connection with this mailbox, or none. */
    public ConnectionSettings withMailbox(Optional<Mailbox> box) {
        return new ConnectionSettings(crmUrl, tokenVariable, demo, syncedWhole, box, signIn, policies);
    }

    /** The same connection with this sign-in, or none (tokens from environment variables). */
    public ConnectionSettings withSignIn(Optional<SignInChoice> choice) {
        return new ConnectionSettings(crmUrl, tokenVariable, demo, syncedWhole, mailbox, choice, policies);
    }

    /** The same connection with {@code pair} settling conflicts by {@code policyId}. */
    public ConnectionSettings withPolicy(String pair, String policyId) {
        Map<String, String> changed = new java.util.TreeMap<>(policies);
        changed.put(pair, policyId);
        return new ConnectionSettings(crmUrl, tokenVariable, demo, syncedWhole, mailbox, signIn, changed);
    }

    /** How {@code pair} settles conflicts, if the user chose. */
    public Optional<String> policy(String pair) {
        return Optional.ofNullable(policies.get(pair));
    }

    /** The types synced as "records I own". */
    public Set<RecordType> mineOnly() {
        EnumSet<RecordType> mine = EnumSet.allOf(RecordType.class);
        mine.removeAll(syncedWhole);
        return mine;
    }

    /** Demo mode: the in-process demo server, whose address is only known once it runs. */
    public static ConnectionSettings demoMode() {
        return new ConnectionSettings(DEMO_PLACEHOLDER, "OUTPOST_ACCESS_TOKEN", true, Set.of(),
                Optional.of(new Mailbox(DEMO_PLACEHOLDER.resolve("/v1.0"), DEFAULT_GRAPH_TOKEN_VARIABLE)));
    }

    /** Whether a URL may be reached over plain http: only a server on this computer, like the demo server. */
    public static boolean isLoopback(URI url) {
        String host = url.getHost();
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
    }

    /**
     * The URL as it is compared and saved: lower-case scheme and host, no default port, no trailing slash, no query.
     * The same rule as identities ({@link ProfileIdentity#normalize}), so that "is this the same CRM?" has one answer
     * whether the connection, the identity or IT's admin file asks it.
     */
    public static URI normalize(URI url) {
        return ProfileIdentity.normalize(url);
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
            boolean demo = node.path("demo").asBoolean(false);
            JsonNode box = node.path("mailbox");
            Optional<Mailbox> mailbox = box.isObject()
                    ? Optional.of(new Mailbox(URI.create(box.path("graphUrl").asText()),
                            box.path("tokenVariable").asText(DEFAULT_GRAPH_TOKEN_VARIABLE), options(box)))
                    // Demo profiles made before the demo mailbox existed get it too: demo mode syncs both.
                    : demo ? demoMode().mailbox() : Optional.empty();
            JsonNode in = node.path("signIn");
            // absent (files written before sign-in existed): tokens from environment variables, as then
            Optional<SignInChoice> signIn = in.isObject()
                    ? Optional.of(new SignInChoice(optionalText(in, "clientId"),
                            optionalText(in, "authority").map(URI::create)))
                    : Optional.empty();
            Map<String, String> policies = new java.util.TreeMap<>();
            node.path("conflictPolicies").properties().forEach(e -> policies.put(e.getKey(), e.getValue().asText()));
            return Optional.of(new ConnectionSettings(URI.create(node.path("crmUrl").asText()),
                    node.path("tokenVariable").asText("OUTPOST_ACCESS_TOKEN"), demo, whole, mailbox, signIn, policies));
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException("The connection settings in " + file + " cannot be read (" + e.getMessage()
                    + "). Connect again with: outpost connect --crm-url URL", e);
        }
    }

    private static Optional<String> optionalText(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** A mailbox's options; each one absent (a file written before it existed) is its default. */
    private static MailboxOptions options(JsonNode box) {
        MailboxOptions d = MailboxOptions.DEFAULTS;
        return new MailboxOptions(box.path("category").asText(d.category()),
                box.path("daysBack").asInt(d.daysBack()), box.path("daysAhead").asInt(d.daysAhead()),
                box.path("limit").asInt(d.limit()), box.path("autocapture").asBoolean(d.autocapture()),
                box.path("shareReplies").asBoolean(d.shareReplies()));
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
        mailbox.ifPresent(box -> {
            // absent = no mailbox, so files written before mailboxes existed read as they did
            ObjectNode m = node.putObject("mailbox");
            m.put("graphUrl", box.graphUrl().toString());
            m.put("tokenVariable", box.tokenVariable());
            MailboxOptions o = box.options();
            m.put("category", o.category());
            m.put("daysBack", o.daysBack());
            m.put("daysAhead", o.daysAhead());
            m.put("limit", o.limit());
            m.put("autocapture", o.autocapture());
            m.put("shareReplies", o.shareReplies());
        });
        if (!policies.isEmpty()) {
            ObjectNode chosen = node.putObject("conflictPolicies"); // absent: every pair's built-in way, as before
            new java.util.TreeMap<>(policies).forEach(chosen::put);
        }
        signIn.ifPresent(choice -> {
            ObjectNode in = node.putObject("signIn");
            choice.clientId().ifPresent(id -> in.put("clientId", id));
            choice.authority().ifPresent(url -> in.put("authority", url.toString()));
        });
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
