package dev.outpost.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.outpost.model.RecordType;

/** The {@code sync_issue} table: per-record problems, counted per attempt rather than repeated. */
final class IssueRows {

    private static final String COLUMNS = "id, pair, type, record_id, remote_id, kind, reason, attempts, first_at, last_at, "
            + "skipped_rev";

    private final Database db;

    IssueRows(Database db) {
        this.db = db;
    }

    /**
     * Records a problem, or counts one more attempt of the same open problem; a skip ends there, since the engine
     * only meets a skipped problem again when the user changed the record since (a new change, refused anew). The type is matched too: rows whose
     * own id could not be read all share one stand-in remote id, and those of two types are two problems.
     */
    void raise(String pair, RecordType type, String recordId, String remoteId, String kind, String reason) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now();
        try (PreparedStatement update = db.connection().prepareStatement("UPDATE sync_issue SET attempts = attempts + 1, "
                + "reason = ?, last_at = ?, skipped_rev = NULL WHERE resolved_at IS NULL AND pair = ? AND kind = ? AND type = ? "
                + "AND (record_id = ? OR (record_id IS NULL AND remote_id = ?))")) {
            update.setString(1, reason);
            update.setObject(2, now);
            update.setString(3, pair);
            update.setString(4, kind);
            update.setString(5, type.id());
            update.setString(6, recordId);
            update.setString(7, remoteId);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = db.connection().prepareStatement("INSERT INTO sync_issue (pair, type, record_id, "
                + "remote_id, kind, reason, attempts, first_at, last_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)")) {
            insert.setString(1, pair);
            insert.setString(2, type.id());
            insert.setString(3, recordId);
            insert.setString(4, remoteId);
            insert.setString(5, kind);
            insert.setString(6, reason);
            insert.setObject(7, now);
            insert.setObject(8, now);
            insert.executeUpdate();
        }
    }

    /** Closes the open problems of a kind for a record (or a remote id when there is no record). */
    void resolve(String pair, String recordIdOrRemoteId, String kind, String resolution) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("UPDATE sync_issue SET resolved_at = ?, resolution = ? "
                + "WHERE resolved_at IS NULL AND pair = ? AND kind = ? AND (record_id = ? OR remote_id = ?)")) {
            ps.setObject(1, OffsetDateTime.now());
            ps.setString(2, resolution);
            ps.setString(3, pair);
            ps.setString(4, kind);
            ps.setString(5, recordIdOrRemoteId);
            ps.setString(6, recordIdOrRemoteId);
            ps.executeUpdate();
        }
    }

    void resolve(long id, String resolution) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "UPDATE sync_issue SET resolved_at = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL")) {
            ps.setObject(1, OffsetDateTime.now());
            ps.setString(2, resolution);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    List<SyncIssue> open(Optional<String> pair) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT " + COLUMNS
                + " FROM sync_issue WHERE resolved_at IS NULL AND (? IS NULL OR pair = ?) ORDER BY id")) {
            ps.setString(1, pair.orElse(null));
            ps.setString(2, pair.orElse(null));
            List<SyncIssue> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(row(rs));
                }
            }
            return result;
        }
    }

    Optional<SyncIssue> get(long id) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT " + COLUMNS
                + " FROM sync_issue WHERE id = ? AND resolved_at IS NULL")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Marks an open problem skipped at the record's rev, or lifts the skip ({@code rev} null). */
    void skip(long id, Long rev) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "UPDATE sync_issue SET skipped_rev = ? WHERE id = ? AND resolved_at IS NULL")) {
            ps.setObject(1, rev);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static SyncIssue row(ResultSet rs) throws SQLException {
        long rev = rs.getLong(11);
        Long skipped = rs.wasNull() ? null : rev;
        return new SyncIssue(rs.getLong(1), rs.getString(2), RecordType.parse(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), ConflictRows.instant(rs.getTimestamp(9)),
                ConflictRows.instant(rs.getTimestamp(10)), skipped);
    }

    /** Whether a problem of a kind for the record was closed with this resolution (the user's choice on it). */
    boolean resolvedAs(String pair, String recordId, String kind, String resolution) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT 1 FROM sync_issue WHERE pair = ? "
                + "AND record_id = ? AND kind = ? AND resolution = ? AND resolved_at IS NOT NULL LIMIT 1")) {
            ps.setString(1, pair);
            ps.setString(2, recordId);
            ps.setString(3, kind);
            ps.setString(4, resolution);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Moves the skips of a record's open problems to its rev now: a write by the sync is no new change of the user. */
    void reskip(String pair, String recordId, long rev) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("UPDATE sync_issue SET skipped_rev = ? "
                + "WHERE resolved_at IS NULL AND pair = ? AND record_id = ? AND skipped_rev IS NOT NULL")) {
            ps.setLong(1, rev);
            ps.setString(2, pair);
            ps.setString(3, recordId);
            ps.executeUpdate();
        }
    }
}
