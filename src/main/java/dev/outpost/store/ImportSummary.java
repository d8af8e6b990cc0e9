package dev.outpost.store;

import java.util.List;

/**
 * What an import of unsynced changes did, entry by entry.
 *
 * @param entries one line per entry of the file, in its order
 */
public record ImportSummary(List<Entry> entries) {

    public ImportSummary {
        entries = List.copyOf(entries);
    }

    /** What became of an entry. */
    public enum Outcome { IMPORTED, SKIPPED, FAILED }

    /**
     * @param number  the entry's place in the file, from 1
     * @param name    the entry in the user's words, e.g. "contact 'Ada Lovelace' (1b2c3d4e)"
     * @param outcome imported, skipped (nothing to do, with the reason) or failed (with what to do)
     * @param detail  what was done, or why not
     */
    public record Entry(int number, String name, Outcome outcome, String detail) {
        @Override
        public String toString() {
            return "entry " + number + ", " + name + ": " + detail;
        }
    }

    public long count(Outcome outcome) {
        return entries.stream().filter(e -> e.outcome() == outcome).count();
    }

    public List<Entry> of(Outcome outcome) {
        return entries.stream().filter(e -> e.outcome() == outcome).toList();
    }

    /** A line such as "3 imported, 1 skipped, 0 failed". */
    public String counts() {
        return count(Outcome.IMPORTED) + " imported, " + count(Outcome.SKIPPED) + " skipped, "
                + count(Outcome.FAILED) + " failed";
    }
}
