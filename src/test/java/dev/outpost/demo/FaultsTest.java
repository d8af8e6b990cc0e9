package dev.outpost.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private DemoServer server;
    private DemoClient client;

    @BeforeEach
    void start() throws Exception {
        server = DemoServer.start(0, DemoOptions.defaults().records(200));
        client = new DemoClient(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void throttlingAtRateOneAnswers429WithRetryAfter() {
        server.faults().throttle(1.0, 7);

        HttpResponse<String> response = client.get("WhoAmI");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(DemoClient.json(response).at("/error/code").asText()).isNotBlank();
    }

    @Test
    void serverErrorsAtRateOneAnswer503() {
        server.faults().serverErrors(1.0);

        assertThat(client.get("WhoAmI").statusCode()).isEqualTo(503);
    }

    @Test
    void clearingTheFaultsServesNormallyAgain() {
        server.faults().serverErrors(1.0).throttle(1.0, 1).clear();

        assertThat(client.get("WhoAmI").statusCode()).isEqualTo(200);
    }

    @Test
    void aRateBetweenZeroAndOneFailsSomeRequests() {
        server.faults().serverErrors(0.5);

        long failed = java.util.stream.IntStream.range(0, 60).map(i -> client.get("WhoAmI").statusCode())
                .filter(s -> s == 503).count();

        assertThat(failed).isBetween(10L, 50L);
    }

    @Test
    void latencyDelaysEveryRequest() {
        server.faults().latency(150);

        long start = System.nanoTime();
        client.get("WhoAmI");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).isGreaterThanOrEqualTo(150);
    }

    @Test
    void aDroppedConnectionMakesTheClientSeeAnIOException() {
        server.faults().dropConnections(1.0);

        assertThatThrownBy(() -> client.get("contacts?$select=lastname", "Prefer", "odata.track-changes"))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void afterADroppedConnectionTheServerStillAnswers() {
        server.faults().dropConnections(1.0);
        assertThatThrownBy(() -> client.get("WhoAmI")).isInstanceOf(UncheckedIOException.class);
        server.faults().dropConnections(0);

        assertThat(client.get("WhoAmI").statusCode()).isEqualTo(200);
    }

    @Test
    void faultsSetAtStartApply() throws Exception {
        try (DemoServer faulty = DemoServer.start(0, DemoOptions.defaults().faults(new DemoFaults(1).serverErrors(1.0)))) {
            assertThat(new DemoClient(faulty).get("WhoAmI").statusCode()).isEqualTo(503);
        }
    }
}
