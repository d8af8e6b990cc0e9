package dev.outpost.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.RecordType;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.RemoteRecord;

/**
 * {@code fetchReferenced} against the demo server over loopback: hundreds of ids in a handful of requests, only the
 * rows of the asked type that exist, whoever owns them, with the same values a single-row read gives.
 */
class FetchReferencedTest {

    private static DemoServer server;
    private static CrmConnection connection;
    /** Contacts owned by the signed-in user, and by colleagues. */
    private static final List<String> mine = new ArrayList<>();
    private static final List<String> colleagues = new ArrayList<>();
    private static final List<String> accounts = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        server = DemoServer.start(0, DemoOptions.defaults().records(3000).seed(11));
        connection = CrmConnection.of(server.url(), TokenSource.fixed(server.issueToken())).pageSize(5000);
        try (DataverseEndpoint all = new DataverseEndpoint(connection);
                DataverseEndpoint minePlease = new DataverseEndpoint(connection, RetryPolicy.defaults(),
                        EnumSet.allOf(RecordType.class))) {
            for (RemoteChange change : everything(minePlease, RecordType.CONTACT)) {
                switch (change) {
                    case RemoteChange.Upsert upsert -> mine.add(upsert.record().remoteId());
                    case RemoteChange.OutOfScope out -> colleagues.add(out.remoteId());
                    default -> { }
                }
            }
            for (RemoteChange change : everything(all, RecordType.ACCOUNT)) {
                if (change instanceof RemoteChange.Upsert upsert) {
                    accounts.add(upsert.record().remoteId());
                }
            }
        }
        assertThat(mine).hasSizeGreaterThan(200);
        assertThat(colleagues).hasSizeGreaterThan(20);
        assertThat(accounts).hasSizeGreaterThan(20);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<RemoteChange> everything(DataverseEndpoint endpoint, RecordType type) {
        List<RemoteChange> changes = new ArrayList<>();
        Optional<String> token = Optional.empty();
        while (true) {
            ChangePage page = endpoint.changes(type, token);
            changes.addAll(page.changes());
            if (page.next().isEmpty()) {
                return changes;
            }
            token = page.next();
        }
    }

    /** 180 of mine, 20 of colleagues', 25 that do not exist, 25 accounts and one id that is no GUID: 251 ids. */
    private static Set<String> asked(Set<String> existing) {
        existing.addAll(mine.subList(0, 180));
        existing.addAll(colleagues.subList(0, 20));
        Set<String> ids = new LinkedHashSet<>(existing);
        for (int i = 0; i < 25; i++) {
            ids.add(UUID.nameUUIDFromBytes(("missing " + i).getBytes()).toString());
            ids.add(accounts.get(i));
        }
        ids.add("not-a-guid");
        return ids;
    }

    @Test
    void hundredsOfIdsCostAFewRequestsAndGiveExactlyTheExistingRowsOfTheTypeWhoeverOwnsThem() {
        Set<String> existing = new HashSet<>();
        Set<String> ids = asked(existing);
        assertThat(ids).hasSizeGreaterThanOrEqualTo(250);
        try (DataverseEndpoint minePlease = new DataverseEndpoint(connection, RetryPolicy.defaults(),
                EnumSet.allOf(RecordType.class));
                DataverseEndpoint all = new DataverseEndpoint(connection)) {
            long before = server.requestCount();

            List<RemoteRecord> found = minePlease.fetchReferenced(RecordType.CONTACT, ids);

            assertThat(server.requestCount() - before).isLessThanOrEqualTo(3);
            assertThat(found).extracting(RemoteRecord::remoteId).containsExactlyInAnyOrderElementsOf(existing);
            for (RemoteRecord record : found) {
                assertThat(all.fetch(RecordType.CONTACT, record.remoteId())).hasValue(record);
            }
            // The "records I own" filter hides a colleague's row from fetch(), never from fetchReferenced().
            assertThat(minePlease.fetch(RecordType.CONTACT, colleagues.getFirst())).isEmpty();
            assertThat(found).extracting(RemoteRecord::remoteId).contains(colleagues.getFirst());
        }
    }

    @Test
    void smallPagesAreFollowedToTheEnd() {
        Set<String> existing = new HashSet<>();
        Set<String> ids = asked(existing);
        try (DataverseEndpoint endpoint = new DataverseEndpoint(connection.pageSize(30))) {
            long before = server.requestCount();

            List<RemoteRecord> found = endpoint.fetchReferenced(RecordType.CONTACT, ids);

            assertThat(found).extracting(RemoteRecord::remoteId).containsExactlyInAnyOrderElementsOf(existing);
            assertThat(server.requestCount() - before).isBetween(7L, 12L); // 3 chunks of up to 100 ids, pages of 30
        }
    }

    @Test
    void aRowThatCannotBeReadIsLeftOutAndTheOthersCome() {
        String bad = mine.get(5);
        server.faults().serveCorrupted(bad, "lastname", "12345");
        try (DataverseEndpoint endpoint = new DataverseEndpoint(connection)) {
            List<RemoteRecord> found = endpoint.fetchReferenced(RecordType.CONTACT, Set.copyOf(mine.subList(0, 10)));

            assertThat(found).extracting(RemoteRecord::remoteId)
                    .containsExactlyInAnyOrderElementsOf(mine.subList(0, 10).stream().filter(id -> !id.equals(bad)).toList());
        } finally {
            server.faults().clear();
        }
    }

    @Test
    void noIdsNoRequest() {
        try (DataverseEndpoint endpoint = new DataverseEndpoint(connection)) {
            long before = server.requestCount();

            assertThat(endpoint.fetchReferenced(RecordType.ACCOUNT, Set.of())).isEmpty();
            assertThat(endpoint.fetchReferenced(RecordType.ACCOUNT, Set.of("nope"))).isEmpty();
            assertThat(server.requestCount()).isEqualTo(before);
        }
    }
}
