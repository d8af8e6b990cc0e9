package dev.outpost.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

    /** @param order the lower-case title, then the id: sorts like the lists the user sees, and is unique */
    private record Entry(String id, RecordType type, String order, String text) {
    }

    /** The ids of the first hits in title order, and how many hits there are in all. */
    record Hits(List<String> firstIds, int total) {
    }

    private static final Comparator<Entry> BY_TITLE = Comparator.comparing(Entry::order);

    private final Map<String, Entry> entries = new HashMap<>();
    private boolean loaded;

    /** The live records that contain every word: the first {@code limit} ids in title order, and the count. */
    Hits match(Connection connection, Optional<RecordType> type, List<String> words, int limit) throws SQLException {
        load(connection);
        RecordType wanted = type.orElse(null);
        // Keep only the best `limit` hits while scanning: sorting every hit of a common word costs more than the scan.
        PriorityQueue<Entry> best = new PriorityQueue<>(BY_TITLE.reversed());
        int total = 0;
        for (Entry entry : entries.values()) {
            if ((wanted == null || entry.type == wanted) && containsAll(entry.text, words)) {
                total++;
                if (best.size() < limit) {
                    best.add(entry);
                } else if (limit > 0 && entry.order.compareTo(best.peek().order) < 0) {
                    best.poll();
                    best.add(entry);
                }
            }
        }
        List<Entry> first = new ArrayList<>(best);
        first.sort(BY_TITLE);
        return new Hits(first.stream().map(Entry::id).toList(), total);
    }

    /** Records a committed write: a live record is (re)indexed, a deleted one dropped. */
    void update(Record record) {
        if (!loaded) {
            return; // the first search reads the table, which already holds this write
        }
        if (record.deleted()) {
            entries.remove(record.id());
        } else {
            entries.put(record.id(), entry(record.id(), record.type(), record.title(), SearchText.of(record)));
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
                entries.put(id, entry(id, RecordType.parse(rs.getString(2)), rs.getString(3), rs.getString(4)));
            }
        }
        loaded = true;
    }

    private static Entry entry(String id, RecordType type, String title, String text) {
        return new Entry(id, type, title.toLowerCase(Locale.ROOT) + '\u0000' + id, text);
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
