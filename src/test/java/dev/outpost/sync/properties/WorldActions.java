package dev.outpost.sync.properties;

import java.util.function.Predicate;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;

import dev.outpost.model.RecordType;

/**
 * The things that happen to a world, as jqwik actions, and how often: the user edits here, another user
 * edits on the endpoint, syncs run with and without faults, the app restarts, the user resolves conflicts.
 * Records and fields are picked by position ({@code #n}, modulo the choices there are when the action
 * runs), so a shrunk chain still means something.
 */
final class WorldActions {

    /** Deleting at least this many records of one type (more than 25, and more than 20% of them) makes the guard ask. */
    private static final int MASS = 26;

    private WorldActions() {
    }

    static ActionChainArbitrary<SyncWorld> chains(Supplier<SyncWorld> start, boolean userResolvesConflicts, int maxActions) {
        ActionChainArbitrary<SyncWorld> chains = ActionChain.startWith(start)
                .withAction(4, createHere())
                .withAction(5, editHere())
                .withAction(2, deleteHere())
                .withAction(1, restoreHere())
                .withAction(3, createThere())
                .withAction(4, editThere())
                .withAction(2, deleteThere())
                .withAction(1, createMany())
                .withAction(2, deleteMany())
                .withAction(5, Action.just(Transformer.mutate("sync", SyncWorld::syncCompletely)))
                .withAction(3, syncWithFaults())
                .withAction(1, Action.just(Transformer.mutate("restart the app", SyncWorld::restartApp)));
        if (userResolvesConflicts) {
            chains = chains.withAction(3, resolveAConflict());
        }
        return chains.withMaxTransformations(maxActions);
    }

    private static Action<SyncWorld> createHere() {
        return always(Combinators.combine(types(), fieldSets()).as((type, fields) -> Transformer.mutate(
                "create " + type.id() + " here", w -> w.createHere(type, fields))));
    }

    private static Action<SyncWorld> editHere() {
        return always(Combinators.combine(types(), picks(), picks(), clears()).as((type, pick, field, clear) ->
                Transformer.mutate((clear ? "clear " : "edit ") + type.id() + " #" + pick + " field #" + field + " here",
                        w -> w.editHere(type, pick, field, clear))));
    }

    private static Action<SyncWorld> deleteHere() {
        return always(Combinators.combine(types(), picks()).as((type, pick) -> Transformer.mutate(
                "delete " + type.id() + " #" + pick + " here", w -> w.deleteHere(type, pick))));
    }

    private static Action<SyncWorld> restoreHere() {
        return when(w -> !w.restorable().isEmpty(), picks().map(pick -> Transformer.mutate(
                "restore deleted #" + pick + " here", w -> w.restoreHere(pick))));
    }

    private static Action<SyncWorld> createThere() {
        return always(Combinators.combine(types(), fieldSets()).as((type, fields) -> Transformer.mutate(
                "create " + type.id() + " there", w -> w.createThere(type, fields))));
    }

    private static Action<SyncWorld> editThere() {
        return always(Combinators.combine(types(), picks(), picks(), clears()).as((type, pick, field, clear) ->
                Transformer.mutate((clear ? "clear " : "edit ") + type.id() + " #" + pick + " field #" + field + " there",
                        w -> w.editThere(type, pick, field, clear))));
    }

    private static Action<SyncWorld> deleteThere() {
        return always(Combinators.combine(types(), picks()).as((type, pick) -> Transformer.mutate(
                "delete " + type.id() + " #" + pick + " there", w -> w.removeThere(type, pick))));
    }

    /** Enough records of one type on one side for a mass deletion later. */
    private static Action<SyncWorld> createMany() {
        return always(Combinators.combine(types(), Arbitraries.integers().between(MASS, MASS + 9), Arbitraries.of(true, false))
                .as((type, count, here) -> Transformer.mutate("create " + count + " " + type.plural() + (here ? " here" : " there"),
                        w -> {
                            if (here) {
                                w.createManyHere(type, count);
                            } else {
                                w.createManyThere(type, count);
                            }
                        })));
    }

    /** Deletes enough records of one type on one side for the mass-delete guard to ask, once they were synced. */
    private static Action<SyncWorld> deleteMany() {
        return when(w -> w.manyRecords(MASS), Combinators.combine(types(), Arbitraries.integers().between(MASS, MASS + 9),
                        Arbitraries.of(true, false))
                .as((type, count, here) -> Transformer.mutate("delete " + count + " " + type.plural() + (here ? " here" : " there"),
                        w -> {
                            if (here) {
                                w.deleteManyHere(type, count);
                            } else {
                                w.deleteManyThere(type, count);
                            }
                        })));
    }

    private static Action<SyncWorld> syncWithFaults() {
        return always(FaultPlan.any().map(faults -> Transformer.mutate("sync with faults " + faults,
                w -> w.syncWithFaults(faults))));
    }

    private static Action<SyncWorld> resolveAConflict() {
        return when(w -> !w.currentConflicts().isEmpty(), Combinators.combine(picks(), Arbitraries.of(UserDecision.class))
                .as((pick, decision) -> Transformer.mutate("resolve conflict #" + pick + " with " + decision,
                        w -> w.resolve(pick, decision))));
    }

    private static Arbitrary<RecordType> types() {
        return Arbitraries.of(EditedFields.TYPES);
    }

    /** A position in a list, taken modulo its size when the action runs; small numbers shrink best. */
    private static Arbitrary<Integer> picks() {
        return Arbitraries.integers().between(0, 40);
    }

    /** Which optional fields a new record fills, as bits. */
    private static Arbitrary<Integer> fieldSets() {
        return Arbitraries.integers().between(0, 7);
    }

    /** Clearing a field, one edit in five. */
    private static Arbitrary<Boolean> clears() {
        return Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true));
    }

    private static Action.Independent<SyncWorld> always(Arbitrary<Transformer<SyncWorld>> transformers) {
        return () -> transformers;
    }

    private static Action.Independent<SyncWorld> when(Predicate<SyncWorld> precondition,
                                                      Arbitrary<Transformer<SyncWorld>> transformers) {
        return new Action.Independent<>() {
            @Override
            public boolean precondition(SyncWorld world) {
                return precondition.test(world);
            }

            @Override
            public Arbitrary<Transformer<SyncWorld>> transformer() {
                return transformers;
            }
        };
    }
}
