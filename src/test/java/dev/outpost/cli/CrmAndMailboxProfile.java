package dev.outpost.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outpost.crm.DataverseEndpoint;
import dev.outpost.crm.RetryPolicy;
import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.RecordType;
import dev.outpost.outlook.OutlookEndpoint;
import dev.outpost.outlook.OutlookPair;
import dev.outpost.outlook.OutlookSettings;
import dev.outpost.outlook.SyncRound;
import dev.outpost.store.Link;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.Endpoint;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;

/**
 * The whole stack over loopback, both pairs: a real store in a profile folder, the real engine, the Dataverse
 * connector and the Outlook connector (Graph SDK), and one demo server serving the CRM and the mailbox. The CRM
 * syncs whole (every record), as the sample's owner does not matter here. The checks read both sides with plain
 * HTTP ({@link CrmColleague}, {@link MailboxColleague}).
 */
final class CrmAndMailboxProfile implements AutoCloseable {

    static final String TOKEN = "e2e";
    private static final ObjectMapper JSON = new ObjectMapper();

    final DemoServer server;
    final Path profile;
    final CrmColleague crm;
    final MailboxColleague mailbox;
    OfflineStore store;
    private final List<AutoCloseable> endpoints = new ArrayList<>();

    CrmAndMailboxProfile(Path profile, int crmRecords, int mailboxItems) {
        try {
            this.server = DemoServer.start(0, DemoOptions.defaults().records(crmRecords).mailboxItems(mailboxItems)
                    .seed(7).fixedToken(TOKEN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.profile = profile;
        this.crm = new CrmColleague(server.apiUrl(), TOKEN);
        this.mailbox = new MailboxColleague(server.graphUrl(), TOKEN);
        this.store = OfflineStore.open(new ProfileFolder(profile));
    }

    SyncPair crmPair() {
        DataverseEndpoint endpoint = new DataverseEndpoint(CrmSession.connection(server.url(), TOKEN),
                RetryPolicy.defaults(), Set.of());
        endpoints.add(endpoint);
        return SyncPair.of("crm", endpoint, ConflictPolicy.ASK);
    }

    OutlookEndpoint outlookEndpoint(int pageSize) {
        OutlookEndpoint endpoint = new OutlookEndpoint(OutlookSettings.of(server.graphUrl(), () -> TOKEN).pageSize(pageSize));
        endpoints.add(endpoint);
        return endpoint;
    }

    SyncPair outlookPair() {
        return OutlookPair.of(outlookEndpoint(100));
    }

    SyncPair outlookPair(Endpoint endpoint) {
        return OutlookPair.of(endpoint);
    }

    /** One run as {@code outpost sync} does it. */
    SyncRound.Reports sync() {
        return sync(outlookPair());
    }

    SyncRound.Reports sync(SyncPair outlook) {
        return new SyncRound(new SyncEngine(store.sync())).run(crmPair(), Optional.of(outlook), RunOptions.normal());
    }

    Optional<Link> link(String pair, String recordId) {
        return store.sync().link(pair, recordId);
    }

    /** The local contact with this e-mail; fails unless there is exactly one. */
    dev.outpost.model.Record contactByEmail(String email) {
        List<dev.outpost.model.Record> found = store.records().list(RecordType.CONTACT, "").stream()
                .filter(r -> email.equalsIgnoreCase(r.get("email"))).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " local contacts have the e-mail " + email);
        }
        return found.getFirst();
    }

    /** Rows of a CRM entity set, all of them. */
    List<JsonNode> crmRows(String set) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.apiUrl().resolve(set))
                    .header("Authorization", "Bearer " + TOKEN).header("Prefer", "odata.maxpagesize=5000").build(),
                    HttpResponse.BodyHandlers.ofString());
            List<JsonNode> rows = new ArrayList<>();
            JSON.readTree(response.body()).path("value").forEach(rows::add);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every item of a mailbox collection. */
    List<JsonNode> mailboxItems(String path) {
        try {
            return mailbox.all(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI graphUrl() {
        return server.graphUrl();
    }

    void closeStore() {
        store.close();
        store = null;
    }

    void reopenStore() {
        store = OfflineStore.open(new ProfileFolder(profile));
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable e : endpoints) {
            e.close();
        }
        crm.close();
        mailbox.close();
        if (store != null) {
            store.close();
        }
        server.close();
    }
}
