package dev.outpost.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class ConcurrencyTest {

    @Test
    void parallelWritesAllLandWithDistinctVersionsAndTheNextDeltaHasThemAll() throws Exception {
        try (DemoServer server = DemoServer.start(0, DemoOptions.defaults().records(100));
             ExecutorService pool = Executors.newFixedThreadPool(8)) {
            DemoClient client = new DemoClient(server);
            String delta = client.track("accounts?$select=name", 5000).deltaLink();

            List<Future<Integer>> statuses = IntStream.range(0, 200).mapToObj(i -> pool.submit(() ->
                    client.patch("accounts(ffffffff-0000-0000-0000-" + String.format("%012d", i) + ")",
                            "{\"name\":\"Parallel " + i + "\"}", "If-None-Match", "*").statusCode())).toList();
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(204);
            }
            List<JsonNode> changes = client.track(delta, 5000).rows();

            assertThat(changes).hasSize(200);
            assertThat(changes.stream().map(r -> r.get("@odata.etag").asText()).distinct()).hasSize(200);
            assertThat(server.count("accounts")).isEqualTo(210);
        }
    }
}
