package dev.outpost.store;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encrypted offline copy of one profile's CRM records: an HSQLDB file database with CACHED tables,
 * AES-encrypted with the profile's key. Opening it takes the profile lock, so only one process at a time
 * has a store open; closing it shuts the database down cleanly and releases the lock.
 *
 * <p>Every commit is written to the encrypted log before it returns ({@code hsqldb.write_delay=false}),
 * so a killed process loses no committed write, and HSQLDB's recovery drops any half-written one.
 */
public final class OfflineStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineStore.class);

    private final ProfileFolder profile;
    private final ProfileLock lock;
    private final Connection connection;
    private final Database db;
    private final RecordRepository records;
    private final SyncStore sync;
    private final SecretVault vault;

    private OfflineStore(ProfileFolder profile, ProfileLock lock, Connection connection, SecretVault vault) {
        this.profile = profile;
        this.lock = lock;
        this.vault = vault;
        this.connection = connection;
        this.db = new Database(connection);
        this.records = new RecordRepository(db);
        this.sync = new SyncStore(db);
    }

    /**
     * Opens (creating if needed) the store of a profile.
     *
     * @throws ProfileInUseException when another process has the profile open
     * @throws StoreException        when the store cannot be opened, with a message that says what to do
     */
    public static OfflineStore open(ProfileFolder profile) {
        return open(profile, SecretVault.forProfile(profile));
    }

    /**
     * Opens (creating if needed) the store of a profile whose key is kept in the given vault. A reset that a
     * crash interrupted is finished first, so the store opens empty rather than half removed.
     *
     * @throws ProfileInUseException when another process has the profile open
     * @throws StoreException        when the store cannot be opened, with a message that says what to do
     */
    public static OfflineStore open(ProfileFolder profile, SecretVault vault) {
        ProfileLock lock = ProfileLock.take(profile);
        Connection connection = null;
        try {
            ProfileReset.finishInterrupted(profile, vault);
            boolean existed = Files.exists(profile.databaseFolder().resolve("outpost.properties"));
            StoreKey key = StoreKey.loadOrCreate(vault, profile, existed);
            Files.createDirectories(profile.databaseFolder());
            connection = connect(profile, key, existed, vault);
            Migrations.apply(connection);
            LOG.info("Opened the offline store in {}; its key is kept in {}", profile.path(), vault.description());
            return new OfflineStore(profile, lock, connection, vault);
        } catch (RuntimeException | SQLException | IOException e) {
            if (connection != null) {
                shutDown(connection); // an open database must not outlive the profile lock that guards it
            }
            lock.close();
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("Cannot open the offline store in " + profile.path() + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(ProfileFolder profile, StoreKey key, boolean existed, SecretVault vault)
            throws SQLException {
        String url = "jdbc:hsqldb:file:" + profile.databaseFolder().resolve("outpost")
                + ";crypt_key=" + key.hex() + ";crypt_type=AES;crypt_lobs=true"
                + ";hsqldb.default_table_type=cached;hsqldb.write_delay=false;hsqldb.log_size=200"
                + ";hsqldb.cache_size=131072;hsqldb.cache_rows=200000"
                + ";hsqldb.applog=0;hsqldb.sqllog=0"
                // The profile lock already keeps other processes out. HSQLDB's own lock file would make the
                // first open after a crash wait about 10 s for its stale heartbeat to expire.
                + ";hsqldb.lock_file=false";
        try {
            Connection connection = DriverManager.getConnection(url, "SA", "");
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            // The URL holds the key: never let it reach a message or a log.
            if (existed) {
                throw new StoreException("The offline store in " + profile.path() + " cannot be read with its key in "
                        + vault.placeOf(SecretVault.STORE_KEY) + " (the key is wrong or the files are damaged). Restore the key "
                        + (vault.osKeyStore() ? "" : "file ") + "from a backup, or remove the profile folder to start again "
                        + "(unsynced changes would be lost).");
            }
            throw new StoreException("Cannot create the offline store in " + profile.path() + " (HSQLDB error "
                    + e.getErrorCode() + "). Check that the folder is writable and the disk is not full.");
        }
    }

    public ProfileFolder profile() {
        return profile;
    }

    /** Where the store's key is kept, in the user's words, e.g. "the macOS Keychain". */
    public String secretsDescription() {
        return vault.description();
    }

    /** False when the key is in a file because no OS key store could be used: the app shows a warning then. */
    public boolean keyInOsKeyStore() {
        return vault.osKeyStore();
    }

    /** Where this profile's secrets live: the store key and the sign-in's token cache. */
    public SecretVault secrets() {
        return vault;
    }

    /** What a reset would lose: local changes not yet sent, open conflicts and sync issues. */
    public UnsyncedWork unsyncedWork() {
        return UnsyncedWork.of(this);
    }

    /** What the sync engine keeps: links, anchors, journal, conflicts, issues, run history. */
    public SyncStore sync() {
        return sync;
    }

    Database database() {
        return db;
    }

    /** The records kept offline. */
    public RecordRepository records() {
        return records;
    }

    /** Shuts the database down cleanly (so the next open is fast) and releases the profile lock. */
    @Override
    public void close() {
        db.runExclusively(() -> {
            try {
                if (!connection.isClosed()) {
                    shutDown(connection);
                }
            } catch (SQLException e) {
                LOG.warn("Cannot tell whether the offline store is still open: {}", e.getMessage());
            } finally {
                lock.close();
            }
        });
    }

    private static void shutDown(Connection connection) {
        try (Statement st = connection.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.warn("The offline store did not shut down cleanly; it recovers on the next open: {}", e.getMessage());
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already shut down
            }
        }
    }
}
