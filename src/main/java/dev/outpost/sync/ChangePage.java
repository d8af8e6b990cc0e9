package dev.outpost.sync;

import java.util.List;
import java.util.Optional;

/**
 * One page of an endpoint's change feed. Exactly one of {@code next} and {@code anchor} is present: more
 * pages follow, or this was the last page and {@code anchor} is where the next sync starts.
 *
 * @param changes the changes on this page (may be empty even when more pages follow)
 * @param next    the token that fetches the next page
 * @param anchor  the delta token to keep for the next sync, on the last page only
 */
public record ChangePage(List<RemoteChange> changes, Optional<String> next, Optional<String> anchor) {

    public ChangePage {
        changes = List.copyOf(changes);
        if (next.isPresent() == anchor.isPresent()) {
            throw new IllegalArgumentException("A page has either a next page or an anchor, not " +
                    (next.isPresent() ? "both" : "neither"));
        }
    }

    public static ChangePage more(List<RemoteChange> changes, String next) {
        return new ChangePage(changes, Optional.of(next), Optional.empty());
    }

    public static ChangePage last(List<RemoteChange> changes, String anchor) {
        return new ChangePage(changes, Optional.empty(), Optional.of(anchor));
    }

    public boolean isLast() {
        return anchor.isPresent();
    }
}
