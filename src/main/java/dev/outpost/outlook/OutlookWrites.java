package dev.outpost.outlook;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.graph.models.Entity;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestInformation;

import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.WriteOutcome;

/**
 * Writes one type's batch. Graph documents no If-Match for Outlook items, so updates and deletes are conditional the
 * long way: an item whose changeKey (task: ETag) is no longer the expected version answers "remote changed" without
 * being written. Which items changed is asked once per call: the delta link of the feed's last round (the pull that
 * precedes every push) lists what changed since; an item not in it is as the feed last showed it ({@link KnownItems}),
 * and needs no read. Items the delta cannot vouch for (no link yet in this endpoint, a link Graph no longer takes,
 * events the calendar view reports removed, items the feed never showed) are read first, batched, as before.
 * Creates carry the kind's marker and the sharing category; a create whose marker is already in the mailbox (looked
 * up in the batch of reads) answers the item it made, so a replay makes no second item.
 *
 * <p>There is a window between the check and the write in which an edit in Outlook is overwritten; Graph offers no
 * documented way to close it (412 {@code ErrorIrresolvableConflict} is seen in the field, but not promised).
 */
final class OutlookWrites<T extends Entity> {

    private static final Logger LOG = LoggerFactory.getLogger(OutlookWrites.class);

    private final OutlookItems<T> items;
    private final GraphBatch batch;
    private final MasterCategory category;
    private final KnownItems<T> known;

    OutlookWrites(OutlookItems<T> items, GraphBatch batch, MasterCategory category, KnownItems<T> known) {
        this.items = items;
        this.batch = batch;
        this.category = category;
        this.known = known;
    }

    /** What the delta link says changed since the feed's last round: items as they are now, and removed ids. */
    private record SincePull<T>(Map<String, T> changed, Set<String> removed, Set<String> unsure) {
    }

