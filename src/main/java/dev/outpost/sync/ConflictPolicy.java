package dev.outpost.sync;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a pair settles a true conflict: a field, or a whole record's existence, changed on both sides. */
public enum ConflictPolicy {
    /** Record the conflict, hold the record, and let the user decide. The default for the CRM. */
    ASK("ask"),
    /**
     * The endpoint's version wins. (DESIGN.md's "server-wins" for Outlook means "the CRM copy wins", as in Siebel
     * Server Sync, whose server is the CRM. The outlook pair's endpoint is the mailbox, so there that rule is
     * {@link #LOCAL_WINS}: after a run's CRM pass the copy here is the CRM's. See {@code OutlookPair}.)
     */
    SERVER_WINS("server-wins"),
    /** This computer's version wins. */
    LOCAL_WINS("local-wins"),
    /**
     * The side changed last wins. A remote deletion carries no time, so a local edit beats it; a local
     * deletion has one and is compared. A tie goes to the endpoint.
     */
    NEWEST_WINS("newest-wins");

    private final String id;

    ConflictPolicy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ConflictPolicy parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown conflict policy '" + text + "'. Use one of: "
                        + Arrays.stream(values()).map(ConflictPolicy::id).collect(Collectors.joining(", ")) + "."));
    }

    /**
     * The policy a profile chose for a pair, else the pair's built-in one. An id this version does not know (a
     * hand-edited file) is the built-in one too: a typo must not stop the sync, and the settings show what applies.
     */
    public static ConflictPolicy forPair(java.util.Optional<String> chosen, ConflictPolicy builtIn) {
        if (chosen.isEmpty()) {
            return builtIn;
        }
        try {
            return parse(chosen.get());
        } catch (IllegalArgumentException e) {
            return builtIn;
        }
    }
}
