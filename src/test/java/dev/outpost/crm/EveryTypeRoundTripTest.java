package dev.outpost.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.RecordType;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.UserKey;
import dev.outpost.sync.WriteOutcome;

/** Every field of every type goes to the demo server and comes back unchanged, references included. */
class EveryTypeRoundTripTest {

    private DemoServer server;
    private DataverseEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        server = DemoServer.start(0, DemoOptions.defaults().records(0));
        endpoint = new DataverseEndpoint(CrmConnection.of(server.url(), TokenSource.fixed(server.issueToken())));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String create(RecordType type, Map<String, String> values) {
        WriteOutcome outcome = endpoint.write(type, List.of(new RemoteWrite.Create(java.util.UUID.randomUUID().toString(),
                values))).getFirst();
        assertThat(outcome).isInstanceOf(WriteOutcome.Written.class);
        String id = ((WriteOutcome.Written) outcome).remoteId();
        assertThat(endpoint.fetch(type, id)).map(RemoteRecord::values).hasValue(values);
        return id;
    }

    @Test
    void everyFieldOfEveryTypeRoundTrips() {
        String account = create(RecordType.ACCOUNT, Map.of("name", "Contoso", "phone", "+1 555 0100",
                "website", "https://contoso.example", "city", "Seattle"));
        String contact = create(RecordType.CONTACT, Map.of("firstName", "Ada", "lastName", "Lovelace",
                "email", "ada@example.com", "phone", "+44 1", "mobile", "+44 2", "jobTitle", "Analyst",
                "accountId", account, "private", "true", "category", "VIP"));
        String deal = create(RecordType.OPPORTUNITY, Map.of("name", "Big deal", "accountId", account,
                "estimatedValue", "125000.50", "closeDate", "2026-06-30", "probability", "40", "stage", "Propose"));
        create(RecordType.TASK, Map.of("subject", "Call back", "notes", "Line one\nLine two", "due", "2026-05-02",
                "priority", "high", "done", "false", "regardingId", contact));
        create(RecordType.APPOINTMENT, Map.of("subject", "Demo", "start", "2026-05-01T08:00:00Z",
                "end", "2026-05-01T09:00:00Z", "location", "Room 1", "notes", "Bring slides", "regardingId", deal));
        create(RecordType.EMAIL, Map.of("subject", "Offer", "from", "me@example.com",
                "to", "a@example.com; b@example.com", "sent", "2026-04-01T12:00:00Z", "body", "Hello", "regardingId",
                account));
    }

    @Test
    void aRegardingTargetNeverReadIsFoundBeforeWriting() {
        String deal = create(RecordType.OPPORTUNITY, Map.of("name", "Deal"));
        DataverseEndpoint fresh = new DataverseEndpoint(CrmConnection.of(server.url(),
                TokenSource.fixed(server.issueToken())));

        WriteOutcome outcome = fresh.write(RecordType.TASK, List.of(new RemoteWrite.Create(
                java.util.UUID.randomUUID().toString(), Map.of("subject", "Follow up", "regardingId", deal)))).getFirst();

        assertThat(outcome).isInstanceOf(WriteOutcome.Written.class);
    }

    @Test
    void anUpdateClearsAReference() {
        String account = create(RecordType.ACCOUNT, Map.of("name", "Contoso"));
        String contact = create(RecordType.CONTACT, Map.of("lastName", "Lovelace", "accountId", account));
        RemoteRecord before = endpoint.fetch(RecordType.CONTACT, contact).orElseThrow();

        endpoint.write(RecordType.CONTACT, List.of(new RemoteWrite.Update(contact, before.version(),
                Map.of("lastName", "Lovelace"))));

        assertThat(endpoint.fetch(RecordType.CONTACT, contact)).map(RemoteRecord::values)
                .hasValue(Map.of("lastName", "Lovelace"));
    }

    @Test
    void aBindToAMissingRecordFailsTheWriteWithoutCallingTheRecordGone() {
        String contact = create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));
        RemoteRecord before = endpoint.fetch(RecordType.CONTACT, contact).orElseThrow();

        WriteOutcome outcome = endpoint.write(RecordType.CONTACT, List.of(new RemoteWrite.Update(contact,
                before.version(), Map.of("lastName", "Lovelace", "accountId", "12345678-1234-4234-8234-123456789012"))))
                .getFirst();

        assertThat(outcome).isInstanceOfSatisfying(WriteOutcome.Failed.class,
                failed -> assertThat(failed.retryable()).isFalse());
    }

    @Test
    void moreWritesThanTheBatchSizeAllGetAnswers() {
        DataverseEndpoint small = new DataverseEndpoint(CrmConnection.of(server.url(),
                TokenSource.fixed(server.issueToken())).batchSize(3));
        List<RemoteWrite> writes = java.util.stream.IntStream.range(0, 10).<RemoteWrite>mapToObj(i ->
                new RemoteWrite.Create("c" + i, Map.of("name", "Account " + i))).toList();

        assertThat(small.write(RecordType.ACCOUNT, writes)).hasSize(10)
                .allSatisfy(o -> assertThat(o).isInstanceOf(WriteOutcome.Written.class));
        assertThat(server.count("accounts")).isEqualTo(10);
    }

    @Test
    void findByUserKeyWorksForActivities() {
        create(RecordType.TASK, Map.of("subject", "Call O'Brien", "due", "2026-05-02"));
        create(RecordType.TASK, Map.of("subject", "Call O'Brien", "due", "2026-05-03"));

        assertThat(endpoint.findByUserKey(RecordType.TASK, UserKey.of(RecordType.TASK,
                Map.of("subject", "call  o'brien", "due", "2026-05-02")).orElseThrow()))
                .singleElement().satisfies(r -> assertThat(r.values()).containsEntry("due", "2026-05-02"));
    }

    @Test
    void aDeltaOfAnActivityReportsItsRegardingTarget() {
        String account = create(RecordType.ACCOUNT, Map.of("name", "Contoso"));
        ChangePage first = endpoint.changes(RecordType.TASK, Optional.empty());
        create(RecordType.TASK, Map.of("subject", "Visit", "regardingId", account));

        ChangePage delta = endpoint.changes(RecordType.TASK, first.anchor());

        assertThat(delta.changes()).singleElement().isInstanceOfSatisfying(RemoteChange.Upsert.class,
                upsert -> assertThat(upsert.record().values()).containsEntry("regardingId", account));
    }
}
