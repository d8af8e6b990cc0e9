package dev.outpost.outlook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.graph.models.Entity;
import com.microsoft.graph.models.OutlookCategory;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestInformation;

import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.WriteOutcome;

/**
 * Writes one type's batch. Graph documents no If-Match for Outlook items, so updates and deletes are conditional the
 * long way: the items are read first (batched) and an item whose changeKey (task: ETag) is no longer the expected
 * version answers "remote changed" without being written. Creates carry the kind's marker and the sharing category;
 * a create whose marker is already in the mailbox (looked up in the same read batch) answers the item it made, so a
 * replay makes no second item.
 *
 * <p>There is a window between the read and the write in which an edit in Outlook is overwritten; Graph offers no
 * documented way to close it (412 {@code ErrorIrresolvableConflict} is seen in the field, but not promised).
 */
final class OutlookWrites<T extends Entity> {

    private static final Logger LOG = LoggerFactory.getLogger(OutlookWrites.class);

    private final OutlookItems<T> items;
    private final GraphBatch batch;
    private final MasterCategory category;

    OutlookWrites(OutlookItems<T> items, GraphBatch batch, MasterCategory category) {
        this.items = items;
        this.batch = batch;
        this.category = category;
    }

    List<WriteOutcome> write(List<RemoteWrite> writes) {
        WriteOutcome[] outcomes = new WriteOutcome[writes.size()];
        if (!items.writable()) {
            java.util.Arrays.fill(outcomes, new WriteOutcome.Failed("Outpost does not change e-mails in Outlook: "
                    + "e-mail goes one way, from Outlook to the CRM. Change the e-mail in Outlook instead.", false));
            return List.of(outcomes);
        }
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
     * One batch of reads before the writes: the items that updates and deletes are about, and each create's marker.
     * Settles the writes whose item is gone or changed, and the creates that already arrived (a replay).
     */
    private Map<Integer, T> readCurrent(List<RemoteWrite> writes, WriteOutcome[] outcomes) {
        Map<Integer, RequestInformation> gets = new LinkedHashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            switch (writes.get(i)) {
                case RemoteWrite.Update u -> gets.put(i, items.getRequest(u.remoteId()));
                case RemoteWrite.Delete d -> gets.put(i, items.getRequest(d.remoteId()));
                case RemoteWrite.Create c -> gets.put(i, items.findCreatedRequest(c.clientId()));
            }
        }
        Map<Integer, T> current = new LinkedHashMap<>();
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

    private RequestInformation request(RemoteWrite write, T current) throws OutlookItems.InvalidWrite {
        return switch (write) {
            case RemoteWrite.Create create -> {
                T body = items.body(create.values(), null);
                items.mark(body, create.clientId());
                category.ensure();
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

    /** Makes sure the sharing category is among the mailbox's master categories, once per endpoint. */
    static final class MasterCategory {
        private final GraphConnection connection;
        private final AtomicBoolean done = new AtomicBoolean();

        MasterCategory(GraphConnection connection) {
            this.connection = connection;
        }

        void ensure() {
            if (done.get()) {
                return;
            }
            String name = connection.settings().shareCategory();
            GraphPrefer prefer = GraphPrefer.common(connection.settings().pageSize());
            try {
                var outlook = connection.client().me().outlook().masterCategories();
                var existing = outlook.get(rc -> prefer.applyTo(rc.headers));
                boolean found = existing != null && existing.getValue() != null && existing.getValue().stream()
                        .anyMatch(c -> name.equalsIgnoreCase(c.getDisplayName()));
                if (!found) {
                    OutlookCategory category = new OutlookCategory();
                    category.setDisplayName(name);
                    category.setColor(com.microsoft.graph.models.CategoryColor.Preset7);
                    outlook.post(category, rc -> prefer.applyTo(rc.headers));
                }
                done.set(true);
            } catch (ApiException e) {
                // Items may carry a category missing from the master list; Outlook then shows it uncoloured.
                LOG.warn("Could not add the category '{}' to the mailbox's categories: {}", name, DeltaFeed.describe(e));
                done.set(true);
            }
        }
    }
}
