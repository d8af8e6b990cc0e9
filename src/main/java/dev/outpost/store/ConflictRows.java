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

    /** The latest decisions, newest first. */
    List<DecidedConflict> decided(int limit) throws SQLException {
        List<DecidedConflict> result = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT resolution, resolved_at, " + COLUMNS
                + " FROM conflict WHERE resolved_at IS NOT NULL ORDER BY resolved_at DESC, id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String resolution = rs.getString(1);
                    Instant at = instant(rs.getTimestamp(2));
                    result.add(new DecidedConflict(row(rs, 2), resolution == null ? "" : resolution, at));
                }
            }
        }
        return result;
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
                result.add(row(rs, 0));
            }
        }
        return result;
    }

    /** The row's {@link #COLUMNS}, which start after the first {@code skip} columns of the select. */
    private static ConflictRow row(ResultSet rs, int skip) throws SQLException {
        String fields = rs.getString(skip + 6);
        return new ConflictRow(rs.getLong(skip + 1), rs.getString(skip + 2), rs.getString(skip + 3),
                RecordType.parse(rs.getString(skip + 4)), rs.getString(skip + 5),
                fields.isEmpty() ? List.of() : Arrays.asList(fields.split(",")),
                values(rs.getString(skip + 7)).orElse(Map.of()), values(rs.getString(skip + 8)),
                values(rs.getString(skip + 9)), rs.getString(skip + 10), rs.getString(skip + 11),
                instant(rs.getTimestamp(skip + 12)), instant(rs.getTimestamp(skip + 13)), instant(rs.getTimestamp(skip + 14)));
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
