package dev.outpost.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.model.RecordType;
import dev.outpost.store.ConnectionSettings.MailboxOptions;

/**
 * The connection settings IT sets for an installation in {@code outpost-admin.json}, beside the sign-in (which the
 * auth layer reads from the same file): the CRM, the Outlook sharing category and limit, and the sync filters.
 *
 * <p>Each value is the default of a new connection, where the user has not chosen. A value that <em>binds</em> (the
 * file says {@code "allowUserOverride": false}, or names it in {@code "locked"}) also overrides the user's choice
 * everywhere: {@link #enforce} gives a profile's settings with the bound values in them.
 *
 * @param crmUrl            the CRM the installation connects to, if IT set one
 * @param category          the Outlook category that shares an item with the CRM, if IT set one
 * @param outlookLimit      how many contacts, tasks and appointments are kept in Outlook at most, if IT set it
 * @param allRecords        the types synced whole (all records), if IT set the sync filters; the others sync the
 *                          records the user owns plus what they refer to
 * @param allowUserOverride whether the user's own values win over the file's (false: every value given binds)
 * @param locked            the settings that bind even when users may override the others
 * @param source            the file these came from, for messages; empty when there is none
 */
public record AdminSettings(Optional<URI> crmUrl, Optional<String> category, Optional<Integer> outlookLimit,
        Optional<Set<RecordType>> allRecords, boolean allowUserOverride, Set<Setting> locked, Optional<Path> source) {

    /** The settings IT may set and lock, by their key in the file. */
    public enum Setting {
        CRM_URL("crmUrl", "CRM"),
        CLIENT_ID("clientId", "client id"),
        AUTHORITY("authority", "sign-in authority"),
        CATEGORY("category", "Outlook sharing category"),
        OUTLOOK_LIMIT("outlookLimit", "Outlook limit"),
        SYNC_FILTERS("syncFilters", "sync filters");

        private final String key;
        private final String words;

        Setting(String key, String words) {
            this.key = key;
            this.words = words;
        }

        /** The key in the file, also the name in {@code "locked"}. */
        public String key() {
            return key;
        }

        /** The setting in the user's words. */
        public String words() {
            return words;
        }

        static Optional<Setting> named(String key) {
            // "tenant" is the short way to give the authority, so locking it locks the authority
            String wanted = "tenant".equals(key) ? "authority" : key;
            return Arrays.stream(values()).filter(s -> s.key.equals(wanted)).findFirst();
        }
    }

    /** The file's keys this record reads; auth reads the sign-in's. */
    public static final Set<String> KEYS = Set.of("crmUrl", "category", "outlookLimit", "syncFilters",
            "allowUserOverride", "locked");
    /** A sync filter's values in the file: every record of the type, or the user's own and what they refer to. */
    public static final String ALL = "all";
    public static final String MINE = "mine";

    /** The admin file's name, in the installation and in this system's place for it. */
    public static final String FILE_NAME = "outpost-admin.json";

    public AdminSettings {
        allRecords = allRecords.map(types -> types.isEmpty() ? Set.<RecordType>of()
                : Collections.unmodifiableSet(EnumSet.copyOf(types)));
        locked = locked.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(locked));
    }

    /** No admin file: nothing set, nothing locked. */
    public static final AdminSettings NONE = new AdminSettings(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), true, Set.of(), Optional.empty());

    /**
     * The connection settings in an admin file's object. Every wrong value is added to {@code problems} (naming the
     * key and what to write instead) and left out, so the caller can report them all at once.
     */
    public static AdminSettings parse(ObjectNode file, Path source, List<String> problems) {
        Optional<URI> crm = Optional.empty();
        String crmText = text(file, "crmUrl", "\"crmUrl\": \"https://contoso.crm.dynamics.com\"", problems);
        if (crmText != null) {
            crm = crmUrl(crmText, problems);
        }
        Optional<String> category = Optional.empty();
        String categoryText = text(file, "category", "\"category\": \"" + MailboxOptions.DEFAULT_CATEGORY + "\"", problems);
        if (categoryText != null) {
            try {
                category = Optional.of(MailboxOptions.DEFAULTS.category(categoryText).category());
            } catch (IllegalArgumentException e) {
                problems.add("\"category\": " + e.getMessage());
            }
        }
        Optional<Integer> limit = limit(file.get("outlookLimit"), problems);
        Optional<Set<RecordType>> whole = syncFilters(file.get("syncFilters"), problems);
        JsonNode override = file.path("allowUserOverride");
        if (!override.isMissingNode() && !override.isBoolean()) {
            problems.add("\"allowUserOverride\" must be true or false (without quotes), like \"allowUserOverride\": false");
        }
        Set<Setting> locked = locked(file, problems);
        return new AdminSettings(crm, category, limit, whole, override.asBoolean(true), locked, Optional.of(source));
    }

    /** Whether this setting binds: users may not choose another value. */
    public boolean binds(Setting setting) {
        if (locked.contains(setting)) {
            return true;
        }
        if (allowUserOverride) {
            return false;
        }
        return switch (setting) {
            case CRM_URL -> crmUrl.isPresent();
            case CATEGORY -> category.isPresent();
            case OUTLOOK_LIMIT -> outlookLimit.isPresent();
            case SYNC_FILTERS -> allRecords.isPresent();
            case CLIENT_ID, AUTHORITY -> true; // given or not is auth's to know; unset, nothing binds
        };
    }

    /** The CRM users must connect to, if IT locked it. */
    public Optional<URI> boundCrmUrl() {
        return crmUrl.filter(url -> binds(Setting.CRM_URL));
    }

    /**
     * Why connecting to {@code wanted} is not allowed, naming the file; empty when it is allowed. The CRMs are compared
     * as the profile's identity compares them, so the same CRM written with its default port is the same CRM.
     */
    public Optional<String> crmRefusal(URI wanted) {
        return boundCrmUrl().filter(url -> !ProfileIdentity.normalize(url).equals(ProfileIdentity.normalize(wanted)))
                .map(url -> "IT has set the CRM for this installation to " + url + " (in " + file() + "); "
                        + "connecting to " + ConnectionSettings.normalize(wanted) + " is not allowed.");
    }

    /** "IT has set the … for this installation (in FILE)", for a message that goes on to say what to do. */
    public String setByIt(Setting setting) {
        return "IT has set the " + setting.words() + " for this installation (in " + file() + ")";
    }

    /** The types a new connection syncs whole: IT's sync filters, else none (every type: the user's own). */
    public Set<RecordType> newAllRecords() {
        return allRecords.orElse(Set.of());
    }

    /** The options of a newly connected mailbox: Outpost's defaults with IT's category and limit. */
    public MailboxOptions newMailboxOptions() {
        MailboxOptions options = MailboxOptions.DEFAULTS;
        options = category.map(options::category).orElse(options);
        return outlookLimit.map(options::limit).orElse(options);
    }

    /**
     * The profile's settings with the bound values in them. Demo mode is left as it is: it syncs with this computer
     * only, and its mailbox is made for the defaults. The CRM is not changed here (another CRM needs the reset flow):
     * see {@link #crmRefusal}.
     */
    public ConnectionSettings enforce(ConnectionSettings saved) {
        if (saved.demo()) {
            return saved;
        }
        ConnectionSettings result = saved;
        if (binds(Setting.SYNC_FILTERS) && allRecords.isPresent()) {
            result = result.syncingWhole(allRecords.get());
        }
        return result.withMailbox(result.mailbox().map(box -> box.with(enforce(box.options()))));
    }

    /** Mailbox options with the bound category and limit in them. */
    public MailboxOptions enforce(MailboxOptions options) {
        MailboxOptions result = options;
        if (binds(Setting.CATEGORY) && category.isPresent()) {
            result = result.category(category.get());
        }
        if (binds(Setting.OUTLOOK_LIMIT) && outlookLimit.isPresent()) {
            result = result.limit(outlookLimit.get());
        }
        return result;
    }

    /** The file's path as messages name it. */
    public String file() {
        return source.map(Path::toString).orElse(FILE_NAME);
    }

    private static String text(ObjectNode file, String key, String example, List<String> problems) {
        JsonNode value = file.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add("\"" + key + "\" must be a non-empty text, like " + example);
            return null;
        }
        return value.asText().strip();
    }

    private static Optional<URI> crmUrl(String text, List<String> problems) {
        try {
            URI url = ConnectionSettings.normalize(URI.create(text));
            if (!"https".equals(url.getScheme()) && !ConnectionSettings.isLoopback(url)) {
                problems.add("\"crmUrl\" must be an https address, like \"crmUrl\": \"https://contoso.crm.dynamics.com\"");
                return Optional.empty();
            }
            return Optional.of(url);
        } catch (IllegalArgumentException e) {
            problems.add("\"crmUrl\" is not a server address; write the organization URL, like "
                    + "\"crmUrl\": \"https://contoso.crm.dynamics.com\"");
            return Optional.empty();
        }
    }

    private static Optional<Integer> limit(JsonNode value, List<String> problems) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > MailboxOptions.MAX_LIMIT) {
            problems.add("\"outlookLimit\" must be a whole number from 1 to " + MailboxOptions.MAX_LIMIT
                    + " (without quotes), like \"outlookLimit\": " + MailboxOptions.DEFAULT_LIMIT);
            return Optional.empty();
        }
        return Optional.of(value.asInt());
    }

    private static Optional<Set<RecordType>> syncFilters(JsonNode value, List<String> problems) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        String example = "\"syncFilters\": {\"accounts\": \"all\", \"contacts\": \"mine\"}";
        if (!value.isObject()) {
            problems.add("\"syncFilters\" must be an object naming record types, like " + example);
            return Optional.empty();
        }
        Set<RecordType> whole = EnumSet.noneOf(RecordType.class);
        boolean ok = true;
        for (var entry : value.properties()) {
            RecordType type;
            try {
                type = RecordType.parse(entry.getKey());
            } catch (IllegalArgumentException e) {
                problems.add("\"syncFilters\" names \"" + entry.getKey() + "\", which is no record type; use "
                        + Arrays.stream(RecordType.values()).map(RecordType::plural).collect(Collectors.joining(", ")));
                ok = false;
                continue;
            }
            String filter = entry.getValue().isTextual() ? entry.getValue().asText().strip().toLowerCase(Locale.ROOT) : "";
            if (ALL.equals(filter)) {
                whole.add(type);
            } else if (!MINE.equals(filter)) {
                problems.add("\"syncFilters\" gives " + entry.getKey() + " a filter Outpost does not know; write \"" + ALL
                        + "\" (every record) or \"" + MINE + "\" (the user's own and what they refer to)");
                ok = false;
            }
        }
        return ok ? Optional.of(whole) : Optional.empty();
    }

    private static Set<Setting> locked(ObjectNode file, List<String> problems) {
        JsonNode value = file.get("locked");
        if (value == null || value.isNull()) {
            return Set.of();
        }
        String names = Arrays.stream(Setting.values()).map(s -> "\"" + s.key() + "\"").collect(Collectors.joining(", "));
        if (!value.isArray()) {
            problems.add("\"locked\" must be a list of settings, like \"locked\": [\"crmUrl\", \"syncFilters\"]; "
                    + "the settings are " + names);
            return Set.of();
        }
        Set<Setting> locked = EnumSet.noneOf(Setting.class);
        for (JsonNode item : value) {
            Optional<Setting> setting = item.isTextual() ? Setting.named(item.asText().strip()) : Optional.empty();
            if (setting.isEmpty()) {
                problems.add("\"locked\" names " + item + ", which is no setting; the settings are " + names);
                continue;
            }
            boolean given = setting.get() == Setting.AUTHORITY ? file.hasNonNull("authority") || file.hasNonNull("tenant")
                    : file.hasNonNull(setting.get().key());
            if (!given) {
                // Locking a value the file does not give would lock users to a value nobody wrote down.
                problems.add("\"locked\" names \"" + item.asText().strip() + "\", but the file gives no value for it; "
                        + "add \"" + setting.get().key() + "\" to the file, or remove it from \"locked\"");
                continue;
            }
            locked.add(setting.get());
        }
        return locked;
    }
}
