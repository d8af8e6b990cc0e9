package dev.outpost.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a run did, per type, and for a dry run what it would do.
 *
 * @param pair     the pair's name
 * @param types    one report per type, in the pair's order
 * @param plan     for a dry run, every action the run would take; else empty
 * @param startedAt when the run started
 * @param duration how long it took
 */
public record SyncReport(String pair, List<TypeReport> types, List<PlannedAction> plan, Instant startedAt, Duration duration) {

    public SyncReport {
        types = List.copyOf(types);
        plan = List.copyOf(plan);
    }

    public int conflicts() {
        return types.stream().mapToInt(TypeReport::conflicts).sum();
    }

    public int pulled() {
        return types.stream().mapToInt(TypeReport::pulled).sum();
    }

    public int pushed() {
        return types.stream().mapToInt(TypeReport::pushed).sum();
    }

    /** The run's outcome as a word for the history: the worst of its types. */
    public String outcome() {
        if (types.stream().anyMatch(t -> t.outcome() == TypeOutcome.FAILED)) {
            return "failed";
        }
        if (types.stream().anyMatch(t -> t.outcome() == TypeOutcome.CANCELLED)) {
            return "cancelled";
        }
        if (types.stream().anyMatch(t -> t.outcome() == TypeOutcome.NEEDS_CONFIRMATION)) {
            return "needs-confirmation";
        }
        return conflicts() > 0 ? "conflicts" : "done";
    }
}
