package dev.outpost.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/**
 * The record writes and reads the sync engine makes. Values come validated by the engine; each write
 * takes a new rev, like every local write, and keeps the search index current.
 */
final class SyncRecordRows {

    private static final String COLUMNS = "id, type, rev, deleted, fields, modified_at";

    private final Database db;

    SyncRecordRows(Database db) {
        this.db = db;
    }

    /** The records with these ids, live or deleted. */
    Map<String, LocalRecord> byIds(Collection<String> ids) throws SQLException {
        Map<String, LocalRecord> found = new HashMap<>(ids.size() * 2);
        if (ids.isEmpty()) {
            return found;
        }
        Connection c = db.connection();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS.replace("id,", "r.id,")
                .replace(", type", ", r.type") + " FROM UNNEST(CAST(? AS VARCHAR(200) ARRAY)) AS u(k) JOIN record r ON r.id = u.k")) {
            ps.setArray(1, c.createArrayOf("VARCHAR", ids.toArray()));
            for (LocalRecord r : read(ps)) {
                found.put(r.record().id(), r);
            }
        }
        return found;
    }

    /** Records to create or overwrite, live; returns them with their new revs, in the same order. */
    List<Record> put(List<Record> records, java.util.Set<String> newIds) throws SQLException {
        if (records.isEmpty()) {
            return List.of();
        }
        Connection c = db.connection();
        long[] revs = nextRevs(records.size());
        Map<String, LocalRecord> existing = byIds(records.stream().map(Record::id).filter(id -> !newIds.contains(id)).toList());
        OffsetDateTime now = OffsetDateTime.now();
        List<Record> written = new ArrayList<>(records.size());
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO record (id, type, rev, deleted, title, search_text, fields, created_at, modified_at) "
                        + "VALUES (?, ?, ?, FALSE, ?, ?, ?, ?, ?)");
             PreparedStatement update = c.prepareStatement(
                     "UPDATE record SET rev = ?, deleted = FALSE, title = ?, search_text = ?, fields = ?, modified_at = ? "
                             + "WHERE id = ?")) {
            int inserts = 0;
            int updates = 0;
            for (int i = 0; i < records.size(); i++) {
                Record r = new Record(records.get(i).id(), records.get(i).type(), records.get(i).values(), revs[i], false);
                String title = r.title().length() <= 400 ? r.title() : r.title().substring(0, 400);
                if (existing.containsKey(r.id())) {
                    update.setLong(1, r.rev());
                    update.setString(2, title);
                    update.setString(3, SearchText.of(r));
                    update.setString(4, FieldsJson.write(r.values()));
                    update.setObject(5, now);
                    update.setString(6, r.id());
                    update.addBatch();
                    updates++;
                } else {
                    insert.setString(1, r.id());
                    insert.setString(2, r.type().id());
                    insert.setLong(3, r.rev());
                    insert.setString(4, title);
                    insert.setString(5, SearchText.of(r));
                    insert.setString(6, FieldsJson.write(r.values()));
                    insert.setObject(7, now);
                    insert.setObject(8, now);
                    insert.addBatch();
                    inserts++;
                }
                written.add(r);
            }
            if (inserts > 0) {
                insert.executeBatch(); // HSQLDB rejects an empty batch
            }
            if (updates > 0) {
                update.executeBatch();
            }
        }
        written.forEach(db::written);
        return written;
    }

    /** Marks a record deleted (a tombstone other pairs will still sync); returns it with its new rev. */
    Record markDeleted(String id) throws SQLException {
        long rev = nextRevs(1)[0];
        try (PreparedStatement ps = db.connection().prepareStatement(
                "UPDATE record SET rev = ?, deleted = TRUE, modified_at = ? WHERE id = ?")) {
            ps.setLong(1, rev);
            ps.setObject(2, OffsetDateTime.now());
            ps.setString(3, id);
            ps.executeUpdate();
        }
        LocalRecord now = byIds(List.of(id)).get(id);
        db.written(now.record());
        return now.record();
    }

    /** Removes a tombstone no pair links any more (nothing is left to sync about it); true when it was removed. */
    boolean purgeIfUnlinked(String id) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "DELETE FROM record WHERE id = ? AND deleted = TRUE AND NOT EXISTS (SELECT 1 FROM link WHERE record_id = ?)")) {
            ps.setString(1, id);
            ps.setString(2, id);
            return ps.executeUpdate() > 0;
        }
    }

    /** Live records of a type that the pair has no link for. */
    List<LocalRecord> unlinked(String pair, RecordType type, long upToRev) throws SQLException {
        // The rev bound goes first so the rev index limits the scan (empty on a first sync of a new profile).
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT " + COLUMNS + " FROM record r "
                + "WHERE r.rev <= ? AND r.type = ? AND r.deleted = FALSE AND NOT EXISTS "
                + "(SELECT 1 FROM link l WHERE l.pair = ? AND l.record_id = r.id)")) {
            ps.setLong(1, upToRev);
            ps.setString(2, type.id());
            ps.setString(3, pair);
            return read(ps);
        }
    }

    boolean referenced(String recordId) throws SQLException {
        return db.references().referenced(db.connection(), recordId);
    }

    long lastRev() throws SQLException {
        // ORDER BY … LIMIT 1 walks the rev index from its end; MAX(rev) would scan the table.
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT rev FROM record ORDER BY rev DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** How many live records of a type there are. */
    int liveCount(RecordType type) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT COUNT(*) FROM record WHERE type = ? AND deleted = FALSE")) {
            ps.setString(1, type.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** New revs from the global sequence, in one round trip. */
    long[] nextRevs(int count) throws SQLException {
        long[] revs = new long[count];
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT NEXT VALUE FOR rev_seq FROM UNNEST(SEQUENCE_ARRAY(1, ?, 1))")) {
            ps.setInt(1, count);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < count && rs.next(); i++) {
                    revs[i] = rs.getLong(1);
                }
            }
        }
        return revs;
    }

    static List<LocalRecord> read(PreparedStatement ps) throws SQLException {
        List<LocalRecord> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Record record = new Record(rs.getString(1), RecordType.parse(rs.getString(2)),
                        FieldsJson.read(rs.getString(5)), rs.getLong(3), rs.getBoolean(4));
                Timestamp modified = rs.getTimestamp(6);
                result.add(new LocalRecord(record, modified.toInstant()));
            }
        }
        return result;
    }
}
