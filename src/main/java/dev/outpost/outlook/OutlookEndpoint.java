package dev.outpost.outlook;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.microsoft.graph.models.Entity;
import com.microsoft.kiota.ApiException;

import dev.outpost.model.RecordType;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.Endpoint;
import dev.outpost.sync.EndpointException;
import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.UserKey;
import dev.outpost.sync.WriteOutcome;

/**
 * The mailbox side of the {@code outlook} sync pair, through the Microsoft Graph Java SDK: contacts of the default
 * contact folder, events of the primary calendar inside a window, tasks of the default To Do list, and e-mail of
 * Inbox and Sent Items (read-only: mail goes one way, Outlook to CRM). Items are in scope when they carry the
 * sharing category ("Shared with CRM"); items Outpost creates get it. Options: autocapture (every event of the window
 * is in scope) and the sharing of replies (a message in a conversation that holds a shared one is in scope, and gets
 * the category). The category is added to the mailbox's master categories before the first sync when missing.
 *
 * <pre>{@code
 * Endpoint outlook = new OutlookEndpoint(OutlookSettings.of(URI.create("https://graph.microsoft.com/v1.0"), tokens::current));
 * }</pre>
 *
 * <p>Every request carries {@code Prefer: IdType="ImmutableId"} and {@code odata.maxpagesize}; events and messages
 * also ask for UTC times and text bodies. Versions are changeKeys (tasks: their ETag). Thread-safe.
 */
public final class OutlookEndpoint implements Endpoint, AutoCloseable {

    private final GraphConnection connection;
    private final Map<RecordType, OutlookItems<? extends Entity>> kinds = new EnumMap<>(RecordType.class);
    private final Map<RecordType, DeltaFeed<? extends Entity>> feeds = new EnumMap<>(RecordType.class);
    private final Map<RecordType, OutlookWrites<? extends Entity>> writers = new EnumMap<>(RecordType.class);
    private final Map<RecordType, SharingCategoryWrites<? extends Entity>> sharing = new EnumMap<>(RecordType.class);
    private final MailFeed mail;
    private final CalendarFeed calendar;
    private final MasterCategory category;
    /** A dry run is under way: no write of any kind, the housekeeping ones included. */
    private volatile boolean previewing;

    public OutlookEndpoint(OutlookSettings settings) {
        this(settings, duration -> Thread.sleep(duration));
    }

    OutlookEndpoint(OutlookSettings settings, GraphBatch.Sleeper sleeper) {
        this.connection = new GraphConnection(settings);
        GraphBatch batch = new GraphBatch(connection, sleeper);
        this.category = new MasterCategory(connection);
        MessageItems inbox = new MessageItems(connection, "inbox");
        EventItems events = new EventItems(connection);
        for (OutlookItems<? extends Entity> kind : List.of(new ContactItems(connection), events,
                new TaskItems(connection), inbox)) {
            add(kind, batch, category);
        }
        @SuppressWarnings("unchecked")
        DeltaFeed<com.microsoft.graph.models.Event> eventFeed =
                (DeltaFeed<com.microsoft.graph.models.Event>) feeds.get(RecordType.APPOINTMENT);
        this.calendar = new CalendarFeed(eventFeed, events);
        // Both folders share what they learn of conversations: a reply in Sent Items to a shared message in Inbox.
        ReplySharing replies = settings.shareReplies()
                ? new ReplySharing(inbox, new SharedConversations(inbox, batch), batch, () -> previewing) : null;
        this.mail = new MailFeed(new DeltaFeed<>(inbox, batch, replies),
                new DeltaFeed<>(new MessageItems(connection, "sentitems"), batch, replies));
    }

