package dev.outpost.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.SyncIssue;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;
import dev.outpost.sync.SyncReport;

/**
 * A row the CRM serves with a value the connector cannot read, end to end: the demo server over loopback, the
 * connector, the engine and a real store. Pages of four rows put the bad row among good ones.
 */
class UnreadableRowSyncTest {

    private static final int CONTACTS = 7;
    private static final String TOO_LONG = "\"" + "secret-address-".repeat(8) + "@example.com\"";

    @TempDir
    Path profile;

    private DemoServer server;
    private DemoServerActor other;
    private DataverseEndpoint endpoint;
    private OfflineStore store;
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = DemoServer.start(0, DemoOptions.defaults().records(0).seed(7));
        other = new DemoServerActor(server);
        for (int i = 0; i < CONTACTS; i++) {
            ids.add(other.create(RecordType.CONTACT, Map.of("firstName", "Row", "lastName", "Number " + i,
                    "email", "row" + i + "@example.com")).remoteId());
        }
        endpoint = new DataverseEndpoint(CrmConnection.of(server.url(), TokenSource.fixed(server.issueToken()))
                .pageSize(4));
        store = OfflineStore.open(new ProfileFolder(profile));
    }

    @AfterEach
    void stop() {
        store.close();
        endpoint.close();
        other.close();
        server.close();
    }

    private SyncReport sync() {
        return new SyncEngine(store.sync()).run(SyncPair.of("crm", endpoint, ConflictPolicy.ASK), RunOptions.normal());
    }

    private List<SyncIssue> openIssues() {
        return store.sync().openIssues(Optional.empty());
    }

    private List<String> localTitles() {
        return store.records().list(RecordType.CONTACT, "").stream().map(Record::title).toList();
    }

    private Record localOf(String remoteId) {
        String recordId = store.sync().linksByRemoteId("crm", Set.of(remoteId)).get(remoteId).recordId();
        return store.records().find(recordId).orElseThrow();
    }

    @Test
    void anUnreadableRowIsOneIssueNamingTheRecordAndTheFieldAndEveryOtherRecordIsPulled() {
        String bad = ids.get(2);
        server.faults().serveCorrupted(bad, "emailaddress1", TOO_LONG);

        sync();

        assertThat(openIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo("unreadable-remote");
            assertThat(issue.type()).isEqualTo(RecordType.CONTACT);
            assertThat(issue.remoteId()).isEqualTo(bad);
            assertThat(issue.recordId()).isNull(); // never pulled, so nothing here to name it by but its id
            assertThat(issue.reason()).contains(bad, "'E-mail'", "longer than 100 characters", "Fix the value in CRM")
                    .doesNotContain("secret-address");
        });
        assertThat(localTitles()).hasSize(CONTACTS - 1).doesNotContain("Row Number 2");
    }

    @Test
    void aSecondSyncThatMeetsTheRowAgainCountsAnAttemptAndDeletesNothing() {
        server.faults().serveCorrupted(ids.get(2), "emailaddress1", TOO_LONG);
        sync();
        server.expireDeltaTokensNow(); // a complete listing again, with the bad row in it

        sync();

        assertThat(openIssues()).singleElement().satisfies(issue -> assertThat(issue.attempts()).isEqualTo(2));
        assertThat(localTitles()).hasSize(CONTACTS - 1);
    }

    @Test
    void aPulledRecordThatTurnsUnreadableKeepsItsLocalCopyAndItsIssueClosesOnceTheRowIsFixed() {
        String bad = ids.get(5);
        sync();
        other.edit(RecordType.CONTACT, bad, Map.of("jobTitle", "Buyer"));
        server.faults().serveCorrupted(bad, "lastname", "42");

        sync();

        Record kept = localOf(bad);
        assertThat(kept.get("jobTitle")).isEmpty();
        assertThat(openIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.recordId()).isEqualTo(kept.id());
            assertThat(issue.reason()).contains("'Row Number 5'", "'Last name'", "not text");
        });

        server.faults().clear();
        other.edit(RecordType.CONTACT, bad, Map.of("jobTitle", "Head buyer"));
        sync();

        assertThat(localOf(bad).get("jobTitle")).isEqualTo("Head buyer");
        assertThat(openIssues()).isEmpty();
    }
}
