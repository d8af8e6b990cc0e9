package dev.outpost.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.model.Validation.ValidationResult;

/**
 * Reads and writes records in the offline store. Every write validates first (nothing invalid is ever
 * stored), takes a new {@code rev} from the global sequence and commits before returning. Deleting leaves
 * a tombstone that can be restored until the deletion has been synced.
 *
 * <p>All calls are serialized on one connection: the store has a single writer by design, and callers
 * run it off the UI thread. Methods may block on disk I/O.
 */
public final class RecordRepository {

    private static final String COLUMNS = "id, type, rev, deleted, fields";

    private final Database db;
    private final Connection connection;
    private final SearchIndex index;
    private final Validation validation = Validation.inSystemZone();

    RecordRepository(Database db) {
        this.db = db;
        this.connection = db.connection();
        this.index = db.index();
    }

    /**
     * Creates a record.
     *
     * @param values field name to the text given; validated and normalized
     * @return the stored record with its new id
     * @throws InvalidRecordException naming every invalid field; nothing is written
     */
    public Record create(RecordType type, Map<String, String> values) {
        ValidationResult checked = check(type, values);
        return inTransaction(() -> {
            Record record = new Record(UUID.randomUUID().toString(), type, checked.values(), 0, false);
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO record (id, type, rev, deleted, title, search_text, fields, created_at, modified_at) "
                            + "VALUES (?, ?, NEXT VALUE FOR rev_seq, FALSE, ?, ?, ?, ?, ?)")) {
                bindNew(ps, record, OffsetDateTime.now());
                ps.executeUpdate();
            }
            return written(get(record.id()));
        });
    }

    /**
     * Creates many records in one transaction: either all are stored or none.
     *
     * @throws InvalidRecordException for the first invalid record; nothing is written
     */
    public List<String> createAll(RecordType type, List<Map<String, String>> valuesList) {
        List<Record> records = new ArrayList<>(valuesList.size());
        for (Map<String, String> values : valuesList) {
            records.add(new Record(UUID.randomUUID().toString(), type, check(type, values).values(), 0, false));
        }
        return inTransaction(() -> {
            if (records.isEmpty()) {
                return List.of(); // HSQLDB rejects an empty batch
            }
            OffsetDateTime now = OffsetDateTime.now();
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO record (id, type, rev, deleted, title, search_text, fields, created_at, modified_at) "
                            + "VALUES (?, ?, NEXT VALUE FOR rev_seq, FALSE, ?, ?, ?, ?, ?)")) {
                for (Record record : records) {
                    bindNew(ps, record, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            records.forEach(this::written);
            return records.stream().map(Record::id).toList();
        });
    }

    /**
     * Changes some fields of a record; a blank value empties the field, fields not named keep their value.
     *
     * @throws RecordNotFoundException when there is no live record with that id
     * @throws InvalidRecordException  naming every invalid field; nothing is written
     */
    public Record update(String id, Map<String, String> changes) {
        return inTransaction(() -> {
            Record current = live(id);
            Map<String, String> merged = new HashMap<>(current.values());
            merged.putAll(changes);
            ValidationResult checked = check(current.type(), merged);
            if (checked.values().equals(current.values())) {
                return current; // nothing changed: no new rev, so nothing to sync
            }
            Record updated = new Record(id, current.type(), checked.values(), 0, false);
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE record SET rev = NEXT VALUE FOR rev_seq, title = ?, search_text = ?, fields = ?, "
                            + "modified_at = ? WHERE id = ?")) {
                ps.setString(1, clip(updated.title(), 400));
                ps.setString(2, SearchText.of(updated));
                ps.setString(3, FieldsJson.write(updated.values()));
                ps.setObject(4, OffsetDateTime.now());
                ps.setString(5, id);
                ps.executeUpdate();
            }
            return written(get(id));
        });
    }

    /**
     * Deletes a record, leaving a tombstone so the deletion can be synced, and undone until then.
     *
     * @return the record as it was, for an undo
     * @throws RecordNotFoundException when there is no live record with that id
     */
    public Record delete(String id) {
        return inTransaction(() -> {
            Record current = live(id);
            setDeleted(id, true);
            written(get(id));
            return current;
        });
    }

    /**
     * Brings back a deleted record whose deletion has not been synced yet.
     *
     * @throws RecordNotFoundException when no such tombstone exists
     * @throws StoreException          when the deletion has already been synced
     */
    public Record restore(String id) {
        return inTransaction(() -> {
            Record tombstone = find(id).filter(Record::deleted)
                    .orElseThrow(() -> new RecordNotFoundException("There is no deleted record " + id + " to restore."));
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT COUNT(*) FROM link WHERE record_id = ? AND synced_rev >= ?")) {
                ps.setString(1, id);
                ps.setLong(2, tombstone.rev());
                if (count(ps) > 0) {
                    throw new StoreException("'" + tombstone.title() + "' cannot be restored: its deletion has already "
                            + "been synced. Create it again instead.");
                }
            }
            setDeleted(id, false);
            return written(get(id));
        });
    }

    /** The record with this id, live or deleted. */
    public Optional<Record> find(String id) {
        return locked(() -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM record WHERE id = ?")) {
                ps.setString(1, id);
                List<Record> found = read(ps);
                return found.stream().findFirst();
            }
        });
    }

    /**
     * Finds a live record by its id or by the first characters of its id (at least 8), as a person may
     * type them.
     *
     * @throws RecordNotFoundException when none or more than one record matches
     */
    public Record findLive(RecordType type, String idOrPrefix) {
        String wanted = idOrPrefix.trim().toLowerCase(Locale.ROOT);
        return locked(() -> {
            if (wanted.length() < 8) {
                throw new RecordNotFoundException("'" + idOrPrefix + "' is too short: give the id of the " + type.id()
                        + ", or at least its first 8 characters.");
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM record WHERE type = ? AND deleted = FALSE AND id LIKE ? ESCAPE '\\' LIMIT 2")) {
                ps.setString(1, type.id());
                ps.setString(2, escapeLike(wanted) + "%");
                List<Record> found = read(ps);
                if (found.isEmpty()) {
                    throw new RecordNotFoundException("There is no " + type.id() + " with id " + idOrPrefix
                            + ". List them with: outpost list " + type.plural());
                }
                if (found.size() > 1) {
                    throw new RecordNotFoundException("More than one " + type.id() + " has an id starting with "
                            + idOrPrefix + "; give more of the id.");
                }
                return found.getFirst();
            }
        });
    }

    /**
     * The live records of a type, in title order, whose values contain every word of the search text
     * (ignoring case). A blank search lists them all.
     */
    public List<Record> list(RecordType type, String search) {
        return search(Optional.of(type), search, Integer.MAX_VALUE);
    }

    /**
     * Live records of one type or of every type whose values contain every word of the search text.
     *
     * @param limit the most records to return
     */
    public List<Record> search(Optional<RecordType> type, String search, int limit) {
        return find(type, search, limit).firstRecords();
    }

    /**
     * What the window shows as the user types: the first records matching every word of the search text,
     * in title order, and how many match in all.
     *
     * @param limit the most records to return
     */
    public SearchResult find(Optional<RecordType> type, String search, int limit) {
        List<String> words = SearchText.words(search);
        return locked(() -> {
            SearchIndex.Hits hits = index.match(connection, type, words, limit);
            return new SearchResult(byIds(hits.firstIds()), hits.total());
        });
    }

    /** How many live records of one type or of every type contain every word of the search text. */
    public int count(Optional<RecordType> type, String search) {
        return find(type, search, 0).total();
    }

    /** How many live records each type has and how many local changes wait to be synced. */
    public StoreStatus status() {
        return locked(() -> {
            Map<RecordType, Integer> live = new EnumMap<>(RecordType.class);
            Map<RecordType, Integer> pending = new EnumMap<>(RecordType.class);
            for (RecordType type : RecordType.values()) {
                live.put(type, 0);
                pending.put(type, 0);
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT type, COUNT(*) FROM record WHERE deleted = FALSE GROUP BY type");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    live.put(RecordType.parse(rs.getString(1)), rs.getInt(2));
                }
            }
            // Waiting: a live record no pair has seen yet, or any record changed since a pair last synced it.
            // A record created and deleted before any sync is not waiting: there is nothing to send.
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT r.type, COUNT(*) FROM record r WHERE "
                            + "(r.deleted = FALSE AND NOT EXISTS (SELECT 1 FROM link l WHERE l.record_id = r.id)) "
                            + "OR EXISTS (SELECT 1 FROM link l WHERE l.record_id = r.id AND l.in_scope = TRUE AND l.synced_rev < r.rev) "
                            + "GROUP BY r.type");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pending.put(RecordType.parse(rs.getString(1)), rs.getInt(2));
                }
            }
            return new StoreStatus(live, pending);
        });
    }

    private Record live(String id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM record WHERE id = ? AND deleted = FALSE")) {
            ps.setString(1, id);
            return read(ps).stream().findFirst()
                    .orElseThrow(() -> new RecordNotFoundException("There is no record with id " + id + "."));
        }
    }

    private Record get(String id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM record WHERE id = ?")) {
            ps.setString(1, id);
            return read(ps).getFirst();
        }
    }

    /** The records with these ids, in the order given. */
    private List<Record> byIds(List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Record> found = new HashMap<>(ids.size() * 2);
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM record WHERE id IN (UNNEST(?))")) {
            ps.setArray(1, connection.createArrayOf("VARCHAR", ids.toArray()));
            read(ps).forEach(r -> found.put(r.id(), r));
        }
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Keeps the search index in step with a write. Called inside the transaction, so a rolled-back write
     * would leave a stale entry: {@link #inTransaction} rebuilds the index when a transaction fails.
     */
    private Record written(Record record) {
        db.written(record);
        return record;
    }

    private void setDeleted(String id, boolean deleted) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE record SET rev = NEXT VALUE FOR rev_seq, deleted = ?, modified_at = ? WHERE id = ?")) {
            ps.setBoolean(1, deleted);
            ps.setObject(2, OffsetDateTime.now());
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    private ValidationResult check(RecordType type, Map<String, String> values) {
        ValidationResult checked = validation.check(type, values);
        if (!checked.valid()) {
            throw new InvalidRecordException(type, checked.problems());
        }
        return checked;
    }

    private static void bindNew(PreparedStatement ps, Record record, OffsetDateTime now) throws SQLException {
        ps.setString(1, record.id());
        ps.setString(2, record.type().id());
        ps.setString(3, clip(record.title(), 400));
        ps.setString(4, SearchText.of(record));
        ps.setString(5, FieldsJson.write(record.values()));
        ps.setObject(6, now);
        ps.setObject(7, now);
    }

    private static List<Record> read(PreparedStatement ps) throws SQLException {
        List<Record> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new Record(rs.getString(1), RecordType.parse(rs.getString(2)),
                        FieldsJson.read(rs.getString(5)), rs.getLong(3), rs.getBoolean(4)));
            }
        }
        return result;
    }

    private static int count(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private <T> T locked(Database.SqlWork<T> work) {
        return db.read(work);
    }

    private <T> T inTransaction(Database.SqlWork<T> work) {
        return db.write(work);
    }
}
