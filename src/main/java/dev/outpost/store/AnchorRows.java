package dev.outpost.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import dev.outpost.model.RecordType;

/** The {@code anchor} table: where each pair's next pull of a type starts. */
final class AnchorRows {

    private final Database db;

    AnchorRows(Database db) {
        this.db = db;
    }

    Optional<String> get(String pair, RecordType type) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT token FROM anchor WHERE pair = ? AND type = ?")) {
            ps.setString(1, pair);
            ps.setString(2, type.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    void save(String pair, RecordType type, String token) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "MERGE INTO anchor USING (VALUES (CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(8000)), "
                        + "CAST(? AS TIMESTAMP WITH TIME ZONE))) AS v(pair, type, token, saved_at) "
                        + "ON anchor.pair = v.pair AND anchor.type = v.type "
                        + "WHEN MATCHED THEN UPDATE SET anchor.token = v.token, anchor.saved_at = v.saved_at "
                        + "WHEN NOT MATCHED THEN INSERT VALUES v.pair, v.type, v.token, v.saved_at")) {
            ps.setString(1, pair);
            ps.setString(2, type.id());
            ps.setString(3, token);
            ps.setObject(4, OffsetDateTime.now());
            ps.executeUpdate();
        }
    }

    void clear(String pair, RecordType type) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM anchor WHERE pair = ? AND type = ?")) {
            ps.setString(1, pair);
            ps.setString(2, type.id());
            ps.executeUpdate();
        }
    }
}
