package dev.outpost.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.outpost.model.RecordType;

/** The {@code link} table: what each pair knows of each record. */
final class LinkRows {

    private static final String COLUMNS = "l.pair, l.record_id, l.remote_id, l.remote_version, l.synced_rev, l.base, l.in_scope";

    private final Database db;

    LinkRows(Database db) {
        this.db = db;
    }

    Map<String, Link> byRemoteIds(String pair, Collection<String> remoteIds) throws SQLException {
        return byColumn(pair, "remote_id", remoteIds, true);
    }

    Map<String, Link> byRecordIds(String pair, Collection<String> recordIds) throws SQLException {
        return byColumn(pair, "record_id", recordIds, false);
    }

    private Map<String, Link> byColumn(String pair, String column, Collection<String> keys, boolean byRemote)
            throws SQLException {
        Map<String, Link> found = new HashMap<>(keys.size() * 2);
        if (keys.isEmpty()) {
            return found;
        }
        Connection c = db.connection();
        // A join with the unnested ids lets HSQLDB look each id up in the index; "IN (UNNEST(?))" scanned.
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM UNNEST(CAST(? AS VARCHAR(200) ARRAY)) AS u(k) JOIN link l ON l.pair = ? "
                + "AND l." + column + " = u.k")) {
            ps.setArray(1, c.createArrayOf("VARCHAR", keys.toArray()));
            ps.setString(2, pair);
            for (Link link : read(ps)) {
                found.put(byRemote ? link.remoteId() : link.recordId(), link);
            }
        }
        return found;
    }

    /** Every link of a pair to records of a type. */
    List<Link> ofType(String pair, RecordType type) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT " + COLUMNS
                + " FROM link l WHERE l.pair = ? AND l.type = ?")) {
            ps.setString(1, pair);
            ps.setString(2, type.id());
            return read(ps);
        }
    }

    int count(String pair) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT COUNT(*) FROM link WHERE pair = ?")) {
            ps.setString(1, pair);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    boolean any(String pair) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT 1 FROM link WHERE pair = ? LIMIT 1")) {
            ps.setString(1, pair);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Writes links of records of a type; those of {@code newRecordIds} are known not to exist yet. */
    void put(RecordType type, List<Link> links, java.util.Set<String> newRecordIds) throws SQLException {
        if (links.isEmpty()) {
            return;
        }
        // Plain batches rather than MERGE: a MERGE per row is several times slower on a first sync's pages.
        Map<String, List<Link>> byPair = new HashMap<>();
        links.forEach(l -> byPair.computeIfAbsent(l.pair(), p -> new ArrayList<>()).add(l));
        for (var entry : byPair.entrySet()) {
            Map<String, Link> existing = byRecordIds(entry.getKey(), entry.getValue().stream().map(Link::recordId)
                    .filter(id -> !newRecordIds.contains(id)).toList());
            Map<String, Link> latest = new java.util.LinkedHashMap<>();
            entry.getValue().forEach(l -> latest.put(l.recordId(), l));
            Connection c = db.connection();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO link (pair, record_id, remote_id, remote_version, "
                    + "synced_rev, base, in_scope, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement update = c.prepareStatement("UPDATE link SET remote_id = ?, remote_version = ?, "
                         + "synced_rev = ?, base = ?, in_scope = ? WHERE pair = ? AND record_id = ?")) {
                int inserts = 0;
                int updates = 0;
                for (Link link : latest.values()) {
                    if (existing.containsKey(link.recordId())) {
                        update.setString(1, link.remoteId());
                        update.setString(2, link.remoteVersion());
                        update.setLong(3, link.syncedRev());
                        update.setString(4, FieldsJson.write(link.base()));
                        update.setBoolean(5, link.inScope());
                        update.setString(6, link.pair());
                        update.setString(7, link.recordId());
                        update.addBatch();
                        updates++;
                    } else {
                        insert.setString(1, link.pair());
                        insert.setString(2, link.recordId());
                        insert.setString(3, link.remoteId());
                        insert.setString(4, link.remoteVersion());
                        insert.setLong(5, link.syncedRev());
                        insert.setString(6, FieldsJson.write(link.base()));
                        insert.setBoolean(7, link.inScope());
                        insert.setString(8, type.id());
                        insert.addBatch();
                        inserts++;
                    }
                }
                if (updates > 0) {
                    update.executeBatch();
                }
                if (inserts > 0) {
                    insert.executeBatch();
                }
            }
        }
    }

    void remove(String pair, String recordId) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM link WHERE pair = ? AND record_id = ?")) {
            ps.setString(1, pair);
            ps.setString(2, recordId);
            ps.executeUpdate();
        }
    }

    /**
     * Records of a type the pair has not synced as they are now (never sent, or changed since), held ones
     * included, oldest first. Only records written since the last push, or left waiting by it, are read:
     * the cost follows the changes, not the size of the store.
     */
    PendingScan pending(String pair, RecordType type, long[] syncedRevs) throws SQLException {
        long scannedRev;
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT rev FROM record ORDER BY rev DESC LIMIT 1"); // MAX(rev) scanned the table
             ResultSet rs = ps.executeQuery()) {
            scannedRev = rs.next() ? rs.getLong(1) : 0;
        }
        long mark = 0;
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT scanned_rev FROM push_mark WHERE pair = ? AND type = ?")) {
            ps.setString(1, pair);
            ps.setString(2, type.id());
            try (ResultSet rs = ps.executeQuery()) {
                mark = rs.next() ? rs.getLong(1) : 0;
            }
        }
        Map<String, PendingRecord> found = new java.util.LinkedHashMap<>();
        try (PreparedStatement ps = db.connection().prepareStatement(PENDING + " AND r.rev > ? AND r.rev <= ?")) {
            // Revs this run's pull wrote already in step with the pair are skipped: read only the gaps between.
            long from = mark;
            for (long rev : syncedRevs) {
                if (rev > from && rev <= scannedRev) {
                    if (rev > from + 1) {
                        readRange(ps, pair, type, from, rev - 1, found);
                    }
                    from = rev;
                }
            }
            if (scannedRev > from) {
                readRange(ps, pair, type, from, scannedRev, found);
            }
        }
        try (PreparedStatement ps = db.connection().prepareStatement(PENDING.replace("FROM record r ",
                "FROM push_leftover p JOIN record r ON r.id = p.record_id AND p.pair = ? AND p.type = ? "))) {
            ps.setString(1, pair);
            ps.setString(2, type.id());
            ps.setString(3, pair);
            ps.setString(4, pair);
            ps.setString(5, type.id());
            readPending(ps, found);
        }
        List<PendingRecord> ordered = new ArrayList<>(found.values());
        ordered.sort(java.util.Comparator.comparingLong(p -> p.local().record().rev()));
        return new PendingScan(ordered, scannedRev);
    }

    /** The ids among these that are still waiting to be synced with the pair. */
    java.util.Set<String> stillPending(String pair, RecordType type, Collection<String> ids) throws SQLException {
        Map<String, PendingRecord> found = new java.util.LinkedHashMap<>();
        if (!ids.isEmpty()) {
            Connection c = db.connection();
            try (PreparedStatement ps = c.prepareStatement(PENDING.replace("FROM record r ",
                    "FROM UNNEST(CAST(? AS VARCHAR(200) ARRAY)) AS u(k) JOIN record r ON r.id = u.k "))) {
                ps.setArray(1, c.createArrayOf("VARCHAR", ids.toArray()));
                ps.setString(2, pair);
                ps.setString(3, pair);
                ps.setString(4, type.id());
                readPending(ps, found);
            }
        }
        return found.keySet();
    }

    /** Remembers how far a push looked and what it left waiting. */
    void markPushed(String pair, RecordType type, long scannedRev, Collection<String> leftover) throws SQLException {
        Connection c = db.connection();
        if (scannedRev == mark(pair, type) && leftover.isEmpty() && !hasLeftovers(pair, type)) {
            return; // nothing moved: spare the commit (each one is a disk sync)
        }
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO push_mark USING (VALUES (CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(16)), CAST(? AS BIGINT))) "
                        + "AS v(pair, type, scanned_rev) ON push_mark.pair = v.pair AND push_mark.type = v.type "
                        + "WHEN MATCHED THEN UPDATE SET push_mark.scanned_rev = v.scanned_rev "
                        + "WHEN NOT MATCHED THEN INSERT VALUES v.pair, v.type, v.scanned_rev")) {
            ps.setString(1, pair);
            ps.setString(2, type.id());
            ps.setLong(3, scannedRev);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM push_leftover WHERE pair = ? AND type = ?")) {
            ps.setString(1, pair);
            ps.setString(2, type.id());
            ps.executeUpdate();
        }
        if (!leftover.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO push_leftover VALUES (?, ?, ?)")) {
                for (String id : leftover) {
                    ps.setString(1, pair);
                    ps.setString(2, type.id());
                    ps.setString(3, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** Makes the next push look at the record again, whatever its rev: it came back into the pair's scope. */
    void addLeftover(String pair, RecordType type, String recordId) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "MERGE INTO push_leftover USING (VALUES (CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(36)))) "
                        + "AS v(pair, type, record_id) ON push_leftover.pair = v.pair AND push_leftover.type = v.type "
                        + "AND push_leftover.record_id = v.record_id WHEN NOT MATCHED THEN INSERT VALUES v.pair, v.type, v.record_id")) {
            ps.setString(1, pair);
            ps.setString(2, type.id());
            ps.setString(3, recordId);
            ps.executeUpdate();
        }
    }

    private long mark(String pair, RecordType type) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT scanned_rev FROM push_mark WHERE pair = ? AND type = ?")) {
            ps.setString(1, pair);
            ps.setString(2, type.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private boolean hasLeftovers(String pair, RecordType type) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT 1 FROM push_leftover WHERE pair = ? AND type = ? LIMIT 1")) {
            ps.setString(1, pair);
            ps.setString(2, type.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The remote ids of the in-scope links of a type: what a complete listing is reconciled against. */
    java.util.Set<String> inScopeRemoteIds(String pair, RecordType type) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT l.remote_id FROM link l WHERE l.pair = ? AND l.type = ? AND l.in_scope = TRUE")) {
            ps.setString(1, pair);
            ps.setString(2, type.id());
            java.util.Set<String> ids = new java.util.HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    private static final String PENDING = "SELECT r.id, r.type, r.rev, r.deleted, r.fields, r.modified_at, " + COLUMNS
            + " FROM record r LEFT JOIN link l ON l.record_id = r.id AND l.pair = ? "
            + "LEFT JOIN pair_scope s ON s.record_id = r.id AND s.pair = ? "
            // Never sent, and neither untracked by the user nor over the pair's limit (see V4__pair_scope.sql).
            + "WHERE r.type = ? AND ((l.record_id IS NULL AND r.deleted = FALSE "
            + "AND (s.record_id IS NULL OR (s.over_limit = FALSE AND (s.tracked IS NULL OR s.tracked = TRUE)))) "
            + "OR (l.in_scope = TRUE AND l.synced_rev < r.rev))";

    private static void readRange(PreparedStatement ps, String pair, RecordType type, long after, long upTo,
                                  Map<String, PendingRecord> into) throws SQLException {
        ps.setString(1, pair);
        ps.setString(2, pair);
        ps.setString(3, type.id());
        ps.setLong(4, after);
        ps.setLong(5, upTo);
        readPending(ps, into);
    }

    private static void readPending(PreparedStatement ps, Map<String, PendingRecord> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                var record = new dev.outpost.model.Record(rs.getString(1), RecordType.parse(rs.getString(2)),
                        FieldsJson.read(rs.getString(5)), rs.getLong(3), rs.getBoolean(4));
                LocalRecord local = new LocalRecord(record, rs.getTimestamp(6).toInstant());
                into.put(record.id(), new PendingRecord(local, rs.getString(8) == null ? java.util.Optional.empty()
                        : java.util.Optional.of(link(rs, 7))));
            }
        }
    }

    /** How many records of the type the pair links. */
    int count(String pair, RecordType type) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT COUNT(*) FROM link l WHERE l.pair = ? AND l.type = ?")) {
            ps.setString(1, pair);
            ps.setString(2, type.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static List<Link> read(PreparedStatement ps) throws SQLException {
        List<Link> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(link(rs, 1));
            }
        }
        return result;
    }

    private static Link link(ResultSet rs, int first) throws SQLException {
        String base = rs.getString(first + 5);
        return new Link(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2), rs.getString(first + 3),
                rs.getLong(first + 4), base == null ? Map.of() : FieldsJson.read(base), rs.getBoolean(first + 6));
    }
}
