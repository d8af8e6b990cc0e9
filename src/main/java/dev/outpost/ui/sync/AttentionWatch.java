package dev.outpost.ui.sync;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which conflicts and sync issues the user has been told of, so that a sync tells only of those it added: not of those
 * the window found when it opened, not twice of the same ones. Used on the FX thread only.
 */
final class AttentionWatch {

    private final Set<Long> conflicts = new HashSet<>();
    private final Set<Long> issues = new HashSet<>();
    private boolean started;

    /** Whether the window has read what was waiting when it opened. */
    boolean started() {
        return started;
    }

    /**
     * Takes in the open conflicts and issues by id; the first time only remembers them (they were there before).
     *
     * @return those not seen before, when there are any and this is not the first look
     */
    Optional<SyncAttention> look(Collection<Long> openConflicts, Collection<Long> openIssues) {
        int newConflicts = (int) openConflicts.stream().filter(id -> !conflicts.contains(id)).count();
        int newIssues = (int) openIssues.stream().filter(id -> !issues.contains(id)).count();
        boolean first = !started;
        conflicts.addAll(openConflicts);
        issues.addAll(openIssues);
        started = true;
        return first || newConflicts + newIssues == 0 ? Optional.empty() : Optional.of(new SyncAttention(newConflicts, newIssues));
    }
}
