package dev.outpost.demo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo server's rows in its own HSQLDB, in memory or in a folder.
 *
 * <p>One generic table holds every entity set: each row is its set, GUID, version, tombstone flag and its column
 * values as JSON. The server checks columns against {@link EntitySet} before writing, so typed SQL columns would
 * add six schemas to keep in step with the mapping and buy nothing: nothing queries inside a row. Change tracking
 * only needs {@code (set, deleted, version)}, which is indexed. One global version counter numbers every write;
 * writes run one at a time under a lock, so every version up to {@link #committedVersion()} is committed.
 */
final class RowStore implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int READERS = 8;

    private final Connection writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> all = new ArrayList<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private long lastVersion;
    private volatile long committedVersion;

    private RowStore(String url) {
        try {
            writer = DriverManager.getConnection(url, "SA", "");
            all.add(writer);
            try (Statement s = writer.createStatement()) {
                s.execute("SET DATABASE TRANSACTION CONTROL MVCC");
                if (!tableExists()) {
                    s.execute("CREATE CACHED TABLE dv_row(set_name VARCHAR(32) NOT NULL, id CHAR(36) NOT NULL,"
                            + " version BIGINT NOT NULL, deleted BOOLEAN NOT NULL, data VARCHAR(2000000) NOT NULL,"
                            + " PRIMARY KEY (set_name, id))");
                    s.execute("CREATE INDEX dv_row_changes ON dv_row(set_name, deleted, version)");
                    s.execute("CREATE CACHED TABLE dv_meta(name VARCHAR(64) PRIMARY KEY, val VARCHAR(1000) NOT NULL)");
                }
                try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM dv_row")) {
                    rs.next();
                    lastVersion = rs.getLong(1);
                    committedVersion = lastVersion;
                }
            }
            writer.setAutoCommit(false);
            for (int i = 0; i < READERS; i++) {
                Connection c = DriverManager.getConnection(url, "SA", "");
                all.add(c);
                readers.add(c);
            }
        } catch (SQLException e) {
            throw new DemoStoreException("Cannot open the demo database", e);
        }
    }

    /** A store that lives as long as the process, under a name no other store uses. */
    static RowStore inMemory() {
        return new RowStore("jdbc:hsqldb:mem:outpost-demo-" + UUID.randomUUID());
    }

    /**
     * A store in {@code folder} that survives a restart, AES-encrypted like the offline store: in the
     * window's demo mode it lives in the profile folder, where no record value may be readable.
     */
    static RowStore inFolder(Path folder) {
        return new RowStore("jdbc:hsqldb:file:" + folder.resolve("demo").toAbsolutePath()
                + ";crypt_key=" + DemoKey.loadOrCreate(folder.resolve("demo.key")) + ";crypt_type=AES;crypt_lobs=true"
                + ";hsqldb.default_table_type=cached;hsqldb.lock_file=true");
    }

    /** The highest version whose write is committed: a consistent upper bound for a listing. */
    long committedVersion() {
        return committedVersion;
    }

    /** The row with this GUID in this set, tombstones included. */
    Optional<StoredRow> find(String set, String id) {
        return read(c -> find(c, set, id));
    }

    /** Live rows (or tombstones) of a set with {@code after < version <= upTo}, oldest first, at most {@code limit}. */
    List<StoredRow> changes(String set, boolean deleted, long after, long upTo, int limit) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, version, data FROM dv_row WHERE set_name = ?"
                    + " AND deleted = ? AND version > ? AND version <= ? ORDER BY version LIMIT ?")) {
                ps.setString(1, set);
                ps.setBoolean(2, deleted);
                ps.setLong(3, after);
                ps.setLong(4, upTo);
                ps.setInt(5, limit);
                List<StoredRow> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new StoredRow(set, rs.getString(1), rs.getLong(2), deleted, parse(rs.getString(3))));
                    }
                }
                return rows;
            }
        });
    }

    /**
     * The live rows of a set with these GUIDs (lower case), in no particular order; missing ones are left out. One
     * primary-key lookup per id: an {@code IN} list would scan the set by its change index.
     */
    List<StoredRow> live(String set, java.util.Collection<String> ids) {
        return read(c -> {
            List<StoredRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT version, data FROM dv_row WHERE set_name = ? AND id = ? AND deleted = FALSE")) {
                ps.setString(1, set);
                for (String id : ids) {
                    ps.setString(2, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            rows.add(new StoredRow(set, id, rs.getLong(1), false, parse(rs.getString(2))));
                        }
                    }
                }
            }
            return rows;
        });
    }

    /** How many live rows a set holds. */
    int count(String set) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM dv_row WHERE set_name = ? AND deleted = FALSE")) {
                ps.setString(1, set);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    Optional<String> meta(String name) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT val FROM dv_meta WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Runs writes as one transaction under the write lock: committed when {@code work} returns, rolled back
     * (versions included) when it throws or calls {@link Tx#rollbackOnly()}.
     */
    <T> T write(Work<T> work) {
        writeLock.lock();
        long before = lastVersion;
        Tx tx = new Tx();
        try {
            T result = work.run(tx);
            if (tx.rollback) {
                writer.rollback();
                lastVersion = before;
            } else {
                writer.commit();
                committedVersion = lastVersion;
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                writer.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            lastVersion = before;
            throw e instanceof RuntimeException r ? r : new DemoStoreException("A demo write failed", e);
        } finally {
            writeLock.unlock();
        }
    }

    /** The work of one transaction. */
    interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    /** Reads and writes inside one transaction. */
    final class Tx {
        private boolean rollback;

        Optional<StoredRow> find(String set, String id) throws SQLException {
            return RowStore.this.find(writer, set, id);
        }

        /** Writes a live row (new, changed or brought back from a tombstone) and returns its new version. */
        long put(String set, String id, ObjectNode data) throws SQLException {
            return upsert(set, id, false, data);
        }

        /** Turns a row into a tombstone and returns the version of the deletion. */
        long delete(String set, String id, ObjectNode lastData) throws SQLException {
            return upsert(set, id, true, lastData);
        }

        /** Inserts many new rows with one statement batch; each gets the next version. */
        void insertAll(List<StoredRow> rows) throws SQLException {
            try (PreparedStatement ps = writer.prepareStatement(
                    "INSERT INTO dv_row(set_name, id, version, deleted, data) VALUES (?, ?, ?, FALSE, ?)")) {
                int pending = 0;
                for (StoredRow row : rows) {
                    ps.setString(1, row.set());
                    ps.setString(2, row.id());
                    ps.setLong(3, ++lastVersion);
                    ps.setString(4, row.data().toString());
                    ps.addBatch();
                    if (++pending == 1000) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
        }

        void putMeta(String name, String value) throws SQLException {
            try (PreparedStatement ps = writer.prepareStatement("MERGE INTO dv_meta USING (VALUES(?, ?)) AS v(n, x)"
                    + " ON dv_meta.name = v.n WHEN MATCHED THEN UPDATE SET val = v.x"
                    + " WHEN NOT MATCHED THEN INSERT VALUES (v.n, v.x)")) {
                ps.setString(1, name);
                ps.setString(2, value);
                ps.executeUpdate();
            }
        }

        /** Discards every write of this transaction when it ends. */
        void rollbackOnly() {
            rollback = true;
        }

        private long upsert(String set, String id, boolean deleted, ObjectNode data) throws SQLException {
            long version = ++lastVersion;
            try (PreparedStatement ps = writer.prepareStatement("MERGE INTO dv_row USING (VALUES(?, ?, ?, ?, ?))"
                    + " AS v(s, i, ver, del, d) ON dv_row.set_name = v.s AND dv_row.id = v.i"
                    + " WHEN MATCHED THEN UPDATE SET version = v.ver, deleted = v.del, data = v.d"
                    + " WHEN NOT MATCHED THEN INSERT VALUES (v.s, v.i, v.ver, v.del, v.d)")) {
                ps.setString(1, set);
                ps.setString(2, id);
                ps.setLong(3, version);
                ps.setBoolean(4, deleted);
                ps.setString(5, data.toString());
                ps.executeUpdate();
            }
            return version;
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try (Statement s = writer.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new DemoStoreException("Cannot close the demo database", e);
        } finally {
            for (Connection c : all) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the database is shut down already
                }
            }
            writeLock.unlock();
        }
    }

    private Optional<StoredRow> find(Connection c, String set, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version, deleted, data FROM dv_row WHERE set_name = ? AND id = ?")) {
            ps.setString(1, set);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new StoredRow(set, id, rs.getLong(1), rs.getBoolean(2), parse(rs.getString(3))))
                        : Optional.empty();
            }
        }
    }

    private boolean tableExists() throws SQLException {
        try (ResultSet rs = writer.getMetaData().getTables(null, null, "DV_ROW", null)) {
            return rs.next();
        }
    }

    private interface Reading<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Reading<T> reading) {
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoStoreException("Interrupted while waiting for the demo database", e);
        }
        try {
            return reading.run(c);
        } catch (SQLException e) {
            throw new DemoStoreException("A demo read failed", e);
        } finally {
            readers.add(c);
        }
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new DemoStoreException("A demo row is not JSON", e);
        }
    }
}
