package dev.outpost.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one connection to the offline store and the lock that serializes every call on it: the store has a
 * single writer by design. Writes nest: only the outermost commits, and a failure anywhere rolls the whole
 * outermost transaction back — so the sync engine can apply a page of changes, its links and its anchor
 * as one unit through the same repositories the window uses.
 */
final class Database {

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final SearchIndex index = new SearchIndex();
    private final ReferenceIndex references = new ReferenceIndex();

    Database(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    SearchIndex index() {
        return index;
    }

    ReferenceIndex references() {
        return references;
    }

    /** Keeps the in-memory indexes current after a record write (made in the transaction under way). */
    void written(dev.outpost.model.Record record) {
        index.update(record);
        references.update(record);
    }

    /** Runs reads under the lock. */
    <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException("The offline store failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs writes as one transaction, or as part of the enclosing one. */
    <T> T write(SqlWork<T> work) {
        lock.lock();
        boolean outermost = lock.getHoldCount() == 1;
        try {
            T result = work.run();
            if (outermost) {
                connection.commit();
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            if (outermost) {
                index.forget(); // they may hold a write that was just rolled back
                references.forget();
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new StoreException("The offline store failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs work while holding the lock, e.g. to shut the database down between two calls. */
    void runExclusively(Runnable work) {
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }
}
