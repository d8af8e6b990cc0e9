package dev.outpost.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import dev.outpost.model.RecordType;
import dev.outpost.sync.AnchorExpiredException;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.EndpointException;
import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.WriteOutcome;

/** The connector's HTTP behaviour against a tiny loopback server that answers canned fixtures in turn. */
class TransportTest {

    private static final String TOKEN = "secret-token-value";

    /** One canned answer. */
    private record Answer(int status, Map<String, String> headers, String body) {
    }

    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Headers> seen = new CopyOnWriteArrayList<>();
    private final List<URI> uris = new CopyOnWriteArrayList<>();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private HttpServer server;
    private DataverseEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestHeaders());
            uris.add(exchange.getRequestURI());
            exchange.getRequestBody().readAllBytes();
            Answer answer;
            synchronized (answers) {
                answer = answers.isEmpty() ? new Answer(500, Map.of(), "{}") : answers.poll();
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            if (!answer.headers().containsKey("Content-Type")) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
            }
            byte[] body = answer.body().replace("https://contoso.crm.dynamics.com/", url().toString())
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        endpoint = new DataverseEndpoint(CrmConnection.of(url(), TokenSource.fixed(TOKEN)),
                RetryPolicy.defaults().sleeper(sleeper));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void answer(int status, String fixture, String... headers) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        answers.add(new Answer(status, map, fixture == null ? "" : Fixtures.read(fixture)));
    }

    @Test
    void aThrottledRequestWaitsRetryAfterAndTriesAgain() {
        answer(429, "error-429.json", "Retry-After", "7");
        answer(200, "contacts-last-page-with-delta-link.json");

        ChangePage page = endpoint.changes(RecordType.CONTACT, Optional.empty());

        assertThat(page.changes()).hasSize(1);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aLongRetryAfterIsCappedAtAMinute() {
        answer(429, "error-429.json", "Retry-After", "3600");
        answer(200, "contacts-last-page-with-delta-link.json");

        endpoint.changes(RecordType.CONTACT, Optional.empty());

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void serverErrorsBackOffExponentiallyThenGiveUpWithAMessage() {
        for (int i = 0; i < 4; i++) {
            answer(503, null);
        }

        assertThatThrownBy(() -> endpoint.changes(RecordType.CONTACT, Optional.empty()))
                .isInstanceOf(EndpointException.class).hasMessageContaining("HTTP 503").hasMessageContaining("later");
        assertThat(sleeper.waits).hasSize(3);
        assertThat(sleeper.waits.get(0)).isBetween(Duration.ofMillis(200), Duration.ofMillis(300));
        assertThat(sleeper.waits.get(1)).isBetween(Duration.ofMillis(400), Duration.ofMillis(600));
        assertThat(sleeper.waits.get(2)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
    }

    @Test
    void everyRequestCarriesTheODataHeadersAndTheBearerToken() {
        answer(200, "contacts-page-with-next-link.json");
        answer(200, "contacts-last-page-with-delta-link.json");

        ChangePage first = endpoint.changes(RecordType.CONTACT, Optional.empty());
        endpoint.changes(RecordType.CONTACT, first.next());

        assertThat(seen).hasSize(2).allSatisfy(headers -> {
            assertThat(headers.getFirst("Accept")).isEqualTo("application/json");
            assertThat(headers.getFirst("OData-MaxVersion")).isEqualTo("4.0");
            assertThat(headers.getFirst("OData-Version")).isEqualTo("4.0");
            assertThat(headers.getFirst("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(headers.getFirst("Prefer")).contains("odata.track-changes").contains("odata.maxpagesize=500")
                    .contains("lookuplogicalname");
        });
    }

    @Test
    void unauthorizedAsksTheUserToSignInAgainWithoutShowingTheToken() {
        answer(401, null, "WWW-Authenticate", "Bearer");

        assertThatThrownBy(() -> endpoint.fetch(RecordType.CONTACT, "11111111-2222-4333-8444-555555555555"))
                .isInstanceOf(EndpointException.class).hasMessageContaining("Sign in again")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aClientErrorOnADeltaLinkExpiresTheAnchor() {
        answer(400, "error-412.json");
        String anchor = url() + "api/data/v9.2/contacts?$deltatoken=1";

        assertThatThrownBy(() -> endpoint.changes(RecordType.CONTACT, Optional.of(anchor)))
                .isInstanceOf(AnchorExpiredException.class);
    }

    @Test
    void aClientErrorOnAFirstListingIsNoExpiredAnchor() {
        answer(403, "error-412.json");

        assertThatThrownBy(() -> endpoint.changes(RecordType.CONTACT, Optional.empty()))
                .isInstanceOf(EndpointException.class).isNotInstanceOf(AnchorExpiredException.class);
    }

    @Test
    void whenALaterBatchFailsTheEarlierOutcomesAreStillAnswered() {
        DataverseEndpoint oneByOne = new DataverseEndpoint(CrmConnection.of(url(), TokenSource.fixed(TOKEN)).batchSize(1),
                RetryPolicy.defaults().sleeper(sleeper));
        answer(200, "batch-response.txt", "Content-Type",
                "multipart/mixed; boundary=batchresponse_c1bd45c1-dd81-470d-ad7c-38c9a4c2ed5f");
        for (int i = 0; i < 4; i++) {
            answer(503, null);
        }

        List<WriteOutcome> outcomes = oneByOne.write(RecordType.CONTACT, List.of(
                new RemoteWrite.Create("77777777-2222-4333-8444-555555555555", Map.of("lastName", "New")),
                new RemoteWrite.Create("78777777-2222-4333-8444-555555555555", Map.of("lastName", "Newer"))));

        assertThat(outcomes.get(0)).isEqualTo(new WriteOutcome.Written("77777777-2222-4333-8444-555555555555", "2001"));
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(WriteOutcome.Failed.class,
                failed -> assertThat(failed.retryable()).isTrue());
    }

    @Test
    void aUserKeySearchFiltersOnTheServerWithQuotesEscapedAndComparesWholeKeys() {
        answers.add(new Answer(200, Map.of(), """
                {"value":[
                 {"@odata.etag":"W/\\"3\\"","contactid":"11111111-2222-4333-8444-555555555555","lastname":"O'Brien",
                  "emailaddress1":"Sean.O'Brien@example.com","modifiedon":"2026-03-01T09:30:00Z"},
                 {"@odata.etag":"W/\\"4\\"","contactid":"22222222-2222-4333-8444-555555555555","lastname":"Other",
                  "emailaddress1":"other@example.com","modifiedon":"2026-03-01T09:30:00Z"}]}
                """));

        var found = endpoint.findByUserKey(RecordType.CONTACT, dev.outpost.sync.UserKey.of(RecordType.CONTACT,
                Map.of("email", "sean.o'brien@example.com")).orElseThrow());

        assertThat(found).extracting(dev.outpost.sync.RemoteRecord::remoteId)
                .containsExactly("11111111-2222-4333-8444-555555555555");
        assertThat(uris.getFirst().getQuery()).contains("$filter=emailaddress1 eq 'sean.o''brien@example.com'");
        assertThat(seen.getFirst().getFirst("Prefer")).doesNotContain("track-changes");
    }

    @Test
    void aLinkToAnotherHostIsNeverFollowedWithOurToken() {
        assertThatThrownBy(() -> endpoint.changes(RecordType.CONTACT,
                Optional.of("https://evil.example.com/api/data/v9.2/contacts?$deltatoken=1")))
                .isInstanceOf(AnchorExpiredException.class);
        assertThat(seen).isEmpty();
    }
}
