package dev.outpost.sync;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.outpost.store.JournalEntry;
import dev.outpost.store.Link;
import dev.outpost.store.SyncStore;

/**
 * Settles the writes an interrupted run sent but did not record, before anything else happens: a create
 * that arrived is linked (so it is never sent twice), an update or delete that arrived is recorded; one
 * that did not arrive is forgotten and planned again by the normal run.
 */
final class JournalRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(JournalRecovery.class);
    /** A version no endpoint hands out: the record's next state is never mistaken for our own write. */
    private static final String UNKNOWN_VERSION = "";

    private final SyncStore store;

    JournalRecovery(SyncStore store) {
        this.store = store;
    }

    /** @return how many entries were settled */
    int recover(SyncPair pair) {
        List<JournalEntry> open = store.openJournal(pair.name());
        if (!open.isEmpty()) {
            LOG.info("Settling {} write(s) left open by an interrupted sync of {}", open.size(), pair.name());
        }
        for (JournalEntry entry : open) {
            switch (entry.op()) {
                case "create" -> {
                    Optional<RemoteRecord> made = pair.endpoint().findCreated(entry.type(), entry.clientId());
                    // Someone may have changed it there since: then its version is not ours, and taking it would
                    // make the next pull skip that change as our own echo. An unknown version makes it merge.
                    settle(entry, made.map(r -> link(pair, entry, r.remoteId(),
                            r.values().equals(entry.values()) ? r.version() : UNKNOWN_VERSION)));
                }
                case "update" -> {
                    Optional<RemoteRecord> now = pair.endpoint().fetch(entry.type(), entry.remoteId());
                    boolean arrived = now.isPresent() && !now.get().version().equals(entry.expectedVersion())
                            && now.get().values().equals(entry.values());
                    settle(entry, now.filter(r -> arrived).map(r -> link(pair, entry, r.remoteId(), r.version())));
                }
                case "delete" -> {
                    boolean arrived = pair.endpoint().fetch(entry.type(), entry.remoteId()).isEmpty();
                    store.inTransaction(() -> {
                        if (arrived) {
                            store.removeLink(pair.name(), entry.recordId());
                            store.purgeIfUnlinked(entry.recordId());
                        }
                        store.closeJournal(entry.id());
                    });
                }
                default -> throw new IllegalStateException("Unknown journal operation " + entry.op());
            }
        }
        return open.size();
    }

    private static Link link(SyncPair pair, JournalEntry entry, String remoteId, String version) {
        return new Link(pair.name(), entry.recordId(), remoteId, version, entry.rev(), entry.values(), true);
    }

    private void settle(JournalEntry entry, Optional<Link> link) {
        store.inTransaction(() -> {
            // A record purged since (it cannot be: tombstones stay until synced) would fail the foreign key.
            if (link.isPresent() && store.record(entry.recordId()).isPresent()) {
                store.putLinks(entry.type(), List.of(link.get()));
            }
            store.closeJournal(entry.id());
        });
    }
}
