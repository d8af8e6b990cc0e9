package dev.outpost.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/**
 * What removing a profile's data would lose: the local changes not yet sent (the same ones {@code outpost status}
 * counts as pending), the open conflicts and the open sync issues.
 *
 * @param changes    the local changes not yet sent, oldest first
 * @param conflicts  the open conflicts (their records are among the changes when they hold a local edit)
 * @param syncIssues the open sync issues
 */
public record UnsyncedWork(List<UnsyncedChange> changes, List<ConflictRow> conflicts, List<SyncIssue> syncIssues) {

    public UnsyncedWork {
        changes = List.copyOf(changes);
        conflicts = List.copyOf(conflicts);
        syncIssues = List.copyOf(syncIssues);
    }

    /** True when a reset would lose nothing. */
    public boolean isEmpty() {
        return changes.isEmpty() && conflicts.isEmpty() && syncIssues.isEmpty();
    }

    public int localChanges() {
        return changes.size();
    }

    public int openConflicts() {
        return conflicts.size();
    }

    public int openSyncIssues() {
        return syncIssues.size();
    }

    /** How many changes are of this kind, e.g. how many records were created here. */
    public long count(UnsyncedChange.What what) {
        return changes.stream().filter(c -> c.what() == what).count();
    }

    /** A line for a warning, e.g. "3 local changes not yet sent, 1 open conflict, 0 sync issues". */
    public String summary() {
        return plural(localChanges(), "local change") + " not yet sent, " + plural(openConflicts(), "open conflict")
                + ", " + plural(openSyncIssues(), "sync issue");
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static UnsyncedWork of(OfflineStore store) {
        List<ConflictRow> conflicts = store.sync().openConflicts(Optional.empty());
        List<SyncIssue> issues = store.sync().openIssues(Optional.empty());
        Map<String, ConflictRow> conflictByRecord = new LinkedHashMap<>();
        conflicts.forEach(c -> conflictByRecord.putIfAbsent(c.recordId(), c));
        List<UnsyncedChange> changes = store.database().read(() -> pending(store.database(), conflictByRecord));
        return new UnsyncedWork(changes, conflicts, issues);
    }

    /**
     * The condition is the one {@link RecordRepository#status()} counts: a live record no pair has seen, or a
     * record changed since an in-scope pair last synced it. The base comes from that pair's link, the CRM's first.
     */
    private static List<UnsyncedChange> pending(Database db, Map<String, ConflictRow> conflicts) throws java.sql.SQLException {
        Map<String, UnsyncedChange> found = new LinkedHashMap<>();
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT r.id, r.type, r.rev, r.deleted, r.fields, l.pair, l.base FROM record r "
                        + "LEFT JOIN link l ON l.record_id = r.id AND l.in_scope = TRUE AND l.synced_rev < r.rev "
                        + "WHERE (r.deleted = FALSE AND NOT EXISTS (SELECT 1 FROM link k WHERE k.record_id = r.id)) "
                        + "OR l.record_id IS NOT NULL ORDER BY r.rev, r.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                String pair = rs.getString(6);
                if (found.containsKey(id) && !"crm".equals(pair)) {
                    continue;
                }
                Record record = new Record(id, RecordType.parse(rs.getString(2)), FieldsJson.read(rs.getString(5)),
                        rs.getLong(3), rs.getBoolean(4));
                String base = rs.getString(7);
                UnsyncedChange.What what = pair == null ? UnsyncedChange.What.CREATED
                        : record.deleted() ? UnsyncedChange.What.DELETED : UnsyncedChange.What.CHANGED;
                found.put(id, new UnsyncedChange(record, what, base == null ? Map.of() : FieldsJson.read(base),
                        Optional.ofNullable(conflicts.get(id))));
            }
        }
        return new ArrayList<>(found.values());
    }
}
