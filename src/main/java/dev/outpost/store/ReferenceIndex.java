package dev.outpost.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.outpost.model.Field;
import dev.outpost.model.FieldKind;
import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/**
 * Which records live records refer to (a contact's account, a task's "regarding"), kept in memory like the
 * {@link SearchIndex}: the sync asks it whenever a record it keeps leaves the pair's scope, and answering from
 * the table would read every record's fields each time. Built from the table at the first question (one
 * scan per process), then kept current by every record write. Not thread-safe: called under the store's lock.
 */
final class ReferenceIndex {

    /** The types with reference fields, as SQL literals: the others cannot refer to anything. */
    private static final String REFERRING = Arrays.stream(RecordType.values())
            .filter(t -> !references(t).isEmpty()).map(t -> "'" + t.id() + "'").collect(Collectors.joining(", "));

    /** Per referring record, the ids it refers to; and per referred id, how many live records refer to it. */
    private final Map<String, List<String>> targetsOf = new HashMap<>();
    private final Map<String, Integer> referrers = new HashMap<>();
    private boolean loaded;

    boolean referenced(Connection connection, String recordId) throws SQLException {
        load(connection);
        return referrers.containsKey(recordId);
    }

    /** Records a committed write: a live record's references replace its old ones, a deleted one has none. */
    void update(Record record) {
        if (!loaded) {
            return; // the first question reads the table, which already holds this write
        }
        forgetTargetsOf(record.id());
        if (!record.deleted()) {
            add(record.id(), targets(record.type(), record.values()));
        }
    }

    /** Drops everything; the next question reads the table again. */
    void forget() {
        targetsOf.clear();
        referrers.clear();
        loaded = false;
    }

    private void load(Connection connection) throws SQLException {
        if (loaded) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, type, fields FROM record WHERE deleted = FALSE AND type IN (" + REFERRING + ")");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                add(rs.getString(1), targets(RecordType.parse(rs.getString(2)), FieldsJson.read(rs.getString(3))));
            }
        }
        loaded = true;
    }

    private void add(String recordId, List<String> targets) {
        if (!targets.isEmpty()) {
            targetsOf.put(recordId, targets);
            targets.forEach(t -> referrers.merge(t, 1, Integer::sum));
        }
    }

    private void forgetTargetsOf(String recordId) {
        List<String> old = targetsOf.remove(recordId);
        if (old != null) {
            old.forEach(t -> referrers.computeIfPresent(t, (id, n) -> n == 1 ? null : n - 1));
        }
    }

    private static List<String> targets(RecordType type, Map<String, String> values) {
        return references(type).stream().map(f -> values.get(f.name())).filter(v -> v != null && !v.isEmpty()).toList();
    }

    private static List<Field> references(RecordType type) {
        return type.fields().stream().filter(f -> f.kind() == FieldKind.REFERENCE).toList();
    }
}
