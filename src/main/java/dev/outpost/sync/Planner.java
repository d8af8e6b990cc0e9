package dev.outpost.sync;

import java.util.Map;
import java.util.Optional;

/**
 * DESIGN.md's decision table as one pure function: given the base both sides agreed on, the local side
 * and the remote side, what to do. No I/O, no clock: every input is an argument, so every cell is a
 * plain example test.
 *
 * <pre>
 * local \ remote | unchanged    | changed                        | deleted
 * unchanged      | nothing      | take remote                    | delete local
 * changed        | push update  | merge; overlap -> policy       | update/delete conflict -> policy
 * deleted        | push delete  | delete/update conflict->policy | drop link
 * (new on one side only: take remote / push create)
 * </pre>
 */
public final class Planner {

    private Planner() {
    }

    public static Decision decide(Optional<Map<String, String>> base, LocalSide local, RemoteSide remote, ConflictPolicy policy) {
        return switch (local) {
            case LocalSide.Absent a -> switch (remote) {
                case RemoteSide.Changed c -> new Decision.TakeRemote(c.record());
                case RemoteSide.Unknown u -> new Decision.Nothing();
                case RemoteSide.Unchanged u -> new Decision.Nothing();
                case RemoteSide.Deleted d -> new Decision.Nothing();
            };
            case LocalSide.Unchanged u -> switch (remote) {
                case RemoteSide.Unknown x -> new Decision.PushCreate(u.values());
                case RemoteSide.Unchanged x -> new Decision.Nothing();
                case RemoteSide.Changed c -> new Decision.TakeRemote(c.record());
                case RemoteSide.Deleted d -> new Decision.DeleteLocal();
            };
            case LocalSide.Changed c -> switch (remote) {
                case RemoteSide.Unknown x -> new Decision.PushCreate(c.values());
                case RemoteSide.Unchanged x -> new Decision.PushUpdate(c.values());
                case RemoteSide.Changed r -> bothChanged(base, c, r.record(), policy);
                // Changed back to the base (an edit undone, a deletion restored) is no change: the deletion stands.
                case RemoteSide.Deleted d when base.filter(c.values()::equals).isPresent() -> new Decision.DeleteLocal();
                case RemoteSide.Deleted d -> switch (policy) {
                    case ASK -> new Decision.Conflict(ConflictKind.LOCAL_CHANGED_REMOTE_DELETED, java.util.Set.of(), Optional.empty());
                    case SERVER_WINS -> new Decision.DeleteLocal();
                    // A deletion carries no time: newest-wins keeps the edit, so nothing is lost.
                    case LOCAL_WINS, NEWEST_WINS -> new Decision.RecreateRemote(c.values());
                };
            };
            case LocalSide.Deleted d -> switch (remote) {
                case RemoteSide.Unknown x -> new Decision.Nothing(); // never synced: nothing to tell the endpoint
                case RemoteSide.Unchanged x -> new Decision.PushDelete();
                case RemoteSide.Deleted x -> new Decision.DropLink();
                case RemoteSide.Changed r -> switch (policy) {
                    case ASK -> new Decision.Conflict(ConflictKind.LOCAL_DELETED_REMOTE_CHANGED, java.util.Set.of(), Optional.of(r.record()));
                    case SERVER_WINS -> new Decision.RestoreLocal(r.record());
                    case LOCAL_WINS -> new Decision.DeleteRemoteAt(r.record());
                    case NEWEST_WINS -> d.deletedAt().isAfter(r.record().modifiedAt())
                            ? new Decision.DeleteRemoteAt(r.record()) : new Decision.RestoreLocal(r.record());
                };
            };
        };
    }

    private static Decision bothChanged(Optional<Map<String, String>> base, LocalSide.Changed local, RemoteRecord remote,
                                        ConflictPolicy policy) {
        FieldMerge.Result merged = FieldMerge.merge(base.orElse(Map.of()), local.values(), remote.values(), base.isPresent());
        java.util.Set<String> auto = new java.util.TreeSet<>(merged.fromLocal());
        auto.addAll(merged.fromRemote());
        if (merged.clean()) {
            return new Decision.Merge(merged.values(), remote, auto, java.util.Set.of());
        }
        Map<String, String> winner = switch (policy) {
            case ASK -> null;
            case SERVER_WINS -> remote.values();
            case LOCAL_WINS -> local.values();
            case NEWEST_WINS -> local.modifiedAt().isAfter(remote.modifiedAt()) ? local.values() : remote.values();
        };
        if (winner == null) {
            return new Decision.Conflict(ConflictKind.BOTH_CHANGED, merged.conflicts(), Optional.of(remote));
        }
        return new Decision.Merge(merged.resolvedWith(winner), remote, auto, merged.conflicts());
    }
}
