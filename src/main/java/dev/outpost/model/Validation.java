package dev.outpost.model;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks the values a person (or a file, or a server) gives for a record and turns them into canonical
 * form. It never throws for bad input: every problem is reported per field, so a form can show them all
 * at once and a command can name them all.
 */
public final class Validation {

    private final FieldFormat format;

    /** Validation that reads date-times in the given time zone. */
    public Validation(ZoneId zone) {
        this.format = new FieldFormat(zone);
    }

    /** Validation in the system's time zone. */
    public static Validation inSystemZone() {
        return new Validation(Clock.systemDefaultZone().getZone());
    }

    public FieldFormat format() {
        return format;
    }

    /**
     * Checks a complete set of values for a record of the given type.
     *
     * @param input field name to raw text; blank or missing means empty
     * @return the canonical values and every problem found
     */
    public ValidationResult check(RecordType type, Map<String, String> input) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : input.keySet()) {
            if (type.field(name).isEmpty()) {
                problems.add(new FieldProblem(name, Messages.get("unknownField", name, type.withArticle(),
                        String.join(", ", type.fieldNames()))));
            }
        }
        for (Field field : type.fields()) {
            String raw = input.get(field.name());
            if (raw == null || raw.isBlank()) {
                if (field.required()) {
                    problems.add(new FieldProblem(field.name(), Messages.get("required", field.label())));
                }
                continue;
            }
            try {
                String value = format.normalize(field, raw);
                if (!value.isEmpty()) {
                    values.put(field.name(), value);
                } else if (field.required()) {
                    // e.g. only control characters, or a list of only separators: nothing is left
                    problems.add(new FieldProblem(field.name(), Messages.get("required", field.label())));
                }
            } catch (InvalidValueException e) {
                problems.add(new FieldProblem(field.name(), e.getMessage()));
            }
        }
        checkWholeRecord(type, values, problems);
        return new ValidationResult(values, problems);
    }

    private static void checkWholeRecord(RecordType type, Map<String, String> values, List<FieldProblem> problems) {
        if (type == RecordType.APPOINTMENT && values.containsKey("start") && values.containsKey("end")
                && values.get("end").compareTo(values.get("start")) < 0) {
            // Canonical UTC date-times compare correctly as text.
            problems.add(new FieldProblem("end", Messages.get("endBeforeStart")));
        }
    }

    /**
     * The outcome of a check.
     *
     * @param values   the canonical values of the fields that were valid
     * @param problems every problem found; empty when the record may be saved
     */
    public record ValidationResult(Map<String, String> values, List<FieldProblem> problems) {
        public ValidationResult {
            values = Map.copyOf(values);
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }

        /** The problems as lines a person reads, one per field. */
        public String describe() {
            return problems.stream().map(FieldProblem::toString).collect(Collectors.joining(System.lineSeparator()));
        }
    }
}
