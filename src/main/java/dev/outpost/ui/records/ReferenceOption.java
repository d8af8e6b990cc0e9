package dev.outpost.ui.records;

/**
 * One record a reference field may point at, as a choice list shows it.
 *
 * @param id    the record's local id, or "" for "no record"
 * @param label what the user reads, e.g. "Contoso" or "Contoso (Account)"
 */
public record ReferenceOption(String id, String label) {

    @Override
    public String toString() {
        return label;
    }
}
