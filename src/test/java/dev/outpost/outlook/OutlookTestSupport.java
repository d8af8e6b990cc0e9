package dev.outpost.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A stub Graph and an endpoint pointed at it, with a fixed clock; the stub's strictness is checked after each test. */
abstract class OutlookTestSupport {

    static final String TOKEN = "t0k-3n";
    static final String MASTER_CATEGORIES = "/v1.0/me/outlook/masterCategories";
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    protected GraphStub graph;
    protected OutlookEndpoint endpoint;
    protected final List<Duration> waits = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startStub() {
        graph = new GraphStub();
        // Every endpoint looks for the sharing category once, before its first sync or write.
        graph.otherwise("GET", MASTER_CATEGORIES, 200, "master-categories-shared.json");
        endpoint = new OutlookEndpoint(settings(), waits::add);
    }

    OutlookSettings settings() {
        return OutlookSettings.of(URI.create(graph.base()), () -> TOKEN).pageSize(2)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stopStub() {
        endpoint.close();
        graph.close();
        assertThat(graph.failures()).as("requests the stub did not expect, or expected and did not get").isEmpty();
    }

    /** The requests seen, without the look for the sharing category. */
    java.util.List<GraphStub.Seen> seenBesidesCategories() {
        return graph.seen().stream().filter(s -> !s.path().equals(MASTER_CATEGORIES)).toList();
    }

    /** Every request, batch parts included, carried the bearer token (envelopes) and both preferences. */
    void assertEveryRequestIsAuthorizedAndPrefers(int pageSize) {
        assertThat(graph.seen()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.header("Prefer")).as(request.method() + " " + request.path())
                    .contains("IdType=\"ImmutableId\"").contains("odata.maxpagesize=" + pageSize);
            if (!request.inBatch()) {
                assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            }
        });
    }
}
