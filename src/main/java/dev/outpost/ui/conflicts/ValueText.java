package dev.outpost.ui.conflicts;

import java.util.Map;

import dev.outpost.model.Field;
import dev.outpost.model.FieldFormat;
import dev.outpost.ui.UiText;

/** A field's canonical value as a person reads it: dates in their zone, yes/no, the title of a referred record. */
final class ValueText {

    private final FieldFormat format;
    private final Map<String, String> referenceTitles;

    ValueText(FieldFormat format, Map<String, String> referenceTitles) {
        this.format = format;
        this.referenceTitles = referenceTitles;
    }

    String of(Field field, String canonical) {
        if (canonical.isEmpty()) {
            return UiText.get("conflict.empty");
        }
        return switch (field.kind()) {
            case YES_NO -> UiText.get(Boolean.parseBoolean(canonical) ? "conflict.yes" : "conflict.no");
            case REFERENCE -> referenceTitles.getOrDefault(canonical, UiText.get("conflict.unknownRecord"));
            default -> format.display(field, canonical);
        };
    }
}
