package dev.outpost.sync;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.outpost.model.RecordType;

/**
 * What sets one pair apart from another beyond its endpoint and conflict policy. The defaults are the
 * {@code crm} pair's: every type both ways, a deletion there deletes here, no limit.
 *
 * @param pullOnly types synced one way, from the endpoint to here: pulled, never created, updated or deleted
 *                 there; local edits of them are not pending for this pair (Outlook: e-mail)
 * @param removal  what a deletion on the endpoint means here, per type and record
 * @param limit    the combined limit of records the endpoint keeps, when it has one
 */
public record PairRules(Set<RecordType> pullOnly, RemovalRule removal, Optional<PushLimit> limit) {

    /** The {@code crm} pair's rules, and any pair's unless it says otherwise. */
    public static final PairRules DEFAULT = new PairRules(Set.of(), RemovalRule.DELETE_HERE, Optional.empty());

    public PairRules {
        pullOnly = Set.copyOf(pullOnly);
        Objects.requireNonNull(removal);
        Objects.requireNonNull(limit);
    }

    public PairRules withLimit(int records, Set<RecordType> types) {
        return new PairRules(pullOnly, removal, Optional.of(new PushLimit(records, types)));
    }
}
