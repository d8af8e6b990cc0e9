package dev.outpost.sync.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.outpost.model.RecordType;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.Endpoint;
import dev.outpost.sync.RemoteChange;

/** Follows a feed to its last page, keeping the pages apart, for tests that look at paging itself. */
final class FeedReader {

    /** The pages of one feed and the anchor it ended with. */
    record Feed(List<List<RemoteChange>> pages, String anchor) {
        List<RemoteChange> changes() {
            return pages.stream().flatMap(List::stream).toList();
        }

        List<String> ids() {
            return changes().stream().map(RemoteChange::remoteId).toList();
        }
    }

    private FeedReader() {
    }

    static Feed listing(Endpoint endpoint, RecordType type) {
        return read(endpoint, type, Optional.empty());
    }

    static Feed delta(Endpoint endpoint, RecordType type, String anchor) {
        return read(endpoint, type, Optional.of(anchor));
    }

    static Feed read(Endpoint endpoint, RecordType type, Optional<String> from) {
        List<List<RemoteChange>> pages = new ArrayList<>();
        Optional<String> token = from;
        while (pages.size() < 1_000_000) {
            ChangePage page = endpoint.changes(type, token);
            pages.add(page.changes());
            if (page.isLast()) {
                return new Feed(pages, page.anchor().orElseThrow());
            }
            token = page.next();
        }
        throw new AssertionError("The feed did not end");
    }
}
