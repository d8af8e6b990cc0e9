package dev.outpost.sync;

import java.util.Set;
import java.util.function.BooleanSupplier;

import dev.outpost.model.RecordType;

/**
 * How to run a sync.
 *
 * @param dryRun               return the plan without writing anything anywhere
 * @param confirmedMassDeletes types whose mass deletion the user has confirmed
 * @param cancelled            asked at every safe point; true stops the run there, losing nothing
 * @param observer             told of every step reached (progress, and crash tests)
 */
public record RunOptions(boolean dryRun, Set<RecordType> confirmedMassDeletes, BooleanSupplier cancelled,
                         SyncStep.Observer observer) {

    public RunOptions {
        confirmedMassDeletes = Set.copyOf(confirmedMassDeletes);
    }

    public static RunOptions normal() {
        return new RunOptions(false, Set.of(), () -> false, SyncStep.Observer.NONE);
    }

    /** A dry run: the plan, nothing written. */
    public static RunOptions preview() {
        return new RunOptions(true, Set.of(), () -> false, SyncStep.Observer.NONE);
    }

    public RunOptions confirmingMassDeletes(Set<RecordType> types) {
        return new RunOptions(dryRun, types, cancelled, observer);
    }

    public RunOptions cancelledWhen(BooleanSupplier signal) {
        return new RunOptions(dryRun, confirmedMassDeletes, signal, observer);
    }

    public RunOptions observedBy(SyncStep.Observer watcher) {
        return new RunOptions(dryRun, confirmedMassDeletes, cancelled, watcher);
    }
}
