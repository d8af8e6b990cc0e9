package dev.outpost.demo;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only {@code $filter}s the demo server understands: a filter on a set's primary key, in one of the two forms
 * Dataverse accepts for "these rows by id",
 * <ul>
 * <li>{@code Microsoft.Dynamics.CRM.In(PropertyName='<key>',PropertyValues=['<guid>','<guid>',…])} (the values
 * single- or double-quoted), and</li>
 * <li>{@code <key> eq <guid> or <key> eq <guid> …} (GUID literals unquoted, as OData 4 writes them).</li>
 * </ul>
 * Anything else (another column, another function or operator, parameter aliases, parentheses) is refused, so a
 * client never mistakes an unfiltered answer for a filtered one.
 */
final class KeyFilter {

    private static final String GUID = "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}";
    private static final Pattern IN = Pattern.compile(
            "Microsoft\\.Dynamics\\.CRM\\.In\\(\\s*PropertyName\\s*=\\s*'(\\w+)'\\s*,\\s*PropertyValues\\s*=\\s*\\[(.*)]\\s*\\)");
    private static final Pattern QUOTED = Pattern.compile("'(" + GUID + ")'|\"(" + GUID + ")\"");
    private static final Pattern EQ = Pattern.compile("(\\w+) eq (" + GUID + ")");

    /** A filter the demo server does not understand; the message says what, for the 400 answer. */
    static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    private KeyFilter() {
    }

    /**
     * The GUIDs (lower case) a filter on {@code set}'s key asks for.
     *
     * @throws Unsupported when the filter is not one of the forms above, or names another column
     */
    static Set<String> ids(EntitySet set, String filter) throws Unsupported {
        String text = filter.strip();
        Matcher in = IN.matcher(text);
        if (in.matches()) {
            requireKey(set, in.group(1));
            return values(in.group(2));
        }
        if (text.startsWith("Microsoft.Dynamics.CRM.")) {
            throw new Unsupported("The demo server supports Microsoft.Dynamics.CRM.In only with PropertyName and a "
                    + "list of quoted GUIDs in PropertyValues.");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String term : text.split(" or ", -1)) {
            Matcher eq = EQ.matcher(term);
            if (!eq.matches()) {
                throw new Unsupported("The demo server supports $filter only on the key: '" + set.key()
                        + " eq <guid>' joined by 'or', or Microsoft.Dynamics.CRM.In on '" + set.key() + "'.");
            }
            requireKey(set, eq.group(1));
            ids.add(eq.group(2).toLowerCase(Locale.ROOT));
        }
        return ids;
    }

    private static Set<String> values(String list) throws Unsupported {
        Set<String> ids = new LinkedHashSet<>();
        String[] items = list.split(",", -1);
        for (String item : items) {
            Matcher value = QUOTED.matcher(item.strip());
            if (!value.matches()) {
                throw new Unsupported("PropertyValues must be a non-empty list of quoted GUIDs.");
            }
            String guid = value.group(1) != null ? value.group(1) : value.group(2);
            ids.add(UUID.fromString(guid).toString().toLowerCase(Locale.ROOT));
        }
        return ids;
    }

    private static void requireKey(EntitySet set, String column) throws Unsupported {
        if (!column.equals(set.key())) {
            if (!set.readable(column)) {
                throw new Unsupported("Could not find a property named '" + column + "' on type 'Microsoft.Dynamics.CRM."
                        + set.logical() + "'.");
            }
            throw new Unsupported("The demo server supports $filter only on the key '" + set.key() + "', not on '"
                    + column + "'.");
        }
    }
}
