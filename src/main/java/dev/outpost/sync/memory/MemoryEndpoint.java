package dev.outpost.sync.memory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import dev.outpost.model.RecordType;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.Endpoint;
import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.UserKey;
import dev.outpost.sync.WriteOutcome;
import dev.outpost.sync.memory.Tokens.Cursor;
import dev.outpost.sync.memory.Tokens.Listing;

/**
 * The reference endpoint, in memory, like vdirsyncer's memory storage: what the engine's tests, property
 * tests and benchmark sync against. It keeps the contract real services keep (paged feeds ending in an
 * anchor, deltas of whole records and removals, conditional writes, idempotent creates by client id, a
 * scope whose leavers are not deletions), so an engine proven here behaves the same against the CRM and
 * the mailbox; and its {@link #faults()} reproduce on demand what those services do on a bad day.
 *
 * <p>Fast by construction: records sit in sorted maps and the change log is compacted per record, so a
 * listing pages through the store without copying it and a delta costs what changed, not what is stored.
 *
 * <p>The "other user" methods ({@link #createRemote}, {@link #edit}, {@link #remove}, {@link #bumpVersion},
 * ...) change the store as someone else would, directly and without faults. All methods are thread-safe.
 * Ids and feed faults come from seeded generators ({@link #seed}), so a run can be replayed.
 */
public final class MemoryEndpoint implements Endpoint {

    public static final int DEFAULT_PAGE_SIZE = 500;
    public static final int DEFAULT_BATCH_SIZE = 50;
    static final long DEFAULT_SEED = 20_261_121L;

    private final String name;
    private final Path file;
    private final Faults faults = new Faults();
    private final FeedFaults feed = new FeedFaults();
    private final Map<RecordType, TypeStore> stores = new EnumMap<>(RecordType.class);
    private final ChangeLog log = new ChangeLog();
    private final String epoch;
    private final Tokens tokens;
    private final FeedPages pages;
    private Random ids = new Random(DEFAULT_SEED);
    private long lastVersion;
    private long writeCount;
    private Clock clock = Clock.systemUTC();
    private int pageSize = DEFAULT_PAGE_SIZE;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private final List<String> sharingCalls = new ArrayList<>();
    private String sharingRefusal = "";

    /** An empty endpoint named "Memory", kept in memory only. */
    public MemoryEndpoint() {
        this("Memory");
    }

    /** An empty endpoint with the name messages use ("CRM", "Outlook"), kept in memory only. */
    public MemoryEndpoint(String name) {
        this(name, null, null);
    }

    private MemoryEndpoint(String name, Path file, PersistedState saved) {
        this.name = Objects.requireNonNull(name);
        this.file = file;
        for (RecordType type : RecordType.values()) {
            stores.put(type, new TypeStore(type));
        }
        this.epoch = saved == null ? UUID.randomUUID().toString().substring(0, 8) : saved.epoch();
        this.tokens = new Tokens(epoch);
        this.pages = new FeedPages(log, stores, tokens);
        if (saved != null) {
            restore(saved);
        }
    }

    /**
     * An endpoint that survives its process, for crash tests in a child JVM: it starts from the state in
     * {@code file} if there is one and saves its whole state there after every change. Keep such stores
     * small; every change rewrites the file. Scope predicates and fault knobs are not saved.
     */
    public static MemoryEndpoint persistentIn(Path file) {
        MemoryEndpoint endpoint = new MemoryEndpoint("Memory", file,
                Files.exists(file) ? PersistedState.read(file) : null);
        endpoint.persist();
        return endpoint;
    }

    // ---- configuration

    /** The fault knobs; all off by default. */
    public Faults faults() {
        return faults;
    }

    /** Reseeds the generators of new remote ids and of random faults. */
    public synchronized MemoryEndpoint seed(long seed) {
        ids = new Random(seed);
        faults.seed(seed);
        return this;
    }

