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
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM link l WHERE l.pair = ? AND l."
                + column + " IN (UNNEST(?))")) {
            ps.setString(1, pair);
            ps.setArray(2, c.createArrayOf("VARCHAR", keys.toArray()));
            for (Link link : read(ps)) {
                found.put(byRemote ? link.remoteId() : link.recordId(), link);
            }
        }
        return found;
    }

    /** Every link of a pair to records of a type. */
    List<Link> ofType(String pair, RecordType type) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT " + COLUMNS
                + " FROM link l JOIN record r ON r.id = l.record_id WHERE l.pair = ? AND r.type = ?")) {
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

    void put(List<Link> links) throws SQLException {
        if (links.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = db.connection().prepareStatement(
                "MERGE INTO link USING (VALUES (CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(36)), CAST(? AS VARCHAR(200)), "
                        + "CAST(? AS VARCHAR(200)), CAST(? AS BIGINT), CAST(? AS VARCHAR(2000000)), CAST(? AS BOOLEAN))) "
                        + "AS v(pair, record_id, remote_id, remote_version, synced_rev, base, in_scope) "
                        + "ON link.pair = v.pair AND link.record_id = v.record_id "
                        + "WHEN MATCHED THEN UPDATE SET link.remote_id = v.remote_id, link.remote_version = v.remote_version, "
                        + "link.synced_rev = v.synced_rev, link.base = v.base, link.in_scope = v.in_scope "
                        + "WHEN NOT MATCHED THEN INSERT VALUES v.pair, v.record_id, v.remote_id, v.remote_version, "
                        + "v.synced_rev, v.base, v.in_scope")) {
            for (Link link : links) {
                ps.setString(1, link.pair());
                ps.setString(2, link.recordId());
                ps.setString(3, link.remoteId());
                ps.setString(4, link.remoteVersion());
                ps.setLong(5, link.syncedRev());
                ps.setString(6, FieldsJson.write(link.base()));
                ps.setBoolean(7, link.inScope());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    void remove(String pair, String recordId) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM link WHERE pair = ? AND record_id = ?")) {
            ps.setString(1, pair);
            ps.setString(2, recordId);
            ps.executeUpdate();
        }
    }

    /** Records of a type the pair has not synced as they are now: never sent, or changed since; not held. */
    List<PendingRecord> pending(String pair, RecordType type) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT r.id, r.type, r.rev, r.deleted, r.fields, r.modified_at, " + COLUMNS
                        + " FROM record r LEFT JOIN link l ON l.record_id = r.id AND l.pair = ? "
                        + "WHERE r.type = ? AND ((l.record_id IS NULL AND r.deleted = FALSE) "
                        + "OR (l.in_scope = TRUE AND l.synced_rev < r.rev)) "
                        + "AND NOT EXISTS (SELECT 1 FROM conflict c WHERE c.pair = ? AND c.record_id = r.id "
                        + "AND c.resolved_at IS NULL) ORDER BY r.rev")) {
            ps.setString(1, pair);
            ps.setString(2, type.id());
            ps.setString(3, pair);
            List<PendingRecord> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    var record = new dev.outpost.model.Record(rs.getString(1), RecordType.parse(rs.getString(2)),
                            FieldsJson.read(rs.getString(5)), rs.getLong(3), rs.getBoolean(4));
                    LocalRecord local = new LocalRecord(record, rs.getTimestamp(6).toInstant());
                    result.add(new PendingRecord(local, rs.getString(8) == null ? java.util.Optional.empty()
                            : java.util.Optional.of(link(rs, 7))));
                }
            }
            return result;
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
