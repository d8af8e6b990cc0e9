package dev.outpost.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.outpost.model.RecordType;

/** The {@code journal} table: remote writes in flight. */
final class JournalRows {

    private final Database db;

    JournalRows(Database db) {
        this.db = db;
    }

    /** Stores the entries and returns them with their ids. */
    List<JournalEntry> add(List<JournalEntry> entries) throws SQLException {
        List<JournalEntry> stored = new ArrayList<>(entries.size());
        try (PreparedStatement ps = db.connection().prepareStatement(
                "INSERT INTO journal (pair, type, record_id, op, client_id, remote_id, expected_version, rev, fields, sent_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            for (JournalEntry e : entries) {
                ps.setString(1, e.pair());
                ps.setString(2, e.type().id());
                ps.setString(3, e.recordId());
                ps.setString(4, e.op());
                ps.setString(5, e.clientId());
                ps.setString(6, e.remoteId());
                ps.setString(7, e.expectedVersion());
                ps.setLong(8, e.rev());
                ps.setString(9, FieldsJson.write(e.values()));
                ps.setObject(10, OffsetDateTime.now());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    stored.add(new JournalEntry(keys.getLong(1), e.pair(), e.type(), e.recordId(), e.op(), e.clientId(),
                            e.remoteId(), e.expectedVersion(), e.rev(), e.values()));
                }
            }
        }
        return stored;
    }

    void close(long id) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM journal WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    List<JournalEntry> open(String pair) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT id, pair, type, record_id, op, client_id, remote_id, expected_version, rev, fields "
                        + "FROM journal WHERE pair = ? ORDER BY id")) {
            ps.setString(1, pair);
            List<JournalEntry> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String fields = rs.getString(10);
                    result.add(new JournalEntry(rs.getLong(1), rs.getString(2), RecordType.parse(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getLong(9), fields == null ? Map.of() : FieldsJson.read(fields)));
                }
            }
            return result;
        }
    }
}
