package dev.outpost.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.outpost.model.RecordType;

/** The {@code conflict} table: collisions waiting for the user, kept whole. */
final class ConflictRows {

    private static final String COLUMNS = "id, pair, record_id, type, kind, fields, base_values, local_values, "
            + "remote_values, remote_id, remote_version, local_changed_at, remote_changed_at, detected_at";

    private final Database db;

    ConflictRows(Database db) {
        this.db = db;
    }

    long add(ConflictRow c) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("INSERT INTO conflict (pair, record_id, type, kind, "
                + "fields, base_values, local_values, remote_values, remote_id, remote_version, local_changed_at, "
                + "remote_changed_at, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, c.pair());
            ps.setString(2, c.recordId());
            ps.setString(3, c.type().id());
            ps.setString(4, c.kind());
            ps.setString(5, String.join(",", c.fields()));
            ps.setString(6, FieldsJson.write(c.baseValues()));
            ps.setString(7, c.localValues().map(FieldsJson::write).orElse(null));
            ps.setString(8, c.remoteValues().map(FieldsJson::write).orElse(null));
            ps.setString(9, c.remoteId());
            ps.setString(10, c.remoteVersion());
            ps.setObject(11, time(c.localChangedAt()));
            ps.setObject(12, time(c.remoteChangedAt()));
            ps.setObject(13, OffsetDateTime.now());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Keeps the newest remote state of a held record, so nothing the endpoint sent is lost. */
    void updateRemote(long id, Optional<Map<String, String>> values, String version, Instant changedAt) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "UPDATE conflict SET remote_values = ?, remote_version = ?, remote_changed_at = ? WHERE id = ?")) {
            ps.setString(1, values.map(FieldsJson::write).orElse(null));
            ps.setString(2, version);
            ps.setObject(3, time(changedAt));
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    void resolve(long id, String resolution) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "UPDATE conflict SET resolved_at = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL")) {
            ps.setObject(1, OffsetDateTime.now());
            ps.setString(2, resolution);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    List<ConflictRow> open(Optional<String> pair) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT " + COLUMNS
                + " FROM conflict WHERE resolved_at IS NULL AND (? IS NULL OR pair = ?) ORDER BY id")) {
            ps.setString(1, pair.orElse(null));
            ps.setString(2, pair.orElse(null));
            return read(ps);
        }
    }

    Optional<ConflictRow> openFor(String pair, String recordId) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT " + COLUMNS
                + " FROM conflict WHERE resolved_at IS NULL AND pair = ? AND record_id = ?")) {
            ps.setString(1, pair);
            ps.setString(2, recordId);
            return read(ps).stream().findFirst();
        }
    }

    Optional<ConflictRow> get(long id) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT " + COLUMNS + " FROM conflict WHERE id = ?")) {
            ps.setLong(1, id);
            return read(ps).stream().findFirst();
        }
    }

    private static List<ConflictRow> read(PreparedStatement ps) throws SQLException {
        List<ConflictRow> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String fields = rs.getString(6);
                result.add(new ConflictRow(rs.getLong(1), rs.getString(2), rs.getString(3), RecordType.parse(rs.getString(4)),
                        rs.getString(5), fields.isEmpty() ? List.of() : Arrays.asList(fields.split(",")),
                        values(rs.getString(7)).orElse(Map.of()), values(rs.getString(8)), values(rs.getString(9)),
                        rs.getString(10), rs.getString(11), instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)),
                        instant(rs.getTimestamp(14))));
            }
        }
        return result;
    }

    private static Optional<Map<String, String>> values(String json) {
        return json == null ? Optional.empty() : Optional.of(FieldsJson.read(json));
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
