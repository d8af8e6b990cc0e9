package dev.outpost.model;

import java.util.List;
import java.util.Objects;

/**
 * Describes one field of a record type: its name as the CLI, JSON and UI use it, its kind, whether it
 * is required, and its limits.
 *
 * @param name       the field name, e.g. {@code lastName}
 * @param label      the name a person reads, e.g. "Last name"
 * @param kind       what the field holds
 * @param required   whether a record may be saved without it
 * @param maxLength  the longest text accepted, in characters
 * @param choices    the allowed values of a {@link FieldKind#CHOICE} field, else empty
 * @param refersTo   the record types a {@link FieldKind#REFERENCE} may point at, else empty
 */
public record Field(String name, String label, FieldKind kind, boolean required, int maxLength,
                    List<String> choices, List<RecordType> refersTo) {

    public Field {
        Objects.requireNonNull(name);
        Objects.requireNonNull(label);
        Objects.requireNonNull(kind);
        choices = List.copyOf(choices);
        refersTo = List.copyOf(refersTo);
    }

    static Field of(String name, String label, FieldKind kind, int maxLength) {
        return new Field(name, label, kind, false, maxLength, List.of(), List.of());
    }

    static Field choice(String name, String label, String... choices) {
        return new Field(name, label, FieldKind.CHOICE, false, 20, List.of(choices), List.of());
    }

    static Field reference(String name, String label, RecordType... targets) {
        return new Field(name, label, FieldKind.REFERENCE, false, 36, List.of(), List.of(targets));
    }

    Field asRequired() {
        return new Field(name, label, kind, true, maxLength, choices, refersTo);
    }

    /** Whether the field is best edited in a multi-line box. */
    public boolean multiLine() {
        return kind == FieldKind.LONG_TEXT;
    }
}
