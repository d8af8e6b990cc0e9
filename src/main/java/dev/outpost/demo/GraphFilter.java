package dev.outpost.demo;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code $filter} expressions the demo mailbox understands on item lists — the ones Outpost uses to find its own
 * items:
 * <ul>
 * <li>{@code singleValueExtendedProperties/Any(ep: ep/id eq '{id}' and ep/value eq '{value}')}, the documented
 * form (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get); the property's name compares
 * case-sensitively, its value case-insensitively, as documented there;</li>
 * <li>{@code categories/any(c: c eq '{name}')};</li>
 * <li>{@code emailAddresses/any(a: a/address eq '{address}')} on contacts
 * (https://learn.microsoft.com/graph/api/user-list-contacts);</li>
 * <li>{@code {property} eq '{text}'} on a top-level string property such as {@code subject} or {@code displayName}.</li>
 * </ul>
 * Text compares case-insensitively, as Exchange does.
 * Anything else is refused with {@code 400}, so a client relying on more finds out here rather than in production.
 */
final class GraphFilter {

    private static final String QUOTED = "'((?:[^']|'')*)'";
    private static final Pattern EXTENDED = Pattern.compile("(?i)^\\s*singleValueExtendedProperties/any\\(\\s*(\\w+)\\s*:\\s*"
            + "\\1/id\\s+eq\\s+" + QUOTED + "\\s+and\\s+\\1/value\\s+eq\\s+" + QUOTED + "\\s*\\)\\s*$");
    private static final Pattern ADDRESS = Pattern.compile("(?i)^\\s*emailAddresses/any\\(\\s*(\\w+)\\s*:\\s*"
            + "\\1/address\\s+eq\\s+" + QUOTED + "\\s*\\)\\s*$");
    private static final Pattern PROPERTY = Pattern.compile("^\\s*([A-Za-z]\\w*)\\s+eq\\s+" + QUOTED + "\\s*$");
    private static final Pattern CATEGORY = Pattern.compile("(?i)^\\s*categories/any\\(\\s*(\\w+)\\s*:\\s*\\1\\s+eq\\s+"
            + QUOTED + "\\s*\\)\\s*$");

    private GraphFilter() {
    }

    /** The items a filter keeps, tested on their stored JSON. */
    static Predicate<ObjectNode> parse(String filter) {
        Matcher m = EXTENDED.matcher(filter);
        if (m.matches()) {
            String id = unquote(m.group(2));
            String value = unquote(m.group(3));
            return data -> {
                for (JsonNode p : data.path(MailboxItems.EXTENDED)) {
                    if (MailboxItems.sameProperty(p.path("id").asText(), id)
                            && p.path("value").asText().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
                return false;
            };
        }
        m = CATEGORY.matcher(filter);
        if (m.matches()) {
            String name = unquote(m.group(2));
            return data -> {
                for (JsonNode c : data.path("categories")) {
                    if (c.asText().equalsIgnoreCase(name)) {
                        return true;
                    }
                }
                return false;
            };
        }
        m = ADDRESS.matcher(filter);
        if (m.matches()) {
            String address = unquote(m.group(2));
            return data -> {
                for (JsonNode a : data.path("emailAddresses")) {
                    if (a.path("address").asText().equalsIgnoreCase(address)) {
                        return true;
                    }
                }
                return false;
            };
        }
        m = PROPERTY.matcher(filter);
        if (m.matches() && !m.group(1).startsWith("_")) {
            String property = m.group(1);
            String text = unquote(m.group(2));
            return data -> data.path(property).isTextual() && data.get(property).asText().equalsIgnoreCase(text);
        }
        throw GraphErrors.refuse(400, "ErrorInvalidUrlQueryFilter",
                "The query filter contains one or more invalid nodes (the demo mailbox understands extended "
                        + "property and category filters only).");
    }

    private static String unquote(String text) {
        return text.replace("''", "'");
    }
}