    /** The most entries a feed page holds (default {@value #DEFAULT_PAGE_SIZE}). */
    public synchronized MemoryEndpoint pageSize(int entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("A page holds at least one entry, not " + entries);
        }
        this.pageSize = entries;
        return this;
    }

    /** The batch size the engine is told to use (default {@value #DEFAULT_BATCH_SIZE}). */
    public synchronized MemoryEndpoint batchSize(int writes) {
        if (writes < 1) {
            throw new IllegalArgumentException("A batch holds at least one write, not " + writes);
        }
        this.batchSize = writes;
        return this;
    }

    /** Where {@link RemoteRecord#modifiedAt()} comes from, for newest-wins tests. */
    public synchronized MemoryEndpoint clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /**
     * What this pair syncs of the type, as a filter on values (default: everything). Records outside are
     * absent from listings, fetch and user-key search; a record that moves out is reported
     * {@link RemoteChange.OutOfScope} by the next delta, one that moves back in as an upsert. Changing the
     * scope reports every record it moves, like an edit that changed nothing but its membership.
     */
    public synchronized MemoryEndpoint scope(RecordType type, Predicate<Map<String, String>> inScope) {
        TypeStore store = store(type);
        for (RemoteRecord record : store.all()) {
            if (store.inScope(record) != inScope.test(record.values())) {
                log.record(type, record.remoteId());
            }
        }
        store.scope(Objects.requireNonNull(inScope));
        persist();
        return this;
    }

    // ---- the endpoint

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized int batchSize() {
        return batchSize;
    }

    @Override
    public synchronized ChangePage changes(RecordType type, Optional<String> from) {
        faults.checkReachable(name);
        Cursor cursor;
        if (from.isEmpty()) {
            cursor = new Listing(type, log.position(), "");
        } else {
            faults.checkTokenAccepted(type);
            cursor = tokens.parse(type, from.get(), log.position());
        }
        List<RemoteChange> carried = feed.takeCarried(from);
        if (faults.emptyPageNow()) {
            String next = tokens.next(cursor);
            feed.carry(next, carried);
            return ChangePage.more(List.of(), next);
        }
        ChangePage page = pages.page(cursor, pageSize);
        List<RemoteChange> shaped = faults.unreadableRows(feed.shape(page.changes(), carried, page.next(), faults,
                entry -> pages.statesOf(type, entry)));
        return new ChangePage(shaped, page.next(), page.anchor());
    }

    @Override
    public synchronized Optional<RemoteRecord> fetch(RecordType type, String remoteId) {
        faults.checkReachable(name);
        faults.checkReadable(name, type, remoteId);
        TypeStore store = store(type);
        return store.live(remoteId).filter(store::inScope);
    }

    @Override
    public synchronized List<RemoteRecord> fetchReferenced(RecordType type, Set<String> remoteIds) {
        faults.checkReachable(name);
        TypeStore store = store(type);
        List<RemoteRecord> found = new ArrayList<>();
        for (String remoteId : remoteIds) {
            faults.checkReadable(name, type, remoteId);
            store.live(remoteId).ifPresent(found::add); // whatever the scope: that is the point
        }
        return found;
    }

    @Override
    public synchronized List<RemoteRecord> findByUserKey(RecordType type, UserKey key) {
        faults.checkReachable(name);
        TypeStore store = store(type);
        return store.withKey(key).stream().filter(store::inScope).toList();
    }

    /** Answers whether the create arrived whatever the scope: that question is about duplicates, not sync. */
    @Override
    public synchronized Optional<RemoteRecord> findCreated(RecordType type, String clientId) {
        faults.checkReachable(name);
        TypeStore store = store(type);
        return store.marked(clientId).flatMap(store::live);
    }

    /**
     * Makes the writes in order. Written and Deleted answers count as successful writes ({@link #writeCount()},
     * {@link Faults#crashAfterWrites}), also when nothing needed doing: a replayed create, a second delete.
     */
    @Override
    public synchronized List<WriteOutcome> write(RecordType type, List<RemoteWrite> batch) {
        faults.checkReachable(name);
        List<WriteOutcome> outcomes = new ArrayList<>(batch.size());
        try {
            if (faults.crashBeforeWriting()) {
                throw new SimulatedCrash(name + " crashed (simulated) before the batch's first write");
            }
            for (RemoteWrite write : batch) {
                WriteOutcome outcome = faults.failure(type, write).orElseGet(() -> apply(type, write));
                outcomes.add(outcome);
                if (outcome instanceof WriteOutcome.Written || outcome instanceof WriteOutcome.Deleted) {
                    writeCount++;
                    if (faults.crashAfterSuccess()) {
                        throw new SimulatedCrash(name + " crashed (simulated) after write " + outcomes.size()
                                + " of a batch of " + batch.size() + "; those writes were made");
                    }
                }
            }
        } finally {
            persist();
        }
        return outcomes;
    }

    /**
     * Records the call ({@link #sharingCalls}); this endpoint has no sharing marker, so nothing else changes. Each
     * id answers Written with an empty version, or Failed while {@link #refuseSharing} holds a reason.
     */
    @Override
    public synchronized List<WriteOutcome> release(RecordType type, List<String> remoteIds) {
        return sharing("release", type, remoteIds);
    }

    /** As {@link #release}. */
    @Override
    public synchronized List<WriteOutcome> claim(RecordType type, List<String> remoteIds) {
        return sharing("claim", type, remoteIds);
    }

    private List<WriteOutcome> sharing(String call, RecordType type, List<String> remoteIds) {
        faults.checkReachable(name);
        remoteIds.forEach(id -> sharingCalls.add(call + " " + type.id() + " " + id));
        return remoteIds.stream().<WriteOutcome>map(id -> sharingRefusal.isEmpty() ? new WriteOutcome.Written(id, "")
                : new WriteOutcome.Failed(sharingRefusal, true)).toList();
    }

    /** The release and claim calls so far, one per id, as "release contact r-1" or "claim task r-7". */
    public synchronized List<String> sharingCalls() {
        return List.copyOf(sharingCalls);
    }

    /** Refuses every release and claim with this reason from now on; empty takes them again. */
    public synchronized MemoryEndpoint refuseSharing(String reason) {
        this.sharingRefusal = reason;
        return this;
    }

    // ---- the other user

    /** Creates a record as someone else would; the next delta reports it. */
    public synchronized RemoteRecord createRemote(RecordType type, Map<String, String> values) {
        RemoteRecord record = insert(type, values);
        persist();
        return record;
    }

    /**
     * Changes some fields as someone else would; a blank or null value clears the field.
     *
     * @throws NoSuchElementException when there is no such record
     */
    public synchronized RemoteRecord edit(RecordType type, String remoteId, Map<String, String> changes) {
        RemoteRecord old = existing(type, remoteId);
        Map<String, String> values = new HashMap<>(old.values());
        changes.forEach((field, value) -> {
            if (value == null || value.isBlank()) {
                values.remove(field);
            } else {
                values.put(field, value);
            }
        });
        RemoteRecord record = replace(type, remoteId, values, true);
        persist();
        return record;
    }

    /** Deletes a record as someone else would; false when there was none. */
    public synchronized boolean remove(RecordType type, String remoteId) {
        boolean removed = delete(type, remoteId);
        persist();
        return removed;
    }

    /**
     * Gives the record a new version (and modification time) with the same values, unseen by the change
     * feed, as a server-side workflow that touches a row would: the engine's next conditional write to it
     * answers RemoteChanged, and only a fetch shows why.
     */
    public synchronized RemoteRecord bumpVersion(RecordType type, String remoteId) {
        RemoteRecord record = replace(type, remoteId, existing(type, remoteId).values(), false);
        persist();
        return record;
    }

    /** The record as stored, in scope or not. */
    public synchronized Optional<RemoteRecord> get(RecordType type, String remoteId) {
        return store(type).live(remoteId);
    }

    /** Every record of the type, in scope or not, in id order; a snapshot. */
    public synchronized List<RemoteRecord> all(RecordType type) {
        return List.copyOf(store(type).all());
    }

    /** The records of the type a complete listing reports, in id order; a snapshot. */
    public synchronized List<RemoteRecord> inScope(RecordType type) {
        TypeStore store = store(type);
        return store.all().stream().filter(store::inScope).toList();
    }

    /** How many records of the type exist, in scope or not. */
    public synchronized int count(RecordType type) {
        return store(type).size();
    }

    /** Successful writes made through {@link #write} since creation or {@link #resetCounters()}. */
    public synchronized long writeCount() {
        return writeCount;
    }

    /** Starts {@link #writeCount()} from zero, so a test can count what one sync writes. */
    public synchronized void resetCounters() {
        writeCount = 0;
    }

    // ---- internals

    private WriteOutcome apply(RecordType type, RemoteWrite write) {
        TypeStore store = store(type);
        return switch (write) {
            case RemoteWrite.Create create -> {
                RemoteRecord record = store.marked(create.clientId()).flatMap(store::live).orElseGet(() -> {
                    RemoteRecord made = insert(type, create.values());
                    store.mark(create.clientId(), made.remoteId());
                    return made;
                });
                yield new WriteOutcome.Written(record.remoteId(), record.version());
            }
            case RemoteWrite.Update update -> store.live(update.remoteId())
                    .<WriteOutcome>map(current -> current.version().equals(update.expectedVersion())
                            ? written(replace(type, current.remoteId(), update.values(), true))
                            : new WriteOutcome.RemoteChanged())
                    .orElseGet(WriteOutcome.RemoteGone::new);
            case RemoteWrite.Delete delete -> {
                Optional<RemoteRecord> current = store.live(delete.remoteId());
                if (current.isPresent() && !current.get().version().equals(delete.expectedVersion())) {
                    yield new WriteOutcome.RemoteChanged();
                }
                delete(type, delete.remoteId());
                yield new WriteOutcome.Deleted();
            }
        };
    }

    private static WriteOutcome written(RemoteRecord record) {
        return new WriteOutcome.Written(record.remoteId(), record.version());
    }

    private RemoteRecord insert(RecordType type, Map<String, String> values) {
        String id;
        do {
            id = new UUID(ids.nextLong() & ~0xF000L | 0x4000L,
                    ids.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L).toString();
        } while (log.knows(type, id));
        return replace(type, id, values, true);
    }

    /** Stores a new state with a new version; {@code visible} says whether the change feed reports it. */
    private RemoteRecord replace(RecordType type, String remoteId, Map<String, String> values, boolean visible) {
        RemoteRecord record = new RemoteRecord(remoteId, Long.toString(++lastVersion), values, clock.instant());
        store(type).put(record);
        if (visible) {
            log.record(type, remoteId);
        }
        return record;
    }

    private boolean delete(RecordType type, String remoteId) {
        boolean deleted = store(type).delete(remoteId).isPresent();
        if (deleted) {
            log.record(type, remoteId);
        }
        return deleted;
    }

    private RemoteRecord existing(RecordType type, String remoteId) {
        return store(type).live(remoteId).orElseThrow(() -> new NoSuchElementException(
                name + " has no " + type.id() + " with remote id " + remoteId));
    }

    private TypeStore store(RecordType type) {
        return stores.get(Objects.requireNonNull(type));
    }

    private void persist() {
        if (file != null) {
            PersistedState.capture(epoch, lastVersion, log, stores).write(file);
        }
    }

    private void restore(PersistedState saved) {
        lastVersion = saved.lastVersion();
        saved.restoreInto(log, stores);
        ids = new Random(DEFAULT_SEED ^ lastVersion * 0x9E37_79B9_7F4A_7C15L);
    }
}