    /** The kind's feed and writer share what the feed last showed (see {@link KnownItems}). */
    private <T extends Entity> void add(OutlookItems<T> kind, GraphBatch batch, MasterCategory category) {
        KnownItems<T> known = new KnownItems<>();
        kinds.put(kind.type(), kind);
        feeds.put(kind.type(), new DeltaFeed<>(kind, batch, known));
        writers.put(kind.type(), new OutlookWrites<>(kind, batch, category, known));
        sharing.put(kind.type(), new SharingCategoryWrites<>(kind, batch, category, kind.settings.shareCategory()));
    }

    @Override
    public String name() {
        return "Outlook";
    }

    @Override
    public void previewing(boolean preview) {
        this.previewing = preview;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The tokens are Graph's own links ({@code @odata.nextLink}, {@code @odata.deltaLink}); e-mail's carry the
     * links of both folders, appointments' the start of the calendar window too. An item without the sharing category, or an event outside the window, comes as
     * {@link RemoteChange.OutOfScope}; one that cannot be read as {@link RemoteChange.Unreadable}.
     */
    @Override
    public ChangePage changes(RecordType type, Optional<String> from) {
        if (!previewing) {
            category.ensure(); // a preview lists by the category's name: items carry it whether or not the mailbox lists it
        }
        if (type == RecordType.EMAIL) {
            return mail.changes(from);
        }
        if (type == RecordType.APPOINTMENT) {
            return calendar.changes(from);
        }
        return feed(type).changes(from);
    }

    @Override
    public Optional<RemoteRecord> fetch(RecordType type, String remoteId) {
        return inScope(type, get(kind(type), remoteId));
    }

    /**
     * {@inheritDoc} Whatever the category and the calendar window: the engine asks this before it takes an item
     * missing from a complete listing for deleted, and an event that only aged out of the window is not.
     */
    @Override
    public List<RemoteRecord> fetchReferenced(RecordType type, Set<String> remoteIds) {
        List<RemoteRecord> found = new ArrayList<>();
        for (String remoteId : remoteIds) {
            get(kind(type), remoteId).ifPresent(read -> {
                if (read instanceof ItemRead.Readable ok) {
                    found.add(ok.record());
                }
            });
        }
        return found;
    }

    private <T extends Entity> Optional<ItemRead> get(OutlookItems<T> kind, String remoteId) {
        try {
            return kind.get(remoteId).map(kind::read);
        } catch (ApiException e) {
            if (e.getResponseStatusCode() == 400) {
                return Optional.empty(); // not an id this mailbox could have given
            }
            throw new EndpointException("Outlook could not be asked for " + kind.type().withArticle() + " ("
                    + DeltaFeed.describe(e) + "). Sync again later.", e);
        } catch (RuntimeException e) {
            throw unreachable(kind, e);
        }
    }

    private Optional<RemoteRecord> inScope(RecordType type, Optional<ItemRead> read) {
        return read.flatMap(r -> r instanceof ItemRead.Readable ok && ok.shared()
                && (!(kind(type) instanceof EventItems events) || events.inWindow(ok.record()))
                ? Optional.of(ok.record()) : Optional.empty());
    }

    @Override
    public List<RemoteRecord> findByUserKey(RecordType type, UserKey key) {
        return candidates(kind(type), key).stream()
                .map(r -> inScope(type, Optional.of(r)))
                .flatMap(Optional::stream)
                .filter(record -> UserKey.of(type, record.values()).filter(key::equals).isPresent())
                .toList();
    }

    private <T extends Entity> List<ItemRead> candidates(OutlookItems<T> kind, UserKey key) {
        try {
            return kind.candidates(key).stream().map(kind::read).toList();
        } catch (ApiException e) {
            throw new EndpointException("Outlook could not search " + kind.type().pluralLabel().toLowerCase(Locale.ROOT)
                    + " (" + DeltaFeed.describe(e) + "). Sync again later.", e);
        } catch (RuntimeException e) {
            throw unreachable(kind, e);
        }
    }

    /** {@inheritDoc} Looked up by the create's marker (extended property, or a To Do task's linked resource). */
    @Override
    public Optional<RemoteRecord> findCreated(RecordType type, String clientId) {
        return findCreated(kind(type), clientId);
    }

    private <T extends Entity> Optional<RemoteRecord> findCreated(OutlookItems<T> kind, String clientId) {
        try {
            return kind.findCreated(clientId).stream().map(kind::read)
                    .flatMap(r -> r instanceof ItemRead.Readable ok ? java.util.stream.Stream.of(ok.record())
                            : java.util.stream.Stream.empty())
                    .findFirst();
        } catch (ApiException e) {
            throw new EndpointException("Outlook could not look for an item Outpost created ("
                    + DeltaFeed.describe(e) + "). Sync again later.", e);
        } catch (RuntimeException e) {
            throw unreachable(kind, e);
        }
    }

    /** {@inheritDoc} E-mails are refused: mail is one-way, Outlook to CRM. */
    @Override
    public List<WriteOutcome> write(RecordType type, List<RemoteWrite> batch) {
        OutlookWrites<? extends Entity> writer = writers.get(type);
        if (writer == null) {
            throw new IllegalArgumentException("Outlook holds no " + type.plural());
        }
        try {
            return writer.write(batch);
        } catch (ApiException e) {
            throw new EndpointException("Outlook refused to save changes (" + DeltaFeed.describe(e)
                    + "). Sync again later.", e);
        }
    }

    /**
     * {@inheritDoc} The sharing category comes off each item, its other categories stay; an item already without it
     * is not written, one deleted meanwhile answers {@link WriteOutcome.RemoteGone}. The items are read first, then
     * patched, 20 to a Graph batch (see {@link SharingCategoryWrites}).
     */
    @Override
    public List<WriteOutcome> release(RecordType type, List<String> remoteIds) {
        return share(type, remoteIds, false);
    }

    /** {@inheritDoc} The sharing category goes back on each item, beside its other categories. */
    @Override
    public List<WriteOutcome> claim(RecordType type, List<String> remoteIds) {
        return share(type, remoteIds, true);
    }

    private List<WriteOutcome> share(RecordType type, List<String> remoteIds, boolean shared) {
        SharingCategoryWrites<? extends Entity> writer = sharing.get(type);
        if (writer == null) {
            throw new IllegalArgumentException("Outlook holds no " + type.plural());
        }
        if (remoteIds.isEmpty()) {
            return List.of();
        }
        try {
            return writer.share(remoteIds, shared);
        } catch (ApiException e) {
            throw new EndpointException("Outlook refused to change the categories of " + type.plural() + " ("
                    + DeltaFeed.describe(e) + "). Sync again later.", e);
        }
    }

    /**
     * {@inheritDoc} Graph batches hold at most 20 requests: a call's writes go out in as many batches as they need,
     * after one look at what changed since the pull (see {@link OutlookWrites}), so 100 writes cost 5 batches and
     * that one delta request. More per call would widen the time between that look and the last write.
     */
    @Override
    public int batchSize() {
        return 100;
    }

    /** Releases the HTTP connections; the endpoint cannot be used afterwards. */
    @Override
    public void close() {
        connection.close();
    }

    private DeltaFeed<? extends Entity> feed(RecordType type) {
        DeltaFeed<? extends Entity> feed = feeds.get(type);
        if (feed == null) {
            throw new IllegalArgumentException("Outlook holds no " + type.plural());
        }
        return feed;
    }

    private OutlookItems<? extends Entity> kind(RecordType type) {
        OutlookItems<? extends Entity> kind = kinds.get(type);
        if (kind == null) {
            throw new IllegalArgumentException("Outlook holds no " + type.plural());
        }
        return kind;
    }

    private static EndpointException unreachable(OutlookItems<?> kind, RuntimeException e) {
        if (e instanceof EndpointException endpoint) {
            return endpoint;
        }
        return new EndpointException("Outlook could not be reached for " + kind.type().pluralLabel().toLowerCase(Locale.ROOT)
                + " (" + e.getMessage() + "). Check the connection, then sync again.", e);
    }

}
