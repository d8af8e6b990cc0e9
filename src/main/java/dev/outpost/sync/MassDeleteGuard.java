package dev.outpost.sync;

/**
 * Stops a type's sync before it deletes too much on one side: more than {@code share} of the records
 * there and more than {@code minimum} records. A broken filter or an emptied folder looks exactly like a
 * mass deletion; asking first costs a click, deleting wrongly costs the user's data.
 *
 * @param share   the fraction of the side's records, e.g. 0.2
 * @param minimum the count at or under which deletions never trip the guard, e.g. 25
 */
public record MassDeleteGuard(double share, int minimum) {

    public static final MassDeleteGuard DEFAULT = new MassDeleteGuard(0.2, 25);

    /** Whether deleting {@code deletions} of {@code total} records must be confirmed first. */
    public boolean trips(int deletions, int total) {
        return deletions > minimum && deletions > share * total;
    }
}