    List<WriteOutcome> write(List<RemoteWrite> writes) {
        WriteOutcome[] outcomes = new WriteOutcome[writes.size()];
        if (!items.writable()) {
            java.util.Arrays.fill(outcomes, new WriteOutcome.Failed("Outpost does not change e-mails in Outlook: "
                    + "e-mail goes one way, from Outlook to the CRM. Change the e-mail in Outlook instead.", false));
            return List.of(outcomes);
        }
        category.ensure();
        Map<Integer, T> current = readCurrent(writes, outcomes);
        Map<Integer, RequestInformation> requests = new LinkedHashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            if (outcomes[i] != null) {
                continue;
            }
            try {
                RequestInformation request = request(writes.get(i), current.get(i));
                requests.put(i, request);
            } catch (OutlookItems.InvalidWrite e) {
                outcomes[i] = new WriteOutcome.Failed(e.getMessage() + ". Correct it in Outpost, then sync again.", false);
            }
        }
        batch.send(requests).forEach((i, answer) -> outcomes[i] = outcome(writes.get(i), answer));
        return List.of(outcomes);
    }

    /**
     * The current item of each update and delete, from the delta since the pull where it can tell, else from one
     * batch of reads that also holds each create's marker lookup. Settles the writes whose item is gone or changed,
     * and the creates that already arrived (a replay).
     */
    private Map<Integer, T> readCurrent(List<RemoteWrite> writes, WriteOutcome[] outcomes) {
        Map<Integer, T> current = new LinkedHashMap<>();
        boolean edits = writes.stream().anyMatch(w -> !(w instanceof RemoteWrite.Create));
        Optional<SincePull<T>> since = edits ? sincePull() : Optional.empty();
        Map<Integer, RequestInformation> gets = new LinkedHashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            switch (writes.get(i)) {
                case RemoteWrite.Create c -> gets.put(i, items.findCreatedRequest(c.clientId()));
                case RemoteWrite.Update u -> checkOrRead(i, u.remoteId(), u.expectedVersion(), false, since, current,
                        outcomes, gets);
                case RemoteWrite.Delete d -> checkOrRead(i, d.remoteId(), d.expectedVersion(), true, since, current,
                        outcomes, gets);
            }
        }
        if (gets.isEmpty()) {
            return current;
        }
        batch.send(gets).forEach((i, answer) -> {
            RemoteWrite write = writes.get(i);
            if (write instanceof RemoteWrite.Create create) {
                boolean refused = answer.status() == 400 || answer.status() == 501;
                if (!answer.ok() && !(refused && items.scansWhenFilterRefused())) {
                    // Without the marker lookup a replayed create could make a second item: better say so.
                    outcomes[i] = failed(answer);
                    return;
                }
                items.found(answer, create.clientId()).stream().findFirst().ifPresent(made ->
                        outcomes[i] = new WriteOutcome.Written(made.getId(), items.version(made)));
            } else if (answer.status() == 404) {
                outcomes[i] = write instanceof RemoteWrite.Delete ? new WriteOutcome.Deleted() : new WriteOutcome.RemoteGone();
            } else if (!answer.ok()) {
                outcomes[i] = failed(answer);
            } else {
                T item = answer.as(items.factory());
                String expected = write instanceof RemoteWrite.Update u ? u.expectedVersion()
                        : ((RemoteWrite.Delete) write).expectedVersion();
                if (!expected.equals(items.version(item))) {
                    outcomes[i] = new WriteOutcome.RemoteChanged();
                } else {
                    current.put(i, item);
                }
            }
        });
        return current;
    }

    /** Settles an update or delete by the delta since the pull, or queues a read of its item when the delta cannot tell. */
    private void checkOrRead(int i, String id, String expected, boolean delete, Optional<SincePull<T>> since,
            Map<Integer, T> current, WriteOutcome[] outcomes, Map<Integer, RequestInformation> gets) {
        if (since.isPresent() && !since.get().unsure().contains(id)) {
            SincePull<T> delta = since.get();
            if (delta.removed().contains(id)) {
                outcomes[i] = delete ? new WriteOutcome.Deleted() : new WriteOutcome.RemoteGone();
                return;
            }
            T now = delta.changed().containsKey(id) ? delta.changed().get(id) : known.get(id).orElse(null);
            if (now != null && expected.equals(items.version(now))) {
                current.put(i, now);
                return;
            }
            if (delta.changed().containsKey(id)) {
                outcomes[i] = new WriteOutcome.RemoteChanged();
                return;
            }
            // Never shown by the feed, or shown at another version than the engine expects: read it.
        }
        gets.put(i, items.getRequest(id));
    }

    /**
     * Follows the feed's last delta link to its new delta link: what changed since the pull. Empty when there is no
     * link (a new endpoint) or Graph does not answer it (an expired link, 410): the items are then read.
     */
    private Optional<SincePull<T>> sincePull() {
        Optional<String> link = known.link();
        if (link.isEmpty()) {
            return Optional.empty();
        }
        Map<String, T> changed = new HashMap<>();
        Set<String> removed = new HashSet<>();
        Set<String> unsure = new HashSet<>();
        String next = link.get();
        try {
            while (true) {
                OutlookItems.DeltaPage<T> page = items.page(next);
                for (T item : page.items()) {
                    if (item == null || item.getId() == null) {
                        continue;
                    }
                    String id = item.getId();
                    if (item.getAdditionalData().containsKey("@removed")) {
                        known.gone(id);
                        changed.remove(id);
                        // The calendar view also reports events that only left its window: those are read.
                        (items instanceof EventItems ? unsure : removed).add(id);
                    } else {
                        removed.remove(id);
                        unsure.remove(id);
                        changed.put(id, item);
                        known.seen(id, items.residue(item));
                    }
                }
                if (page.nextLink() != null) {
                    next = page.nextLink();
                } else if (page.deltaLink() != null) {
                    known.link(page.deltaLink());
                    return Optional.of(new SincePull<>(changed, removed, unsure));
                } else {
                    return Optional.empty();
                }
            }
        } catch (ApiException e) {
            int status = e.getResponseStatusCode();
            if (status >= 400 && status < 500 && status != 401 && status != 429) {
                known.forgetLink(); // expired (410) or refused: the next pull brings a new one
            }
            LOG.info("Could not ask Outlook what changed in {} since the pull ({}); reading the items instead",
                    items.type().plural(), DeltaFeed.describe(e));
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.info("Could not ask Outlook what changed in {} since the pull ({}); reading the items instead",
                    items.type().plural(), e.getMessage());
            return Optional.empty();
        }
    }

    private RequestInformation request(RemoteWrite write, T current) throws OutlookItems.InvalidWrite {
        return switch (write) {
            case RemoteWrite.Create create -> {
                T body = items.body(create.values(), null);
                items.mark(body, create.clientId());
                yield items.createRequest(body);
            }
            case RemoteWrite.Update update -> items.updateRequest(update.remoteId(), items.body(update.values(), current));
            case RemoteWrite.Delete delete -> items.deleteRequest(delete.remoteId());
        };
    }

    private WriteOutcome outcome(RemoteWrite write, GraphBatch.Answer answer) {
        if (answer.ok()) {
            if (write instanceof RemoteWrite.Delete) {
                return new WriteOutcome.Deleted();
            }
            T item = answer.as(items.factory());
            String version = items.version(item);
            if (item.getId() == null || version == null) {
                return new WriteOutcome.Failed("Outlook saved the change but did not say the item's new version. "
                        + "Sync again to pick it up.", true);
            }
            return new WriteOutcome.Written(item.getId(), version);
        }
        if (answer.status() == 404) {
            return write instanceof RemoteWrite.Delete ? new WriteOutcome.Deleted() : new WriteOutcome.RemoteGone();
        }
        if (answer.status() == 412 || answer.status() == 409) {
            return new WriteOutcome.RemoteChanged();
        }
        return failed(answer);
    }

    private static WriteOutcome failed(GraphBatch.Answer answer) {
        int status = answer.status();
        if (status == 401) {
            return new WriteOutcome.Failed("Outlook did not accept your sign-in. Sign in again, then sync.", true);
        }
        if (status == 429 || status >= 500) {
            return new WriteOutcome.Failed("Outlook could not take the change now (" + answer.error()
                    + "). It will be tried again.", true);
        }
        return new WriteOutcome.Failed("Outlook refused the change: " + answer.error(), false);
    }
}
