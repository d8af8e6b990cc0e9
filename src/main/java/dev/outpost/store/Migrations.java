package dev.outpost.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date from the versioned scripts {@code db/migration/V{n}__{name}.sql} on the
 * class path, each in its own transaction, recording what was applied. A dozen lines of code rather than
 * a migration library: see docs/decisions/0002-offline-store.md.
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final String FOLDER = "db/migration/";

    /** The scripts, in order; a new migration is added here and as a file. */
    static final List<String> SCRIPTS = List.of("V1__records.sql", "V2__sync.sql", "V3__lean_links.sql",
            "V4__pair_scope.sql", "V5__pair_scope_released.sql", "V6__issue_skip.sql");

    private Migrations() {
    }

    static void apply(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, "
                    + "name VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP)");
        }
        connection.commit();
        int current = currentVersion(connection);
        if (current > SCRIPTS.size()) {
            throw new StoreException("This profile was written by a newer Outpost (schema version " + current
                    + "). Install the newer version, or use another profile with --profile DIR.");
        }
        for (int version = current + 1; version <= SCRIPTS.size(); version++) {
            String name = SCRIPTS.get(version - 1);
            if (!name.startsWith("V" + version + "__")) {
                throw new IllegalStateException("Migration " + name + " is listed out of order");
            }
            LOG.info("Applying store migration {}", name);
            try (Statement st = connection.createStatement()) {
                for (String sql : statements(read(name))) {
                    st.execute(sql);
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO schema_version (version, name) VALUES (?, ?)")) {
                ps.setInt(1, version);
                ps.setString(2, name);
                ps.executeUpdate();
            }
            connection.commit();
        }
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String read(String name) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Migration " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read migration " + name, e);
        }
    }

    /** Splits a script at semicolons that end a line, dropping {@code --} comment lines. */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                result.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }
}
