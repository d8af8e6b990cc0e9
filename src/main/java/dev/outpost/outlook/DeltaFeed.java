package dev.outpost.outlook;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.graph.models.Entity;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;

import dev.outpost.sync.AnchorExpiredException;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.EndpointException;
import dev.outpost.sync.RemoteChange;

/**
 * One Graph delta feed as the engine's change pages: the first call lists by delta, {@code @odata.nextLink}s are the
 * engine's next tokens and the {@code @odata.deltaLink} its anchor, followed as they are ({@code withUrl}).
 * {@code @removed} is a removal; an item without the sharing category is out of scope. A calendarView feed also
 * reports events that merely left the window as removed, so those are looked up (in one batch per page): gone is a
 * removal, still there but outside the window (or unshared) out of scope.
 */
final class DeltaFeed<T extends Entity> {

    private static final Logger LOG = LoggerFactory.getLogger(DeltaFeed.class);

    private final OutlookItems<T> items;
    private final GraphBatch batch;
    private final KnownItems<T> known;
    private final ReplySharing replies;

    /** A mail folder's feed; {@code replies} shares the replies of shared conversations, or is null. */
    DeltaFeed(OutlookItems<T> items, GraphBatch batch, ReplySharing replies) {
        this(items, batch, new KnownItems<>(), replies);
    }

    /** A feed that keeps what its pages show in {@code known}, for the writes (see {@link KnownItems}). */
    DeltaFeed(OutlookItems<T> items, GraphBatch batch, KnownItems<T> known) {
        this(items, batch, known, null);
    }

    private DeltaFeed(OutlookItems<T> items, GraphBatch batch, KnownItems<T> known, ReplySharing replies) {
        this.items = items;
        this.batch = batch;
        this.known = known;
        this.replies = replies;
    }

    /** A page, or the engine's view of it; the page's own links are returned as found. */
    record Page(List<RemoteChange> changes, String nextLink, String deltaLink) {
    }

    ChangePage changes(Optional<String> from) {
        Page page = from.isEmpty() ? read(null) : read(from.get());
        if (page.nextLink() != null) {
            return ChangePage.more(page.changes(), page.nextLink());
        }
        return ChangePage.last(page.changes(), page.deltaLink());
    }

    /** One page from a link (null: the first page of a complete listing). */
    Page read(String link) {
        String what = items.type().pluralLabel().toLowerCase(Locale.ROOT);
        if (link != null) {
            check(link, what);
        }
        OutlookItems.DeltaPage<T> page;
        try {
            page = link == null ? items.firstPage() : items.page(link);
        } catch (ApiException e) {
            if (link != null && (expired(e) || e.getResponseStatusCode() >= 400 && e.getResponseStatusCode() < 500)) {
                throw new AnchorExpiredException("Outlook no longer accepts the saved sync position for " + what + " ("
                        + describe(e) + "); a full listing follows.");
            }
            throw new EndpointException("Outlook refused to list " + what + ": " + describe(e)
                    + ". Sync again later.", e);
        } catch (RuntimeException e) {
            throw new EndpointException("Outlook could not be reached to list " + what + " (" + e.getMessage()
                    + "). Check the connection, then sync again.", e);
        }
        if (page.nextLink() == null && page.deltaLink() == null) {
            throw new EndpointException("Outlook ended a page of " + what + " without a next or delta link. "
                    + "Sync again later.");
        }
        if (link == null) {
            known.clear(); // a new chain of links: what an older chain showed is not covered by the new links
        }
        Page read = new Page(changes(page.items()), page.nextLink(), page.deltaLink());
        if (page.deltaLink() != null) {
            known.link(page.deltaLink());
        }
        return read;
    }

