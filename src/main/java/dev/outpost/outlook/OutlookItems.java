package dev.outpost.outlook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.microsoft.graph.models.Entity;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;

import dev.outpost.model.RecordType;
import dev.outpost.sync.UserKey;

/**
 * One kind of Outlook item (contacts, events, To Do tasks, messages): where it lives in Graph, how it reads as an
 * Outpost record and how a record is written back, and how the client-side marker of a create is kept and found.
 * Every request built here carries the Prefer header of {@link GraphPrefer}.
 */
abstract class OutlookItems<T extends Entity> {

    /** The extended property that carries a create's client id: a fixed GUID namespace, a string name. */
    static final String MARKER_ID = "String {6c1d52a4-35f6-4be8-9a5e-0f5c3e6b9d27} Name OutpostClientId";

    /** Graph's OData error, the SDK's error mapping for every status. */
    static final Map<String, ParsableFactory<? extends Parsable>> ERRORS = Map.of("XXX", ODataError::createFromDiscriminatorValue);

    static HashMap<String, ParsableFactory<? extends Parsable>> errors() {
        return new HashMap<>(ERRORS);
    }

    /** A page of a delta round: its items, and the next link or the delta link. */
    record DeltaPage<T>(List<T> items, String nextLink, String deltaLink) {
    }

    /** A value Graph cannot take; names the field, never the value. */
    static final class InvalidWrite extends Exception {
        InvalidWrite(String field, String reason) {
            super("The " + field + " value " + reason, null, false, false);
        }
    }

    protected final GraphServiceClient client;
    protected final OutlookSettings settings;
    protected final GraphPrefer prefer;

    OutlookItems(GraphConnection connection, boolean outlookTimes) {
        this.client = connection.client();
        this.settings = connection.settings();
        this.prefer = GraphPrefer.of(settings.pageSize(), outlookTimes);
    }

    abstract RecordType type();

    /** The first page of a complete listing by delta. */
    abstract DeltaPage<T> firstPage();

    /** A page by a next or delta link, followed as it is. */
    abstract DeltaPage<T> page(String link);

    abstract RequestInformation getRequest(String id);

    abstract RequestInformation createRequest(T item);

    abstract RequestInformation updateRequest(String id, T item);

    abstract RequestInformation deleteRequest(String id);

    abstract ParsableFactory<T> factory();

    /** Reads an item; never throws for bad content. */
    abstract ItemRead read(T item);

    /**
     * Why an item cannot be synced at all, if so: it has no id, or no version to write against. Names the field
     * at fault, never a value.
     */
    static Optional<ItemRead> unidentified(String id, String version, String versionField) {
        if (id == null || id.isBlank()) {
            return Optional.of(new ItemRead.Unreadable(dev.outpost.sync.RemoteChange.Unreadable.UNKNOWN_ID, "id", "no id"));
        }
        if (version == null || version.isBlank()) {
            return Optional.of(new ItemRead.Unreadable(id, versionField, "no " + versionField));
        }
        return Optional.empty();
    }

    /**
     * The body that writes these values: all of them for a create ({@code current} null), else a replacement of the
     * fields Outpost maps, cleared where absent, keeping what Outpost does not map (a second e-mail address).
     */
    abstract T body(Map<String, String> values, T current) throws InvalidWrite;

    /** Adds the create's marker and the sharing category to a create's body. */
    abstract void mark(T item, String clientId);

    /** The items a create with this client id made, whatever their category. */
    abstract List<T> findCreated(String clientId);

    /** The request {@link #findCreated} sends first, to go into a batch. */
    abstract RequestInformation findCreatedRequest(String clientId);

    /** The items of an answer to {@link #findCreatedRequest}; a refusal the kind can work around is retried alone. */
    abstract List<T> found(GraphBatch.Answer answer, String clientId);

    /** Candidates for a user key, narrowed by the server; the caller compares the keys. */
    abstract List<T> candidates(UserKey key);

    /** Whether a refused marker filter is worked around by a scan (To Do, whose filter is undocumented). */
    boolean scansWhenFilterRefused() {
        return false;
    }

    /** Whether Outpost may write this kind of item (mail is one-way, Outlook to CRM). */
    boolean writable() {
        return true;
    }

    /** The item's categories (null when it has none). */
    abstract List<String> categories(T item);

    /** A body that changes only the item's categories, to these. */
    abstract T categoriesPatch(List<String> categories);

    /** The item's version: its changeKey, where the kind has one. */
    abstract String version(T item);

    /**
     * What a write needs of an item seen in a delta page, to keep in memory: its version and what {@link #body}
     * keeps from the current item (a contact's further addresses and phones, a task's status).
     */
    T residue(T item) {
        return item;
    }

    /** The item as it is now, or empty when it does not exist. */
    Optional<T> get(String id) {
        try {
            return Optional.ofNullable(client.getRequestAdapter().send(getRequest(id), errors(), factory()));
        } catch (ApiException e) {
            if (e.getResponseStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Every item of a collection, page by page: {@code first} the first page, {@code next} a page by its nextLink,
     * {@code values} and {@code nextLink} a page's parts.
     */
    static <P, T> List<T> all(P first, java.util.function.Function<String, P> next,
            java.util.function.Function<P, List<T>> values, java.util.function.Function<P, String> nextLink) {
        List<T> all = new ArrayList<>();
        P page = first;
        while (page != null) {
            List<T> items = values.apply(page);
            if (items != null) {
                all.addAll(items);
            }
            String link = nextLink.apply(page);
            page = link == null ? null : next.apply(link);
        }
        return all;
    }

    /** Runs a filtered search, or {@code scan} when the server refuses the filter (400). */
    static <T> List<T> filteredOrScanned(java.util.function.Supplier<List<T>> filtered,
            java.util.function.Supplier<List<T>> scan) {
        try {
            return filtered.get();
        } catch (ApiException e) {
            if (e.getResponseStatusCode() != 400) {
                throw e;
            }
            return scan.get();
        }
    }

    /** Whether an item's categories hold the sharing category (category names compare ignoring case). */
    boolean shared(List<String> categories) {
        return categories != null && categories.stream()
                .anyMatch(c -> c != null && c.trim().equalsIgnoreCase(settings.shareCategory().trim()));
    }

    static Instant modified(OffsetDateTime at) {
        return at == null ? Instant.EPOCH : at.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** A text for an OData string literal: quotes doubled. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Sets a property to JSON null in a PATCH: the typed setters of the SDK leave nulls out of the body. */
    static void clear(Entity item, String property) {
        item.getAdditionalData().put(property, null);
    }

    /** The user key's parts, split at its last separators ("subject|start" → subject, start). */
    static List<String> keyParts(UserKey key, int parts) {
        List<String> out = new ArrayList<>();
        String rest = key.value();
        for (int i = 1; i < parts; i++) {
            int at = rest.lastIndexOf('|');
            if (at < 0) {
                break;
            }
            out.addFirst(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        out.addFirst(rest);
        return out;
    }
}
