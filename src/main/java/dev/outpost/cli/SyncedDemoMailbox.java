package dev.outpost.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.RecordType;
import dev.outpost.outlook.OutlookEndpoint;
import dev.outpost.outlook.OutlookPair;
import dev.outpost.outlook.OutlookSettings;
import dev.outpost.store.Link;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;
import dev.outpost.sync.SyncReport;

/**
 * {@code bench outlook}'s setup: a demo server whose mailbox holds N shared contacts, events and To Do tasks, and a
 * fresh profile (a real store in a temp folder that {@link #close()} deletes) synced with it through the Outlook
 * connector (the Graph SDK) as the CLI configures it, the Outlook pair only. Every step checks its own result.
 */
final class SyncedDemoMailbox implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "bench";

    final int size;
    private final Path folder;
    private final DemoServer server;
    private final MailboxColleague colleague;
    private OfflineStore store;
    private OutlookEndpoint mailbox;
    private SyncEngine engine;
    private SyncPair pair;
    private List<Link> editedHere;
    private List<Link> editedThere;

    /** Starts the demo server and shares N of its sample items (contacts 3 : events 2.5 : tasks 1.5). */
    SyncedDemoMailbox(int size, long seed) throws IOException, InterruptedException {
        this.size = size;
        this.folder = Files.createTempDirectory("outpost-bench-outlook-");
        // 70% of a sample mailbox is contacts, events and tasks; the rest is mail, kept out of scope.
        this.server = DemoServer.start(0, DemoOptions.defaults().seed(seed).fixedToken(TOKEN)
                .mailboxItems((int) Math.ceil(size / 0.7) + 2));
        this.colleague = new MailboxColleague(server.graphUrl(), TOKEN);
        int shared = colleague.shareOnly(size, Instant.now());
        SyncedDemoProfile.check(shared == size, "the demo mailbox shared " + shared + " items, not " + size);
    }

    /** Opens a fresh profile and syncs it with the mailbox for the first time; returns the time it took, in ms. */
    long initialSync(long seed) throws IOException {
        store = OfflineStore.open(new ProfileFolder(Files.createDirectories(folder.resolve("profile"))));
        mailbox = new OutlookEndpoint(OutlookSettings.of(server.graphUrl(), () -> TOKEN));
        engine = new SyncEngine(store.sync());
        pair = OutlookPair.of(mailbox);
        long start = System.nanoTime();
        SyncReport initial = engine.run(pair, RunOptions.normal());
        long ms = (System.nanoTime() - start) / 1_000_000;
        SyncedDemoProfile.check(initial.pulled() == size && initial.outcome().equals("done"), "the initial sync of "
                + size + " shared items pulled " + initial.pulled() + " (" + initial.types() + ")");
        List<Link> contacts = new ArrayList<>(store.sync().links(OutlookPair.NAME, RecordType.CONTACT));
        Collections.shuffle(contacts, new Random(seed));
        editedHere = contacts.subList(0, contacts.size() / 2);
        editedThere = contacts.subList(contacts.size() / 2, contacts.size());
        return ms;
    }

    /** HTTP requests the demo server has answered so far, /v1.0 included. */
    long requests() {
        return server.requestCount();
    }

    /**
     * Edits {@code changes} contacts here and as many others in the mailbox (plain Graph PATCHes), then syncs;
     * returns the sync's time in ns.
     */
    long incrementalRun(int round, int changes) throws IOException, InterruptedException {
        for (int k = 0; k < changes; k++) {
            int i = round * changes + k;
            store.records().update(editedHere.get(i % editedHere.size()).recordId(), Map.of("jobTitle", "Title " + i));
            colleague.patch("me/contacts/" + editedThere.get(i % editedThere.size()).remoteId(),
                    JSON.createObjectNode().put("jobTitle", "Outlook title " + i));
        }
        long start = System.nanoTime();
        SyncReport run = engine.run(pair, RunOptions.normal());
        long nanos = System.nanoTime() - start;
        SyncedDemoProfile.check(run.pushed() == changes && run.pulled() == changes && run.conflicts() == 0,
                "an incremental run of " + changes + " changes per side pushed " + run.pushed() + ", pulled "
                        + run.pulled() + " and met " + run.conflicts() + " conflicts");
        return nanos;
    }

    /**
     * Edits {@code edits} contacts here and syncs; returns the requests beyond what the same sync costs with nothing
     * to push (the three delta reads), and checks that the mailbox holds every edit.
     */
    long push(PrintWriter out, int edits) throws IOException, InterruptedException {
        long before = server.requestCount();
        SyncReport idle = engine.run(pair, RunOptions.normal());
        long pullRequests = server.requestCount() - before;
        SyncedDemoProfile.check(idle.pushed() == 0 && idle.pulled() == 0, "a sync with nothing to do moved "
                + idle.pushed() + " items there and " + idle.pulled() + " here");
        List<Link> edited = editedHere.subList(0, Math.min(edits, editedHere.size()));
        for (int i = 0; i < edited.size(); i++) {
            store.records().update(edited.get(i).recordId(), Map.of("jobTitle", "Pushed " + i));
        }
        before = server.requestCount();
        long start = System.nanoTime();
        SyncReport report = engine.run(pair, RunOptions.normal());
        long ms = (System.nanoTime() - start) / 1_000_000;
        long pushRequests = server.requestCount() - before - pullRequests;
        SyncedDemoProfile.check(report.pushed() == edited.size() && report.conflicts() == 0, "the push sent "
                + report.pushed() + " of " + edited.size() + " edits and met " + report.conflicts() + " conflicts");
        int missing = 0;
        for (int i = 0; i < edited.size(); i++) {
            var item = colleague.get("me/contacts/" + edited.get(i).remoteId());
            if (item == null || !("Pushed " + i).equals(item.path("jobTitle").asText())) {
                missing++;
            }
        }
        SyncedDemoProfile.check(missing == 0, "the mailbox lacks " + missing + " of the " + edited.size() + " pushed edits");
        out.printf("records=%d: push of %d contact edits %d ms, %d requests (writes of %d a call, in Graph batches of 20), "
                + "besides the pull's %d (what the same sync costs with nothing to push); the mailbox holds every edit%n",
                size, edited.size(), ms, pushRequests, mailbox.batchSize(), pullRequests);
        return pushRequests;
    }

    @Override
    public void close() throws IOException {
        try (AutoCloseable a = server; AutoCloseable b = store; AutoCloseable c = mailbox; AutoCloseable d = colleague) {
            // closed in reverse: the colleague, the connector, the store, then the server
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
