package dev.outpost.store;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.outpost.model.Field;
import dev.outpost.model.FieldKind;
import dev.outpost.model.Record;

/**
 * The lower-case text a search looks in: every short field of a record. Long texts (notes, bodies) are
 * left out so that a search stays fast and a match means something.
 */
final class SearchText {

    static final int MAX = 8000;

    private SearchText() {
    }

    static String of(Record record) {
        StringBuilder text = new StringBuilder(record.title().toLowerCase(Locale.ROOT));
        for (Field field : record.type().fields()) {
            if (field.kind() != FieldKind.LONG_TEXT && field.kind() != FieldKind.REFERENCE) {
                String value = record.get(field.name());
                if (!value.isEmpty()) {
                    text.append('\u001f').append(value.toLowerCase(Locale.ROOT));
                }
            }
        }
        return text.length() <= MAX ? text.toString() : text.substring(0, MAX);
    }

    /** The words of a search, lower case; each must occur for a record to match. */
    static List<String> words(String search) {
        if (search == null || search.isBlank()) {
            return List.of();
        }
        return Arrays.stream(search.toLowerCase(Locale.ROOT).trim().split("\\s+")).toList();
    }
}
