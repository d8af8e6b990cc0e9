package dev.outpost.sync.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

import dev.outpost.sync.RemoteChange;

/**
 * Makes a correct page look like a Graph delta page: some entries repeated (on this page or carried to a
 * later page of the same feed), some repeats in an older state of the record, and every page shuffled. A
 * stale state is only ever sent in addition to the record's true entry in the same feed, as on the real
 * service, so an engine that notices an id seen twice and fetches it can always converge.
 */
final class FeedFaults {

    /** Repeats waiting for the page a next token fetches; bounded, as abandoned feeds never collect theirs. */
    private final Map<String, List<RemoteChange>> carried = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<RemoteChange>> eldest) {
            return size() > 256;
        }
    };

    /** The repeats carried to the page this token fetches. */
    List<RemoteChange> takeCarried(Optional<String> token) {
        List<RemoteChange> entries = token.map(carried::remove).orElse(null);
        return entries == null ? List.of() : entries;
    }

    void carry(String token, List<RemoteChange> entries) {
        if (!entries.isEmpty()) {
            carried.computeIfAbsent(token, t -> new ArrayList<>()).addAll(entries);
        }
    }

    /**
     * The page as the faulty feed delivers it.
     *
     * @param page     the correct entries of the page
     * @param incoming repeats carried here from earlier pages
     * @param next     the token of the next page, if any; repeats may be carried to it
     * @param statesOf every state an entry's record has had that the feed may send: older ones and the entry
     */
    List<RemoteChange> shape(List<RemoteChange> page, List<RemoteChange> incoming, Optional<String> next,
                             Faults faults, Function<RemoteChange, List<RemoteChange>> statesOf) {
        double rate = faults.duplicateRate();
        if (rate == 0) {
            return incoming.isEmpty() ? page : concat(page, incoming);
        }
        Random random = faults.random();
        List<RemoteChange> out = concat(page, incoming);
        List<RemoteChange> later = new ArrayList<>();
        for (RemoteChange entry : page) {
            if (random.nextDouble() < rate) {
                List<RemoteChange> states = statesOf.apply(entry);
                RemoteChange repeat = states.get(random.nextInt(states.size()));
                (next.isPresent() && random.nextBoolean() ? later : out).add(repeat);
            }
        }
        next.ifPresent(token -> carry(token, later));
        Collections.shuffle(out, random);
        return out;
    }

    private static List<RemoteChange> concat(List<RemoteChange> page, List<RemoteChange> incoming) {
        List<RemoteChange> out = new ArrayList<>(page.size() + incoming.size());
        out.addAll(page);
        out.addAll(incoming);
        return out;
    }
}
