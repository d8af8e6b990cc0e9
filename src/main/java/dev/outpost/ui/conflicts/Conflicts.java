package dev.outpost.ui.conflicts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.outpost.model.Field;
import dev.outpost.model.FieldKind;
import dev.outpost.model.Validation;
import dev.outpost.store.ConflictRow;
import dev.outpost.store.LocalRecord;
import dev.outpost.store.StoreException;
import dev.outpost.store.SyncStore;
import dev.outpost.sync.ConflictResolver;

/**
 * The open conflicts of one store as the conflict dialogs use them: reads one whole, and carries out a decision
 * through {@link ConflictResolver}. Every method blocks on the store: call it through the background tasks.
 *
 * <p>Keep mine and Keep server's settle only the fields changed on both sides; a field changed on one side only
 * keeps that change (it merged without asking), so no edit is lost unless the user chooses so field by field.
 */
public final class Conflicts {

    private final SyncStore store;
    private final ConflictResolver resolver;

    public Conflicts(SyncStore store, Validation validation) {
        this.store = store;
        this.resolver = new ConflictResolver(store, validation);
    }

    /** Reads an open conflict with the record as it is now on this computer, and what its dialog shows. */
    public ConflictSnapshot read(long conflictId) {
        ConflictSnapshot now = current(conflictId);
        return new ConflictSnapshot(now.row(), now.mine(), now.mineChangedAt(), now.server(), referenceTitles(now),
                now.deletedOnOneSide() ? List.of() : othersOfKind(now.row()));
    }

    /**
     * The conflict and the record as they are now, without the dialog's extras: what a decision checks itself
     * against. Settling many at once reads each this way, not the other open conflicts again for every one.
     */
    private ConflictSnapshot current(long conflictId) {
        ConflictRow row = store.openConflicts(Optional.empty()).stream().filter(c -> c.id() == conflictId).findFirst()
                .orElseThrow(() -> new StoreException("This conflict is not open any more; it may have been resolved already."));
        Optional<LocalRecord> local = store.record(row.recordId());
        Optional<Map<String, String>> mine = local.filter(l -> !l.record().deleted()).map(l -> l.record().values());
        return new ConflictSnapshot(row, mine, local.map(LocalRecord::modifiedAt).orElse(row.localChangedAt()),
                row.remoteValues(), Map.of(), List.of());
    }

    /**
     * The other open conflicts that "do the same" may settle with one click: same pair, same record type, same
     * kind, and the record still on both sides, so keeping one side's values of the fields changed on both sides
     * means the same thing there as here. Update/delete conflicts are never settled in bulk.
     */
    private List<Long> othersOfKind(ConflictRow row) {
        List<ConflictRow> candidates = store.openConflicts(Optional.of(row.pair())).stream()
                .filter(other -> other.id() != row.id() && other.type() == row.type() && other.kind().equals(row.kind())
                        && other.remoteValues().isPresent())
                .toList();
        Map<String, LocalRecord> records = store.records(candidates.stream().map(ConflictRow::recordId).toList());
        return candidates.stream()
                .filter(other -> Optional.ofNullable(records.get(other.recordId())).filter(l -> !l.record().deleted()).isPresent())
                .map(ConflictRow::id)
                .toList();
    }

    private Map<String, String> referenceTitles(ConflictSnapshot snapshot) {
        List<Map<String, String>> versions = new ArrayList<>();
        versions.add(snapshot.row().baseValues());
        snapshot.mine().ifPresent(versions::add);
        snapshot.server().ifPresent(versions::add);
        Set<String> ids = new HashSet<>();
        for (Field field : snapshot.row().type().fields()) {
            if (field.kind() == FieldKind.REFERENCE) {
                versions.forEach(values -> ids.add(values.getOrDefault(field.name(), "")));
            }
        }
        ids.remove("");
        Map<String, String> titles = new HashMap<>();
        store.records(ids).forEach((id, r) -> titles.put(id, r.record().title()));
        return titles;
    }

