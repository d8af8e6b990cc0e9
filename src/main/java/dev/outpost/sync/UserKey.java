package dev.outpost.sync;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.outpost.model.RecordType;

/**
 * What a person would call "the same record" when two sides made it independently: a contact's e-mail
 * (else the full name), an appointment's subject and start, a task's subject and due date, an account's
 * or opportunity's name, an e-mail's subject, sender and sent time. Compared ignoring case and spaces.
 *
 * @param type  the record type
 * @param value the normalized key
 */
public record UserKey(RecordType type, String value) {

    /** The key of a record with these values, or empty when the fields it needs are empty. */
    public static Optional<UserKey> of(RecordType type, Map<String, String> values) {
        String key = switch (type) {
            case CONTACT -> has(values, "email") ? "email:" + values.get("email")
                    : has(values, "lastName") ? "name:" + values.getOrDefault("firstName", "") + " " + values.get("lastName") : "";
            case APPOINTMENT -> join(values, "subject", "start");
            case TASK -> join(values, "subject", "due");
            case ACCOUNT, OPPORTUNITY -> join(values, "name");
            case EMAIL -> join(values, "subject", "from", "sent");
        };
        String normalized = key.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        return normalized.isEmpty() ? Optional.empty() : Optional.of(new UserKey(type, normalized));
    }

    private static boolean has(Map<String, String> values, String field) {
        String v = values.get(field);
        return v != null && !v.isBlank();
    }

    private static String join(Map<String, String> values, String first, String... more) {
        if (!has(values, first)) {
            return "";
        }
        StringBuilder key = new StringBuilder(values.get(first));
        for (String field : more) {
            key.append('|').append(values.getOrDefault(field, ""));
        }
        return key.toString();
    }
}
