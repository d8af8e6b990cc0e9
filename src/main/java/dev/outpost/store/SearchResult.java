package dev.outpost.store;

import java.util.List;

import dev.outpost.model.Record;

/**
 * The answer to a search.
 *
 * @param firstRecords the first matching records in title order, as many as were asked for
 * @param total        how many records match in all
 */
public record SearchResult(List<Record> firstRecords, int total) {
    public SearchResult {
        firstRecords = List.copyOf(firstRecords);
    }
}
