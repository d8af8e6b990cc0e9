package dev.outpost.crm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.Field;
import dev.outpost.model.FieldKind;
import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.Link;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.MassDeleteGuard;
import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;
import dev.outpost.sync.SyncReport;
import dev.outpost.sync.WriteOutcome;

/**
 * The whole stack over loopback: a real offline store in a profile folder, the real sync engine and the real
 * Dataverse connector, syncing with a demo CRM server holding sample records of every type. Small pages and
 * batches give a run many requests for faults to hit. Reads the server through a token that never expires, so
 * the checks still see it when the sync's own token has expired.
 */
final class DemoCrmProfile implements AutoCloseable {

    static final String PAIR = "crm";
    /** A token the demo server always accepts: the checks' own, never expired by a test. */
    private static final String CHECKER_TOKEN = "e2e-checker";
    /** Plenty of tries: 30% faults on every request, and 50% throttling, must not outlast them. */
    private static final RetryPolicy PATIENT = RetryPolicy.defaults().tries(12, 25);

    final DemoServer server;
    final Path profile;
    final RecordingSleeper sleeper = new RecordingSleeper();
    /** Runs before each wait for a retry, that is right after a request failed. */
    volatile Runnable beforeEachWait = () -> { };
    /** The bearer token the sync sends; a test swaps it for a new one as a user signing in again would. */
    final AtomicReference<String> token = new AtomicReference<>();
    private final DataverseEndpoint checker;
    private volatile String renewal;
    /** How the sync's connector retries; a test may make it give up sooner. */
    RetryPolicy retry = PATIENT;
    OfflineStore store;

