package dev.outpost.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plain SQL on the database of a closed profile, for setting up what the store has no API for yet, such as
 * the sync links. Each call opens the database with the profile's key, commits and shuts it down again.
 */
final class StoreSql {

    private StoreSql() {
    }

    /** Runs statements whose {@code ?} are bound, in order, to the given values. */
    static void run(ProfileFolder profile, String sql, Object... values) {
        String url = "jdbc:hsqldb:file:" + profile.databaseFolder().resolve("outpost")
                + ";crypt_key=" + StoreKey.loadOrCreate(profile.keyFile()).hex() + ";crypt_type=AES;crypt_lobs=true"
                + ";ifexists=true;hsqldb.lock_file=false";
        try (Connection connection = DriverManager.getConnection(url, "SA", "")) {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.executeUpdate();
            }
            try (Statement st = connection.createStatement()) {
                st.execute("SHUTDOWN");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Test set-up SQL failed: " + sql, e);
        }
    }

    /** Records that a sync pair has seen a record as it was at {@code syncedRev}, as the sync engine will. */
    static void link(ProfileFolder profile, String recordId, long syncedRev) {
        run(profile, "INSERT INTO link (pair, record_id, remote_id, remote_version, synced_rev) VALUES (?, ?, ?, ?, ?)",
                "exchange", recordId, "remote-" + recordId, "v1", syncedRev);
    }
}
