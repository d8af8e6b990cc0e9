package dev.outpost.model;

/**
 * What is wrong with one field's value, in words a person can act on.
 *
 * @param field   the field name, or "" for a problem of the whole record
 * @param message what is wrong and what is expected, e.g. "must be an e-mail address like name@example.com"
 */
public record FieldProblem(String field, String message) {

    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