    DemoCrmProfile(Path profile, int sampleRecords) {
        try {
            this.server = DemoServer.start(0, DemoOptions.defaults().records(sampleRecords).seed(11)
                    .fixedToken(CHECKER_TOKEN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.profile = profile;
        this.token.set(server.issueToken());
        this.checker = new DataverseEndpoint(CrmConnection.of(server.url(), TokenSource.fixed(CHECKER_TOKEN)));
        this.store = OfflineStore.open(new ProfileFolder(profile));
    }

    /**
     * A connector as the app makes one: small pages and batches, fast retries, and a token source that answers
     * whatever {@link #token} holds at each request, as one backed by a sign-in cache would.
     */
    DataverseEndpoint endpoint() {
        CrmConnection connection = CrmConnection.of(server.url(), this::currentToken).pageSize(7).batchSize(4)
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
        return new DataverseEndpoint(connection, retry.sleeper(wait -> {
            beforeEachWait.run();
            sleeper.sleep(wait);
        }));
    }

    /**
     * Hands out the current token once more, then this one: like a sign-in cache that renews a token the server
     * rejected before its time.
     */
    void renewTokenAfterItsNextUse(String fresh) {
        renewal = fresh;
    }

    private String currentToken() {
        String now = token.get();
        String fresh = renewal;
        if (fresh != null) {
            renewal = null;
            token.set(fresh);
        }
        return now;
    }

    static SyncPair pair(DataverseEndpoint endpoint) {
        return new SyncPair(PAIR, endpoint, ConflictPolicy.ASK, List.of(RecordType.values()), MassDeleteGuard.DEFAULT);
    }

    SyncReport sync() {
        return sync(RunOptions.normal());
    }

    SyncReport sync(RunOptions options) {
        try (DataverseEndpoint endpoint = endpoint()) {
            return new SyncEngine(store.sync()).run(pair(endpoint), options);
        }
    }

    /** Closes the store so that another process may open the profile. */
    void closeStore() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    /** Opens the store again, as a restarted app would. */
    void reopen() {
        closeStore();
        store = OfflineStore.open(new ProfileFolder(profile));
    }

    @Override
    public void close() {
        closeStore();
        checker.close();
        server.close();
    }

    // --- the local side ---

    Record local(RecordType type, String title) {
        List<Record> found = locals(type, title);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " local " + type.plural() + " titled '" + title + "': " + found);
        }
        return found.getFirst();
    }

    List<Record> locals(RecordType type, String title) {
        return store.records().list(type, "").stream().filter(r -> r.title().equals(title)).toList();
    }

    /** The n-th live local record of a type, in title order. */
    Record nth(RecordType type, int n) {
        return store.records().list(type, "").get(n);
    }

    String remoteIdOf(Record record) {
        return store.sync().link(PAIR, record.id())
                .orElseThrow(() -> new AssertionError("'" + record.title() + "' is not linked to the CRM")).remoteId();
    }

    // --- the server side ---

    /** Every row of a type on the server, by id, read through a full listing. */
    Map<String, RemoteRecord> serverRows(RecordType type) {
        Map<String, RemoteRecord> rows = new LinkedHashMap<>();
        Optional<String> from = Optional.empty();
        while (true) {
            ChangePage page = checker.changes(type, from);
            for (RemoteChange change : page.changes()) {
                if (change instanceof RemoteChange.Upsert upsert) {
                    rows.put(upsert.record().remoteId(), upsert.record());
                }
            }
            if (page.isLast()) {
                return rows;
            }
            from = page.next();
        }
    }

    /** The server's rows of a type whose title is this one: more than one is a duplicate. */
    List<RemoteRecord> serverRowsTitled(RecordType type, String title) {
        return serverRows(type).values().stream().filter(r -> type.titleOf(r.values()).equals(title)).toList();
    }

    /** Another user changes some fields of a row through the Web API, any type; the rest stays as it is. */
    void editOnServer(RecordType type, String remoteId, Map<String, String> changes) {
        RemoteRecord now = checker.fetch(type, remoteId).orElseThrow();
        Map<String, String> values = new HashMap<>(now.values());
        values.putAll(changes);
        WriteOutcome outcome = checker.write(type, List.of(new RemoteWrite.Update(remoteId, now.version(), values)))
                .getFirst();
        if (!(outcome instanceof WriteOutcome.Written)) {
            throw new IllegalStateException("The other user's edit of " + remoteId + " failed: " + outcome);
        }
    }

    /** Every row of every type with its version: any write to the server changes it. */
    Map<RecordType, Map<String, RemoteRecord>> serverSnapshot() {
        Map<RecordType, Map<String, RemoteRecord>> all = new TreeMap<>();
        for (RecordType type : RecordType.values()) {
            all.put(type, serverRows(type));
        }
        return all;
    }

    /** Live rows per type as the server counts them. */
    Map<RecordType, Integer> serverCounts() {
        Map<RecordType, Integer> counts = new TreeMap<>();
        for (RecordType type : RecordType.values()) {
            counts.put(type, server.count(type.plural()));
        }
        return counts;
    }

    Map<RecordType, Integer> localCounts() {
        Map<RecordType, Integer> counts = new TreeMap<>();
        for (RecordType type : RecordType.values()) {
            counts.put(type, store.records().list(type, "").size());
        }
        return counts;
    }

    // --- both sides ---

    /**
     * How the store and the server differ, one sentence each: every live local record must be linked to a row
     * there with the same values (references compared as the server's ids), and every row there must be the
     * linked copy of exactly one local record. Empty when they agree exactly.
     */
    List<String> differences() {
        Map<String, String> remoteIdOfLocal = new HashMap<>();
        for (RecordType type : RecordType.values()) {
            for (Link link : store.sync().links(PAIR, type)) {
                remoteIdOfLocal.put(link.recordId(), link.remoteId());
            }
        }
        List<String> differences = new ArrayList<>();
        for (RecordType type : RecordType.values()) {
            Map<String, RemoteRecord> there = new HashMap<>(serverRows(type));
            for (Record record : store.records().list(type, "")) {
                String remoteId = remoteIdOfLocal.get(record.id());
                if (remoteId == null) {
                    differences.add(type.id() + " '" + record.title() + "' is here but not linked to the CRM");
                    continue;
                }
                RemoteRecord row = there.remove(remoteId);
                if (row == null) {
                    differences.add(type.id() + " '" + record.title() + "' is here, but the CRM has no row " + remoteId
                            + " (or it is linked twice)");
                    continue;
                }
                Map<String, String> expected = asTheServerHoldsIt(type, record, remoteIdOfLocal);
                if (!expected.equals(new TreeMap<>(row.values()))) {
                    differences.add(type.id() + " '" + record.title() + "' differs:\n    here  " + expected
                            + "\n    there " + new TreeMap<>(row.values()));
                }
            }
            there.values().forEach(row -> differences.add(type.id() + " '" + type.titleOf(row.values())
                    + "' is in the CRM but not here: " + row.values()));
        }
        return differences;
    }

    private static Map<String, String> asTheServerHoldsIt(RecordType type, Record record, Map<String, String> remoteIds) {
        Map<String, String> values = new TreeMap<>();
        record.values().forEach((name, value) -> {
            if (value == null || value.isEmpty()) {
                return;
            }
            boolean reference = type.field(name).map(Field::kind).filter(k -> k == FieldKind.REFERENCE).isPresent();
            values.put(name, reference ? remoteIds.getOrDefault(value, "unlinked local " + value) : value);
        });
        return values;
    }
}
