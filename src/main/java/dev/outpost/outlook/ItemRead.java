package dev.outpost.outlook;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import dev.outpost.model.Field;
import dev.outpost.model.FieldFormat;
import dev.outpost.model.InvalidValueException;
import dev.outpost.model.RecordType;
import dev.outpost.sync.RemoteRecord;

/** What reading one Outlook item gave: the record and whether it carries the sharing category, or why it cannot be read. */
sealed interface ItemRead {

    /** The item, read; {@code shared} when it carries the sharing category. */
    record Readable(RemoteRecord record, boolean shared) implements ItemRead {
    }

    /** An item the endpoint cannot read; the reason never holds the value. */
    record Unreadable(String remoteId, String field, String reason) implements ItemRead {
    }

    /** Thrown while reading one value. */
    final class BadValue extends Exception {
        private final String field;

        BadValue(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    /** Collects an item's values in canonical form, checking each against its field's kind and length. */
    final class Values {
        private static final FieldFormat UTC = new FieldFormat(ZoneOffset.UTC);

        private final RecordType type;
        private final Map<String, String> values = new HashMap<>();

        Values(RecordType type) {
            this.type = type;
        }

        /** Puts a value unless it is null or blank. */
        Values put(String name, String raw) throws BadValue {
            if (raw == null || raw.isBlank()) {
                return this;
            }
            Field field = type.field(name).orElseThrow(() -> new IllegalArgumentException(type.id() + " has no " + name));
            String text = raw.strip();
            if (text.length() > field.maxLength()) {
                throw new BadValue(name, "longer than " + field.maxLength() + " characters");
            }
            try {
                values.put(name, UTC.normalize(field, text));
            } catch (InvalidValueException e) {
                // The model's message quotes the value; the reason must not.
                throw new BadValue(name, "not a valid " + field.kind().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ') + " value");
            }
            return this;
        }

        Map<String, String> map() {
            return values;
        }
    }
}
