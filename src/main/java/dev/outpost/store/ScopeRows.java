package dev.outpost.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/** The {@code pair_scope} table: per pair and record, the user's track choice and the pair's limit. */
final class ScopeRows {

    private final Database db;

    ScopeRows(Database db) {
        this.db = db;
    }

    /** Records the user's choice; {@code null} goes back to the pair's default. */
    void setTracked(String pair, String recordId, RecordType type, Boolean tracked) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "MERGE INTO pair_scope USING (VALUES (CAST(? AS VARCHAR(36)), CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(16)), "
                        + "CAST(? AS BOOLEAN))) AS v(record_id, pair, type, tracked) "
                        + "ON pair_scope.record_id = v.record_id AND pair_scope.pair = v.pair "
                        + "WHEN MATCHED THEN UPDATE SET pair_scope.tracked = v.tracked "
                        + "WHEN NOT MATCHED THEN INSERT (record_id, pair, type, tracked) VALUES v.record_id, v.pair, v.type, v.tracked")) {
            ps.setString(1, recordId);
            ps.setString(2, pair);
            ps.setString(3, type.id());
            if (tracked == null) {
                ps.setNull(4, java.sql.Types.BOOLEAN);
            } else {
                ps.setBoolean(4, tracked);
            }
            ps.executeUpdate();
        }
        dropIfSilent(pair, recordId);
    }

    /** The user's choice for the record, empty when they made none. */
    Optional<Boolean> tracked(String pair, String recordId) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT tracked FROM pair_scope WHERE record_id = ? AND pair = ?")) {
            ps.setString(1, recordId);
            ps.setString(2, pair);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                boolean value = rs.getBoolean(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(value);
            }
        }
    }

    boolean overLimit(String pair, String recordId) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT 1 FROM pair_scope WHERE record_id = ? AND pair = ? AND over_limit = TRUE")) {
            ps.setString(1, recordId);
            ps.setString(2, pair);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Whether the pair leaves out any record, by choice or by its limit; one probe. */
    boolean anyExcluded(String pair) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT 1 FROM pair_scope WHERE pair = ? AND (tracked = FALSE OR over_limit = TRUE) LIMIT 1")) {
            ps.setString(1, pair);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The ids among these that the pair leaves out: untracked or over its limit. */
    Set<String> excluded(String pair, Collection<String> recordIds) throws SQLException {
        Set<String> found = new HashSet<>();
        if (recordIds.isEmpty()) {
            return found;
        }
        Connection c = db.connection();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.record_id FROM UNNEST(CAST(? AS VARCHAR(200) ARRAY)) AS u(k) "
                + "JOIN pair_scope s ON s.record_id = u.k AND s.pair = ? WHERE s.tracked = FALSE OR s.over_limit = TRUE")) {
            ps.setArray(1, c.createArrayOf("VARCHAR", recordIds.toArray()));
            ps.setString(2, pair);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    /** The records of a type the user took out of the pair. */
    List<String> untracked(String pair, RecordType type) throws SQLException {
        return ids("SELECT record_id FROM pair_scope WHERE pair = ? AND type = ? AND tracked = FALSE ORDER BY record_id",
                pair, type);
    }

    /** The records of a type the pair's limit leaves out. */
    List<String> overLimit(String pair, RecordType type) throws SQLException {
        return ids("SELECT record_id FROM pair_scope WHERE pair = ? AND type = ? AND over_limit = TRUE ORDER BY record_id",
                pair, type);
    }

    Map<RecordType, Integer> overLimitCounts(String pair) throws SQLException {
        Map<RecordType, Integer> counts = new EnumMap<>(RecordType.class);
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT type, COUNT(*) FROM pair_scope WHERE pair = ? AND over_limit = TRUE GROUP BY type")) {
            ps.setString(1, pair);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(RecordType.parse(rs.getString(1)), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    /** The records over the limit now, and whether their link was paused for it. */
    Map<String, Boolean> overLimitPaused(String pair) throws SQLException {
        Map<String, Boolean> found = new HashMap<>();
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT record_id, paused_link FROM pair_scope WHERE pair = ? AND over_limit = TRUE")) {
            ps.setString(1, pair);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getBoolean(2));
                }
            }
        }
        return found;
    }

    void markOverLimit(String pair, String recordId, RecordType type, boolean pausedLink) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "MERGE INTO pair_scope USING (VALUES (CAST(? AS VARCHAR(36)), CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(16)), "
                        + "CAST(? AS BOOLEAN))) AS v(record_id, pair, type, paused) "
                        + "ON pair_scope.record_id = v.record_id AND pair_scope.pair = v.pair "
                        + "WHEN MATCHED THEN UPDATE SET pair_scope.over_limit = TRUE, pair_scope.paused_link = v.paused "
                        + "WHEN NOT MATCHED THEN INSERT (record_id, pair, type, over_limit, paused_link) "
                        + "VALUES v.record_id, v.pair, v.type, TRUE, v.paused")) {
            ps.setString(1, recordId);
            ps.setString(2, pair);
            ps.setString(3, type.id());
            ps.setBoolean(4, pausedLink);
            ps.executeUpdate();
        }
    }

    void releaseOverLimit(String pair, String recordId) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "UPDATE pair_scope SET over_limit = FALSE, paused_link = FALSE WHERE record_id = ? AND pair = ?")) {
            ps.setString(1, recordId);
            ps.setString(2, pair);
            ps.executeUpdate();
        }
        dropIfSilent(pair, recordId);
    }

    /** Live records of the types that the user did not take out of the pair. */
    int candidateCount(String pair, Set<RecordType> types) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT COUNT(*) FROM record r "
                + CANDIDATES)) {
            bindCandidates(ps, pair, types);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    List<PushCandidate> candidates(String pair, Set<RecordType> types) throws SQLException {
        List<PushCandidate> found = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT r.id, r.type, r.rev, r.fields, r.modified_at, s.tracked FROM record r " + CANDIDATES)) {
            bindCandidates(ps, pair, types);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Record record = new Record(rs.getString(1), RecordType.parse(rs.getString(2)),
                            FieldsJson.read(rs.getString(4)), rs.getLong(3), false);
                    boolean chosen = rs.getBoolean(6) && !rs.wasNull();
                    found.add(new PushCandidate(new LocalRecord(record, rs.getTimestamp(5).toInstant()), chosen));
                }
            }
        }
        return found;
    }

    Optional<LimitMark> limitMark(String pair) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT ranked_rev, record_limit, ranked_at, over_limit FROM push_limit_mark WHERE pair = ?")) {
            ps.setString(1, pair);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<RecordType, Integer> counts = new EnumMap<>(RecordType.class);
                for (String entry : rs.getString(4).split(",")) {
                    if (!entry.isEmpty()) {
                        String[] kv = entry.split("=");
                        counts.put(RecordType.parse(kv[0]), Integer.parseInt(kv[1]));
                    }
                }
                return Optional.of(new LimitMark(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), counts));
            }
        }
    }

    void saveLimitMark(String pair, LimitMark mark) throws SQLException {
        clearLimitMark(pair);
        try (PreparedStatement ps = db.connection().prepareStatement("INSERT INTO push_limit_mark VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, pair);
            ps.setLong(2, mark.rankedRev());
            ps.setInt(3, mark.limit());
            ps.setTimestamp(4, java.sql.Timestamp.from(mark.rankedAt()));
            ps.setString(5, String.join(",", mark.overLimit().entrySet().stream()
                    .map(e -> e.getKey().id() + "=" + e.getValue()).toList()));
            ps.executeUpdate();
        }
    }

    void clearLimitMark(String pair) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM push_limit_mark WHERE pair = ?")) {
            ps.setString(1, pair);
            ps.executeUpdate();
        }
    }

    /**
     * Whether a record of the types written after {@code rev} would be new to the pair: live, unlinked, neither
     * untracked nor over the limit. The rev bound goes first so the rev index limits the scan to recent writes.
     */
    boolean newCandidatesSince(String pair, Set<RecordType> types, long rev) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT 1 FROM record r "
                + "LEFT JOIN link l ON l.record_id = r.id AND l.pair = ? "
                + "LEFT JOIN pair_scope s ON s.record_id = r.id AND s.pair = ? "
                + "WHERE r.rev > ? AND r.type IN (UNNEST(CAST(? AS VARCHAR(16) ARRAY))) AND r.deleted = FALSE "
                + "AND l.record_id IS NULL AND s.record_id IS NULL LIMIT 1")) {
            ps.setString(1, pair);
            ps.setString(2, pair);
            ps.setLong(3, rev);
            ps.setArray(4, db.connection().createArrayOf("VARCHAR", types.stream().map(RecordType::id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * The linked records of a type the user untracked whose copy there still carries the pair's marker: the link is
     * paused and no sync released the copy yet (see V5__pair_scope_released.sql).
     */
    List<Link> toRelease(String pair, RecordType type) throws SQLException {
        return sharingLinks(pair, type, "s.tracked = FALSE AND s.released = FALSE AND l.in_scope = FALSE");
    }

    /** The linked records of a type the user tracked again after a sync released their copy there. */
    List<Link> toClaim(String pair, RecordType type) throws SQLException {
        return sharingLinks(pair, type, "(s.tracked IS NULL OR s.tracked = TRUE) AND s.released = TRUE AND s.over_limit = FALSE");
    }

    /** Records whether the copy there was released; a row saying nothing else any more goes. */
    void setReleased(String pair, String recordId, boolean released) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "UPDATE pair_scope SET released = ? WHERE record_id = ? AND pair = ?")) {
            ps.setBoolean(1, released);
            ps.setString(2, recordId);
            ps.setString(3, pair);
            ps.executeUpdate();
        }
        dropIfSilent(pair, recordId);
    }

    private List<Link> sharingLinks(String pair, RecordType type, String condition) throws SQLException {
        List<Link> found = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT l.pair, l.record_id, l.remote_id, "
                + "l.remote_version, l.synced_rev, l.base, l.in_scope FROM pair_scope s "
                + "JOIN link l ON l.record_id = s.record_id AND l.pair = s.pair "
                + "WHERE s.pair = ? AND s.type = ? AND " + condition + " ORDER BY s.record_id")) {
            ps.setString(1, pair);
            ps.setString(2, type.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String base = rs.getString(6);
                    found.add(new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            base == null ? Map.of() : FieldsJson.read(base), rs.getBoolean(7)));
                }
            }
        }
        return found;
    }

    /** A purged record leaves nothing behind. */
    void forget(String recordId) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM pair_scope WHERE record_id = ?")) {
            ps.setString(1, recordId);
            ps.executeUpdate();
        }
    }

    /**
     * A record whose item left the pair's scope on the other side (the user took the sharing category off it in
     * Outlook) is no candidate: it will not be sent, so it must not hold one of the limit's places. One the limit
     * itself paused, or the user tracks explicitly, still is.
     */
    private static final String CANDIDATES = "LEFT JOIN pair_scope s ON s.record_id = r.id AND s.pair = ? "
            + "LEFT JOIN link l ON l.record_id = r.id AND l.pair = ? "
            + "WHERE r.type IN (UNNEST(CAST(? AS VARCHAR(16) ARRAY))) AND r.deleted = FALSE "
            + "AND (s.tracked IS NULL OR s.tracked = TRUE) "
            + "AND (l.record_id IS NULL OR l.in_scope = TRUE OR s.paused_link = TRUE OR s.tracked = TRUE)";

    private void bindCandidates(PreparedStatement ps, String pair, Set<RecordType> types) throws SQLException {
        ps.setString(1, pair);
        ps.setString(2, pair);
        ps.setArray(3, db.connection().createArrayOf("VARCHAR", types.stream().map(RecordType::id).toArray()));
    }

    private List<String> ids(String sql, String pair, RecordType type) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement(sql)) {
            ps.setString(1, pair);
            ps.setString(2, type.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    private void dropIfSilent(String pair, String recordId) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM pair_scope WHERE record_id = ? "
                + "AND pair = ? AND tracked IS NULL AND over_limit = FALSE AND released = FALSE")) {
            ps.setString(1, recordId);
            ps.setString(2, pair);
            ps.executeUpdate();
        }
    }
}
