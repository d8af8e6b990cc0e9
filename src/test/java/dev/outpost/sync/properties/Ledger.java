package dev.outpost.sync.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import dev.outpost.model.RecordType;

/**
 * The test's memory of what each side changed since both last agreed: per record and field the last value
 * each side wrote, and each side's deletions. Every value a try writes is unique, so a value found on a
 * side can only have come from the edit that wrote it; that is what lets a check say where an edit went.
 *
 * <p>An entry is <em>settled</em> once it was seen on both sides (a sync that failed part-way may get that
 * far): it is no longer checked, but it still tells whether an edit on the other side was concurrent with
 * it — only a concurrent edit may be overruled by a conflict policy. A complete sync ends the period: what
 * is not held by an open conflict is forgotten.
 */
final class Ledger {

    enum Side {
        LOCAL, REMOTE;

        Side other() {
            return this == LOCAL ? REMOTE : LOCAL;
        }

        String where() {
            return this == LOCAL ? "here" : "on the endpoint";
        }
    }

    private static final long OPEN = Long.MAX_VALUE;

    /** Something one side did: an edit of a field, or a deletion ({@code field} null). */
    static final class Entry {
        final Side side;
        final RecordType type;
        final String handle;
        final String field;
        final String value;
        final long seq;
        /** For a deletion: the other side's handle of the record when it was deleted, or null if not linked. */
        final String counterpart;
        private long settledAt = OPEN;
        private boolean inDoubt;

        private Entry(Side side, RecordType type, String handle, String field, String value, long seq, String counterpart) {
            this.side = side;
            this.type = type;
            this.handle = handle;
            this.field = field;
            this.value = value;
            this.seq = seq;
            this.counterpart = counterpart;
        }

        boolean isDeletion() {
            return field == null;
        }

        boolean settled() {
            return settledAt != OPEN;
        }

        /**
         * Whether the app died while sending this edit, and it arrived: the engine cannot tell that it did once
         * the other side changed the record again, so a race with that change may go either way. For a
         * deletion on the endpoint: it deleted a record whose create the app died sending, and the engine,
         * not told that create arrived, sends it again.
         */
        boolean inDoubt() {
            return inDoubt;
        }

        /** Whether this entry had not reached both sides yet when {@code other} was made: the two raced. */
        boolean racedWith(Entry other) {
            return settledAt > other.seq;
        }

        Entry movedTo(String newHandle) {
            Entry moved = new Entry(side, type, newHandle, field, value, seq, counterpart);
            moved.settledAt = settledAt;
            moved.inDoubt = inDoubt;
            return moved;
        }

        @Override
        public String toString() {
            String what = isDeletion() ? "deleted " + type.id() + " " + handle
                    : "set " + type.id() + " " + handle + " " + field + "='" + value + "'";
            return what + " " + side.where() + " (#" + seq + (settled() ? ", seen on both sides" : "")
                    + (inDoubt ? ", in doubt after a crash" : "") + ")";
        }
    }

    private record Key(Side side, String handle, String field) {
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();
    private long clock;

    /** Records that a side wrote {@code value} ("" clears) to a field; it replaces that side's earlier write. */
    void edited(Side side, RecordType type, String handle, String field, String value) {
        entries.put(new Key(side, handle, field), new Entry(side, type, handle, field, value, ++clock, null));
    }

    /** Records that a side deleted a record; {@code counterpart} is the other side's handle of it, if linked. */
    void deleted(Side side, RecordType type, String handle, String counterpart) {
        entries.put(new Key(side, handle, null), new Entry(side, type, handle, null, null, ++clock, counterpart));
    }

    /** A local deletion was undone before it was synced: the record's edits count again. */
    void restored(String localId) {
        entries.remove(new Key(Side.LOCAL, localId, null));
    }

    Optional<Entry> edit(Side side, String handle, String field) {
        return Optional.ofNullable(entries.get(new Key(side, handle, field)));
    }

    Optional<Entry> deletion(Side side, String handle) {
        return Optional.ofNullable(entries.get(new Key(side, handle, null)));
    }

    /** The entries not yet seen on both sides, oldest first. */
    List<Entry> unsettled() {
        return entries.values().stream().filter(e -> !e.settled()).sorted((a, b) -> Long.compare(a.seq, b.seq)).toList();
    }

    List<Entry> of(Side side, String handle) {
        return entries.values().stream().filter(e -> e.side == side && e.handle.equals(handle)).toList();
    }

    /** Marks every unsettled entry the predicate finds on both sides as settled now. */
    void settle(Predicate<Entry> onBothSides) {
        long now = ++clock;
        for (Entry e : entries.values()) {
            if (!e.settled() && onBothSides.test(e)) {
                e.settledAt = now;
            }
        }
    }

    /** Records that a side deleted a record the engine may not know exists (see {@link Entry#inDoubt()}). */
    void deletedInDoubt(Side side, RecordType type, String handle, String counterpart) {
        deleted(side, type, handle, counterpart);
        entries.get(new Key(side, handle, null)).inDoubt = true;
    }

    /** Marks unsettled entries the predicate picks as in doubt (see {@link Entry#inDoubt()}). */
    void doubt(Predicate<Entry> arrivedWhileTheAppDied) {
        entries.values().stream().filter(e -> !e.settled() && arrivedWhileTheAppDied.test(e)).forEach(e -> e.inDoubt = true);
    }

    /** The user's decision dropped what this side did to the record. */
    void forget(Side side, String handle) {
        entries.keySet().removeIf(k -> k.side == side && k.handle.equals(handle));
    }

    /** Keep-both made a copy of the local record: its local edits now live in the copy. */
    void moveLocalEdits(String fromLocalId, String toLocalId) {
        List<Entry> moved = new ArrayList<>();
        entries.entrySet().removeIf(e -> {
            boolean match = e.getKey().side == Side.LOCAL && e.getKey().handle.equals(fromLocalId) && e.getKey().field != null;
            if (match) {
                moved.add(e.getValue().movedTo(toLocalId));
            }
            return match;
        });
        moved.forEach(e -> entries.put(new Key(e.side, e.handle, e.field), e));
    }

    /** Both sides agree now: forget everything but what open conflicts still hold. */
    void agreedExcept(Set<String> heldLocalIds, Set<String> heldRemoteIds) {
        entries.keySet().removeIf(k -> !(k.side == Side.LOCAL ? heldLocalIds : heldRemoteIds).contains(k.handle));
    }
}
