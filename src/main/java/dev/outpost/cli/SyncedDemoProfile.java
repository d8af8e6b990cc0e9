package dev.outpost.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import dev.outpost.crm.DataverseEndpoint;
import dev.outpost.crm.RetryPolicy;
import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.RecordType;
import dev.outpost.store.Link;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;
import dev.outpost.sync.SyncReport;

/**
 * One size of {@code bench crm}: a folder-backed demo server of N sample records and a fresh profile synced with it
 * through the Dataverse connector as the CLI configures it, both in one temp folder that {@link #close()} deletes.
 * Every step checks its own result and fails with what went wrong.
 */
final class SyncedDemoProfile implements AutoCloseable {

    private static final String PAIR = "crm";
    private static final int MAX_PICKS = 2000;

    final int size;
    private final Path folder;
    private final DemoServer server;
    private OfflineStore store;
    private DataverseEndpoint crm;
    private CrmColleague colleague;
    private SyncEngine engine;
    private SyncPair pair;
    private List<Pick> contacts;
    private List<Pick> accounts;
    private int pulled;

    /** A synced record the benchmark edits; only the ids, so that the benchmark's own heap stays small. */
    private record Pick(String recordId, String remoteId) {
    }

    /** Starts the demo server, which generates its sample data. */
    SyncedDemoProfile(int size, long seed) throws IOException {
        this.size = size;
        this.folder = Files.createTempDirectory("outpost-bench-crm-");
        try {
            this.server = DemoServer.start(0, DemoOptions.defaults().records(size).seed(seed)
                    .folder(Files.createDirectories(folder.resolve("demo-server"))));
        } catch (IOException | RuntimeException e) {
            deleteTree(folder);
            throw e;
        }
    }

    /** Opens a fresh profile and syncs it for the first time; returns the time the sync took, in ms. */
    long initialSync(long seed) throws IOException {
        store = OfflineStore.open(new ProfileFolder(Files.createDirectories(folder.resolve("profile"))));
        // The product's default filter: the records I own (nine in ten of the sample's) and those they refer to.
        crm = new DataverseEndpoint(CrmSession.connection(server.url(), server.issueToken()), RetryPolicy.defaults(),
                EnumSet.allOf(RecordType.class));
        colleague = new CrmColleague(server.apiUrl(), server.issueToken());
        engine = new SyncEngine(store.sync());
        pair = SyncPair.of(PAIR, crm, ConflictPolicy.ASK);
        long start = System.nanoTime();
        SyncReport initial = engine.run(pair, RunOptions.normal());
        long ms = (System.nanoTime() - start) / 1_000_000;
        pulled = initial.pulled();
        check(pulled <= size && pulled >= size * 8 / 10, "the initial sync of the records I own among " + size
                + " and those they refer to pulled " + pulled);
        Random random = new Random(seed);
        contacts = picks(RecordType.CONTACT, random);
        accounts = picks(RecordType.ACCOUNT, random);
        return ms;
    }

    /** Some linked records of a type, in random order: enough for the incremental runs and the push. */
    private List<Pick> picks(RecordType type, Random random) {
        List<Link> links = new ArrayList<>(store.sync().links(PAIR, type));
        Collections.shuffle(links, random);
        return links.stream().limit(MAX_PICKS).map(l -> new Pick(l.recordId(), l.remoteId())).toList();
    }

    /** How many records the initial sync pulled: those the user owns and those they refer to. */
    int pulled() {
        return pulled;
    }

    /** HTTP requests the demo server has answered so far. */
    long requests() {
        return server.requestCount();
    }

    /**
     * Edits {@code changes} contacts here and as many accounts there (the next ones, round after round), then syncs;
     * returns the sync's time in ns.
     */
    long incrementalRun(int round, int changes) throws IOException, InterruptedException {
        for (int k = 0; k < changes; k++) {
            int i = round * changes + k;
            store.records().update(contacts.get(i % contacts.size()).recordId(), Map.of("jobTitle", "Title " + i));
            colleague.edit("accounts", accounts.get(i % accounts.size()).remoteId(), "address1_city", "City " + i);
        }
        long start = System.nanoTime();
        SyncReport run = engine.run(pair, RunOptions.normal());
        long nanos = System.nanoTime() - start;
        int here = Math.min(changes, contacts.size());
        int there = Math.min(changes, accounts.size());
        check(run.pushed() == here && run.pulled() == there && run.conflicts() == 0, "an incremental run of " + here
                + " changes here and " + there + " there pushed " + run.pushed() + ", pulled " + run.pulled()
                + " and met " + run.conflicts() + " conflicts");
        return nanos;
    }

    /**
     * Edits up to {@code edits} contacts here and syncs; returns the requests beyond what the same sync costs with
     * nothing to push (the six change feeds' reads), and checks that the server holds every edit.
     */
    long push(PrintWriter out, int edits) throws IOException, InterruptedException {
        long before = server.requestCount();
        SyncReport idle = engine.run(pair, RunOptions.normal());
        long pullRequests = server.requestCount() - before;
        check(idle.pushed() == 0 && idle.pulled() == 0, "a sync with nothing to do moved " + idle.pushed() + " records "
                + "there and " + idle.pulled() + " here");
        List<Pick> edited = contacts.subList(0, Math.min(edits, contacts.size()));
        for (int i = 0; i < edited.size(); i++) {
            store.records().update(edited.get(i).recordId(), Map.of("jobTitle", "Pushed " + i));
        }
        before = server.requestCount();
        long start = System.nanoTime();
        SyncReport report = engine.run(pair, RunOptions.normal());
        long ms = (System.nanoTime() - start) / 1_000_000;
        long pushRequests = server.requestCount() - before - pullRequests;
        check(report.pushed() == edited.size() && report.conflicts() == 0, "the push sent " + report.pushed() + " of "
                + edited.size() + " edits and met " + report.conflicts() + " conflicts");
        int missing = 0;
        for (int i = 0; i < edited.size(); i++) {
            if (!("Pushed " + i).equals(colleague.read("contacts", edited.get(i).remoteId(), "jobtitle"))) {
                missing++;
            }
        }
        check(missing == 0, "the demo server lacks " + missing + " of the " + edited.size() + " pushed edits");
        out.printf("records=%d: push of %d contact edits %d ms, %d requests in batches of %d writes, besides the pull's "
                + "%d (what the same sync costs with nothing to push); the server holds every edit%n", size, edited.size(),
                ms, pushRequests, crm.batchSize(), pullRequests);
        return pushRequests;
    }

    @Override
    public void close() throws IOException {
        try (AutoCloseable a = server; AutoCloseable b = store; AutoCloseable c = crm; AutoCloseable d = colleague) {
            // closed in reverse: the colleague, the connector, the store, then the server
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            deleteTree(folder);
        }
    }

    static void check(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalStateException("The benchmark's own check failed: " + problem);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