    /**
     * Settles a conflict field by field, for the values the user saw. A field changed on both sides takes
     * {@code choices}' side for it, else {@code collisions}; a field changed on one side only takes {@code choices}'
     * side, else the side that changed it. When the record changed since (a sync brought a newer server version, or
     * it was edited here), nothing is written and the user is asked to look again.
     *
     * @throws IllegalArgumentException when a field changed on both sides has no side
     * @throws dev.outpost.store.InvalidRecordException when the merged record breaks the model's rules
     */
    public void settle(ConflictSnapshot shown, Map<String, Side> choices, Optional<Side> collisions) {
        ConflictSnapshot snapshot = current(shown.row().id());
        if (!snapshot.differences().equals(shown.differences()) || snapshot.deletedOnOneSide() != shown.deletedOnOneSide()) {
            throw changedSinceShown();
        }
        settleAsRead(snapshot, choices, collisions);
    }

    private void settleAsRead(ConflictSnapshot snapshot, Map<String, Side> choices, Optional<Side> collisions) {
        long conflictId = snapshot.row().id();
        if (snapshot.deletedOnOneSide()) {
            throw new StoreException("The record was deleted on one side: restore it or delete it.");
        }
        Map<String, String> mine = snapshot.mine().orElseThrow();
        Map<String, String> server = snapshot.server().orElseThrow();
        Map<String, String> merged = new HashMap<>(mine);
        for (FieldDifference d : snapshot.differences()) {
            Side side = Optional.ofNullable(choices.get(d.field().name()))
                    .or(() -> d.collision() ? collisions : Optional.of(d.mineChanged() ? Side.MINE : Side.SERVER))
                    .orElseThrow(() -> new IllegalArgumentException("Choose mine or the server's for " + d.field().label()));
            merged.put(d.field().name(), side == Side.MINE ? d.mine() : d.server());
        }
        // The resolver's own decisions where the result is one side whole: the server's is then taken as it is
        // (nothing sent), and mine is sent as the record is now.
        if (withoutEmpty(merged).equals(withoutEmpty(server))) {
            resolver.keepServer(conflictId);
        } else if (withoutEmpty(merged).equals(withoutEmpty(mine))) {
            resolver.keepMine(conflictId);
        } else {
            resolver.merge(conflictId, withoutEmpty(merged));
        }
    }

    /**
     * Settles other conflicts of the same kind the same way: the fields changed on both sides take {@code side}.
     * One that cannot be settled (resolved meanwhile, or the result is not a valid record) stays open.
     *
     * @return why each that stays open could not be settled; empty when all were
     */
    public List<String> settleOthers(List<Long> conflictIds, Side side) {
        List<String> left = new ArrayList<>();
        for (long id : conflictIds) {
            try {
                settleAsRead(current(id), Map.of(), Optional.of(side));
            } catch (RuntimeException e) {
                left.add(e.getMessage());
            }
        }
        return left;
    }

    /**
     * Keeps both: this computer's version becomes a second record and the original takes the server's.
     *
     * @return the new record's id
     */
    public Optional<String> keepBoth(long conflictId) {
        return resolver.keepBoth(conflictId);
    }

    /**
     * Brings the deleted record back with the changed side's values, as the user saw them; the next sync sends it
     * where it was deleted.
     */
    public void restore(ConflictSnapshot shown) {
        if (unchanged(shown).mine().isEmpty()) {
            resolver.keepServer(shown.row().id()); // deleted here: take the server's changed version
        } else {
            resolver.keepMine(shown.row().id()); // deleted there: created there again from mine
        }
    }

    /** Accepts the deletion; the changes made on the other side, as the user saw them, are dropped. */
    public void delete(ConflictSnapshot shown) {
        if (unchanged(shown).mine().isEmpty()) {
            resolver.keepMine(shown.row().id()); // deleted here: deleted on the server at the next sync
        } else {
            resolver.keepServer(shown.row().id()); // deleted there: deleted here too
        }
    }

    private ConflictSnapshot unchanged(ConflictSnapshot shown) {
        ConflictSnapshot now = current(shown.row().id());
        if (!now.mine().equals(shown.mine()) || !now.server().equals(shown.server())) {
            throw changedSinceShown();
        }
        return now;
    }

    private static StoreException changedSinceShown() {
        return new StoreException("The record changed since this dialog opened. Close it and open the conflict again "
                + "to see the newest values.");
    }

    private static Map<String, String> withoutEmpty(Map<String, String> values) {
        Map<String, String> result = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                result.put(k, v);
            }
        });
        return result;
    }
}
