package dev.outpost.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.RecordType;
import dev.outpost.sync.AnchorExpiredException;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.EndpointException;
import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.WriteOutcome;

/** The connector against the demo server's fault knobs: it completes through transient faults and says why it can't. */
class DemoFaultsTest {

    private static final int ROWS = 30;

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private DemoServer server;
    private DemoServerActor other;

    @BeforeEach
    void start() throws IOException {
        server = DemoServer.start(0, DemoOptions.defaults().records(0).seed(7));
        other = new DemoServerActor(server);
        for (int i = 0; i < ROWS; i++) {
            other.create(RecordType.CONTACT, Map.of("lastName", "Row" + i, "email", "row" + i + "@example.com"));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DataverseEndpoint endpoint(RetryPolicy retry, Duration timeout) {
        CrmConnection connection = CrmConnection.of(server.url(), TokenSource.fixed(server.issueToken())).pageSize(4)
                .batchSize(5).timeouts(Duration.ofSeconds(2), timeout);
        return new DataverseEndpoint(connection, retry.sleeper(sleeper));
    }

    private DataverseEndpoint endpoint() {
        return endpoint(RetryPolicy.defaults().tries(8, 12), Duration.ofSeconds(10));
    }

    private static List<RemoteChange> drain(DataverseEndpoint endpoint, Optional<String> from, List<String> anchor) {
        List<RemoteChange> changes = new ArrayList<>();
        Optional<String> token = from;
        while (true) {
            ChangePage page = endpoint.changes(RecordType.CONTACT, token);
            changes.addAll(page.changes());
            if (page.isLast()) {
                anchor.add(page.anchor().orElseThrow());
                return changes;
            }
            token = page.next();
        }
    }

    /** Lists everything, then edits every row in batches; both must come through whole. */
    private void listAndWriteEverything(DataverseEndpoint endpoint) {
        List<RemoteChange> listing = drain(endpoint, Optional.empty(), new ArrayList<>());
        assertThat(listing).hasSize(ROWS);
        List<RemoteWrite> writes = new ArrayList<>();
        for (RemoteChange change : listing) {
            RemoteRecord record = ((RemoteChange.Upsert) change).record();
            writes.add(new RemoteWrite.Update(record.remoteId(), record.version(),
                    Map.of("lastName", record.values().get("lastName"), "jobTitle", "Edited")));
        }
        writes.add(new RemoteWrite.Create("client-fault-1", Map.of("lastName", "Created under fire")));
        List<WriteOutcome> outcomes = endpoint.write(RecordType.CONTACT, writes);
        assertThat(outcomes).hasSize(ROWS + 1).allSatisfy(outcome -> assertThat(outcome)
                .isInstanceOfAny(WriteOutcome.Written.class, WriteOutcome.RemoteChanged.class));
        assertThat(server.count("contacts")).isEqualTo(ROWS + 1);
    }

    @Test
    void aStormOf429sStillCompletes() {
        server.faults().throttle(0.5, 2);

        listAndWriteEverything(endpoint());

        assertThat(sleeper.waits).isNotEmpty().allSatisfy(wait -> assertThat(wait).isEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void serverErrorsAtThirtyPercentStillComplete() {
        server.faults().serverErrors(0.3);

        listAndWriteEverything(endpoint());

        assertThat(sleeper.waits).isNotEmpty();
    }

    @Test
    void connectionsDroppedMidResponseAreRetried() {
        server.faults().dropConnections(0.3);

        listAndWriteEverything(endpoint());

        assertThat(sleeper.waits).isNotEmpty();
    }

    @Test
    void anExpiredDeltaLinkExpiresTheAnchor() {
        DataverseEndpoint endpoint = endpoint();
        List<String> anchor = new ArrayList<>();
        drain(endpoint, Optional.empty(), anchor);
        server.expireDeltaTokensNow();

        assertThatThrownBy(() -> endpoint.changes(RecordType.CONTACT, Optional.of(anchor.getFirst())))
                .isInstanceOf(AnchorExpiredException.class);
    }

    @Test
    void anExpiredBearerTokenAsksTheUserToSignInAgain() {
        DataverseEndpoint endpoint = endpoint();
        server.faults().expireTokensNow();

        assertThatThrownBy(() -> endpoint.changes(RecordType.CONTACT, Optional.empty()))
                .isInstanceOf(EndpointException.class).hasMessageContaining("Sign in again");
    }

    @Test
    void aServerSlowerThanTheTimeoutIsRetriedThenReportedClearly() {
        server.faults().latency(400);
        DataverseEndpoint endpoint = endpoint(RetryPolicy.defaults(), Duration.ofMillis(100));

        assertThatThrownBy(() -> endpoint.fetch(RecordType.CONTACT, "11111111-2222-4333-8444-555555555555"))
                .isInstanceOf(EndpointException.class).hasMessageContaining("did not answer within 100 ms")
                .hasMessageContaining("network");
        assertThat(sleeper.waits).hasSize(3);
    }
}
