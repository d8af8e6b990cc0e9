package dev.outpost.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/**
 * The search text of every live record, kept in memory. HSQLDB has no text index and scanning 100,000
 * encrypted rows takes about 90 ms, too slow to search as the user types; scanning these strings takes a
 * few. Built from the {@code record} table on the first search, then kept current by every write of
 * {@link RecordRepository}. Not thread-safe: the repository calls it under its lock.
 */
final class SearchIndex {

    private record Entry(String id, RecordType type, String title, String text) {
    }

    private static final Comparator<Entry> BY_TITLE = Comparator.comparing(Entry::title, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Entry::id);

    private final Map<String, Entry> entries = new HashMap<>();
    private boolean loaded;

    /** The ids of the live records that contain every word, ordered by title; at most {@code limit}. */
    List<String> match(Connection connection, Optional<RecordType> type, List<String> words, int limit) throws SQLException {
        load(connection);
        // Keep only the best `limit` hits while scanning: sorting every hit of a common word costs more than the scan.
        PriorityQueue<Entry> best = new PriorityQueue<>(BY_TITLE.reversed());
        for (Entry entry : entries.values()) {
            if ((type.isEmpty() || entry.type == type.get()) && containsAll(entry.text, words)) {
                best.add(entry);
                if (best.size() > limit) {
                    best.poll();
                }
            }
        }
        List<Entry> hits = new ArrayList<>(best);
        hits.sort(BY_TITLE);
        return hits.stream().map(Entry::id).toList();
    }

    /** How many live records contain every word. */
    int count(Connection connection, Optional<RecordType> type, List<String> words) throws SQLException {
        load(connection);
        int count = 0;
        for (Entry entry : entries.values()) {
            if ((type.isEmpty() || entry.type == type.get()) && containsAll(entry.text, words)) {
                count++;
            }
        }
        return count;
    }

    /** Records a committed write: a live record is (re)indexed, a deleted one dropped. */
    void update(Record record) {
        if (!loaded) {
            return; // the first search reads the table, which already holds this write
        }
        if (record.deleted()) {
            entries.remove(record.id());
        } else {
            entries.put(record.id(), new Entry(record.id(), record.type(), record.title(), SearchText.of(record)));
        }
    }

    /** Drops everything; the next search reads the table again. */
    void forget() {
        entries.clear();
        loaded = false;
    }

    private void load(Connection connection) throws SQLException {
        if (loaded) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, type, title, search_text FROM record WHERE deleted = FALSE");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                entries.put(id, new Entry(id, RecordType.parse(rs.getString(2)), rs.getString(3), rs.getString(4)));
            }
        }
        loaded = true;
    }

    private static boolean containsAll(String text, List<String> words) {
        for (String word : words) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
