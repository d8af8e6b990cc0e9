package dev.outpost.crm;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.outpost.model.RecordType;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.Endpoint;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.UserKey;
import dev.outpost.sync.WriteOutcome;

/**
 * The CRM side of the {@code crm} sync pair: a Dataverse Web API client (java.net.http + Jackson) for the six
 * entity sets of {@code docs/crm-mapping.md}. Change tracking with delta links, conditional writes in
 * {@code $batch} change sets, retries by a {@link RetryPolicy}. Record values are Outpost's canonical text;
 * references ({@code accountId}, {@code regardingId}) stay Dataverse GUIDs, which the engine maps to local ids.
 *
 * <pre>{@code
 * Endpoint crm = new DataverseEndpoint(CrmConnection.of(URI.create("https://contoso.crm.dynamics.com/"),
 *         TokenSource.fixed(token)));
 * }</pre>
 *
 * <p>Thread-safe: every call is independent; the only shared state is a cache of regarding targets.
 */
public final class DataverseEndpoint implements Endpoint, AutoCloseable {

    private final CrmConnection connection;
    private final WebApiClient client;
    private final ChangeFeed feed;
    private final RowQueries queries;
    private final BatchWriter writer;
    private final OwnerFilter owners;

    /** An endpoint with the default retry policy. */
    public DataverseEndpoint(CrmConnection connection) {
        this(connection, RetryPolicy.defaults());
    }

    public DataverseEndpoint(CrmConnection connection, RetryPolicy retry) {
        this(connection, retry, Set.of());
    }

    /**
     * @param mineOnly the types synced as "records I own" (the product's default is every type); rows of these
     *                 types owned by someone else are out of scope, unless a record kept here refers to them
     */
    public DataverseEndpoint(CrmConnection connection, RetryPolicy retry, Set<RecordType> mineOnly) {
        this.connection = connection;
        this.client = new WebApiClient(connection, retry);
        ReferenceTargets targets = new ReferenceTargets();
        this.owners = new OwnerFilter(mineOnly, client);
        this.feed = new ChangeFeed(client, targets, owners);
        this.queries = new RowQueries(client, targets);
        this.writer = new BatchWriter(client, queries, targets);
    }

    @Override
    public String name() {
        return "CRM";
    }

    /**
     * {@inheritDoc}
     *
     * <p>The tokens are the Web API's own links: {@code next} an {@code @odata.nextLink}, the anchor an
     * {@code @odata.deltaLink}. A row the connector cannot read comes as {@link RemoteChange.Unreadable}; one owned by
     * someone else, of a type synced as "records I own", as {@link RemoteChange.OutOfScope}.
     */
    @Override
    public ChangePage changes(RecordType type, Optional<String> from) {
        return feed.changes(type, from);
    }

    @Override
    public Optional<RemoteRecord> fetch(RecordType type, String remoteId) {
        return queries.read(type, remoteId).filter(row -> owners.inScope(type, row.owner())).map(RowReader.Readable::record);
    }

    /**
     * {@inheritDoc}
     *
     * <p>A plain listing (no change tracking) filtered on the key, up to {@value RowQueries#KEY_CHUNK} ids a request:
     * {@code $filter=Microsoft.Dynamics.CRM.In(PropertyName='<key>',PropertyValues=['<guid>',…])}. A server that
     * answers that filter with {@code 400} gets one read per id from then on. A row that cannot be read is left out.
     */
    @Override
    public List<RemoteRecord> fetchReferenced(RecordType type, Set<String> remoteIds) {
        return queries.fetchAll(type, remoteIds);
    }

    @Override
    public List<RemoteRecord> findByUserKey(RecordType type, UserKey key) {
        return queries.findByUserKey(type, key);
    }

    /** {@inheritDoc} Creates use the client id (or a GUID derived from it) as the row's id, so this is a read. */
    @Override
    public Optional<RemoteRecord> findCreated(RecordType type, String clientId) {
        return queries.findCreated(type, clientId);
    }

    @Override
    public List<WriteOutcome> write(RecordType type, List<RemoteWrite> batch) {
        return writer.write(type, batch);
    }

    @Override
    public int batchSize() {
        return connection.batchSize();
    }

    /** Releases the HTTP connections; the endpoint cannot be used afterwards. */
    @Override
    public void close() {
        client.close();
    }
}