    private List<RemoteChange> changes(List<T> page) {
        List<RemoteChange> changes = new ArrayList<>();
        Map<String, Integer> toCheck = new LinkedHashMap<>();
        Map<String, ItemRead> shared = replies == null ? Map.of() : replies.replies(page);
        for (T item : page) {
            if (item == null) {
                continue;
            }
            if (item.getAdditionalData().containsKey("@removed")) {
                if (item.getId() == null || item.getId().isBlank()) {
                    continue;
                }
                known.gone(item.getId());
                if (items instanceof EventItems) {
                    toCheck.put(item.getId(), changes.size());
                    changes.add(null); // the lookup below fills this place
                } else {
                    changes.add(new RemoteChange.Removal(item.getId()));
                }
                continue;
            }
            if (items.writable()) {
                known.seen(item.getId(), items.residue(item));
            }
            if (item.getId() != null && shared.containsKey(item.getId())) {
                changes.add(sharedReply(shared.get(item.getId())));
                continue;
            }
            // An item the user did not share is none of Outpost's business, readable or not.
            changes.add(items.shared(items.categories(item)) || item.getId() == null ? change(items.read(item))
                    : new RemoteChange.OutOfScope(item.getId()));
        }
        if (!toCheck.isEmpty()) {
            removedEvents(toCheck, changes);
        }
        return changes;
    }

    private RemoteChange change(ItemRead read) {
        return switch (read) {
            case ItemRead.Unreadable bad -> {
                // Type, id and field only: the reason never holds the value, and the log must not either.
                LOG.warn("Cannot read Outlook {} {}: its field '{}' is {}", items.type().id(), bad.remoteId(),
                        bad.field(), bad.reason());
                yield new RemoteChange.Unreadable(bad.remoteId(), bad.field(), bad.reason());
            }
            case ItemRead.Readable ok -> !ok.shared() || !inWindow(ok)
                    ? new RemoteChange.OutOfScope(ok.record().remoteId())
                    : new RemoteChange.Upsert(ok.record());
        };
    }

    /** A reply in a shared conversation: in scope, tagged or not. */
    private RemoteChange sharedReply(ItemRead read) {
        return read instanceof ItemRead.Readable ok ? new RemoteChange.Upsert(ok.record()) : change(read);
    }

    /** The mail round this feed is part of ended. */
    void roundEnded() {
        if (replies != null) {
            replies.roundEnded();
        }
    }

    private boolean inWindow(ItemRead.Readable read) {
        return !(items instanceof EventItems events) || events.inWindow(read.record());
    }

    /** Events reported removed: looked up, so only a real deletion becomes a removal. */
    private void removedEvents(Map<String, Integer> places, List<RemoteChange> changes) {
        Map<String, com.microsoft.kiota.RequestInformation> gets = new LinkedHashMap<>();
        places.keySet().forEach(id -> gets.put(id, items.getRequest(id)));
        batch.send(gets).forEach((id, answer) -> {
            RemoteChange change;
            if (answer.status() == 404) {
                change = new RemoteChange.Removal(id);
            } else if (answer.ok()) {
                T item = answer.as(items.factory());
                change = items.shared(items.categories(item)) ? change(items.read(item))
                        : new RemoteChange.OutOfScope(id);
            } else {
                throw new EndpointException("Outlook could not say whether " + items.type().withArticle()
                        + " that left the calendar view still exists (" + answer.error() + "). Sync again later.");
            }
            changes.set(places.get(id), change);
        });
    }

    /** A link the engine hands back must be one this mailbox gave out, for this feed: the token goes nowhere else. */
    private void check(String link, String what) {
        try {
            URI uri = URI.create(link);
            if (uri.isAbsolute() && items.settings.isOurs(uri) && uri.getRawPath() != null
                    && uri.getRawPath().toLowerCase(Locale.ROOT).contains("/delta")) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // not a URI: fall through
        }
        throw new AnchorExpiredException("The saved sync position for Outlook " + what
                + " is not one this mailbox handed out; a full listing follows.");
    }

    private static boolean expired(ApiException e) {
        if (e.getResponseStatusCode() == 410) {
            return true;
        }
        String code = e instanceof ODataError error && error.getError() != null ? error.getError().getCode() : null;
        return code != null && (code.equalsIgnoreCase("syncStateNotFound") || code.equalsIgnoreCase("resyncRequired")
                || code.equalsIgnoreCase("SyncStateInvalid"));
    }

    static String describe(ApiException e) {
        if (e instanceof ODataError error && error.getError() != null) {
            return error.getError().getCode() + ": " + error.getError().getMessage();
        }
        return "HTTP " + e.getResponseStatusCode();
    }
}
