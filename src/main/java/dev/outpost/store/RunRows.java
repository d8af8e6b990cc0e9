package dev.outpost.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code sync_run} table: the history of runs. */
final class RunRows {

    private final Database db;

    RunRows(Database db) {
        this.db = db;
    }

    void add(SyncRun run) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("INSERT INTO sync_run (pair, started_at, duration_ms, "
                + "outcome, counts, message, dry_run) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, run.pair());
            ps.setObject(2, ConflictRows.time(run.startedAt()));
            ps.setLong(3, run.durationMs());
            ps.setString(4, run.outcome());
            ps.setString(5, run.counts());
            ps.setString(6, run.message());
            ps.setBoolean(7, run.dryRun());
            ps.executeUpdate();
        }
    }

    List<SyncRun> latest(int limit) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT id, pair, started_at, duration_ms, outcome, "
                + "counts, message, dry_run FROM sync_run ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            List<SyncRun> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new SyncRun(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getLong(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8)));
                }
            }
            return result;
        }
    }
}
