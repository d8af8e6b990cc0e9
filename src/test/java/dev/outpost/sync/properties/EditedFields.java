package dev.outpost.sync.properties;

import java.util.List;

import dev.outpost.model.RecordType;

/**
 * The record types and fields the state machine edits — text, phone and e-mail fields, required and
 * optional — and the values it writes: each carries a number never used before in the try, so user keys
 * never collide by accident and a value tells which edit wrote it.
 */
final class EditedFields {

    static final List<RecordType> TYPES = List.of(RecordType.ACCOUNT, RecordType.CONTACT);

    private EditedFields() {
    }

    static List<String> of(RecordType type) {
        return switch (type) {
            case ACCOUNT -> List.of("name", "city", "phone");
            case CONTACT -> List.of("lastName", "firstName", "jobTitle", "email");
            default -> throw new IllegalArgumentException("The state machine does not edit " + type.plural());
        };
    }

    /** The fields a record may lack. */
    static List<String> optional(RecordType type) {
        return of(type).subList(1, of(type).size());
    }

    static boolean required(RecordType type, String field) {
        return of(type).getFirst().equals(field);
    }

    /** A canonical value for the field (as validation would store it), unique by {@code n}. */
    static String value(RecordType type, String field, int n) {
        return switch (field) {
            case "name" -> "Account " + n;
            case "city" -> "City " + n;
            case "phone" -> "+47 555 " + n;
            case "lastName" -> "Last" + n;
            case "firstName" -> "First" + n;
            case "jobTitle" -> "Title " + n;
            case "email" -> "person" + n + "@example.com";
            default -> throw new IllegalArgumentException("No values for " + type.id() + "." + field);
        };
    }
}
