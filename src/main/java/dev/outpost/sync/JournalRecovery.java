package dev.outpost.sync;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
                            && holdsWhatItChanged(now.get(), entry, store.link(pair.name(), entry.recordId()));
                    // Arrived, then changed there in other fields: an unknown version makes the pull merge that in.
                    settle(entry, now.filter(r -> arrived).map(r -> link(pair, entry, r.remoteId(),
                            r.values().equals(entry.values()) ? r.version() : UNKNOWN_VERSION)));
                }
                case "delete" -> {
                    boolean arrived = pair.endpoint().fetch(entry.type(), entry.remoteId()).isEmpty();
                    store.inTransaction(() -> {
                        // Restored here since: unlinking it would make it new and send it again. Linked, the pull
                        // weighs the deletion there against the restore like any other change.
                        boolean stillDeleted = store.record(entry.recordId()).map(r -> r.record().deleted()).orElse(true);
                        if (arrived && stillDeleted) {
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

    /**
     * Whether the record there holds every value the update changed (from the base it was sent against): then
     * the update arrived, whatever else changed there since. When someone changed one of those fields again,
     * there is no telling, and the update counts as not arrived.
     */
    private static boolean holdsWhatItChanged(RemoteRecord now, JournalEntry entry, Optional<Link> link) {
        if (now.values().equals(entry.values())) {
            return true;
        }
        if (link.isEmpty()) {
            return false;
        }
        Set<String> fields = new HashSet<>(entry.values().keySet());
        fields.addAll(link.get().base().keySet());
        return fields.stream().filter(f -> !Objects.equals(entry.values().get(f), link.get().base().get(f)))
                .allMatch(f -> Objects.equals(entry.values().get(f), now.values().get(f)));
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
