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

    /** A GUID for the n-th made-up contact, in order: {@code 00000000-0000-4000-8000-<n>}. */
    private static String guid(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    private static String contactRow(String id) {
        return "{\"@odata.etag\":\"W/\\\"7\\\"\",\"contactid\":\"" + id + "\",\"lastname\":\"Row " + id.substring(30)
                + "\",\"modifiedon\":\"2026-03-01T09:30:00Z\"}";
    }

    private static String expectedFilterQuery(List<String> ids) {
        StringBuilder values = new StringBuilder();
        for (String id : ids) {
            values.append(values.isEmpty() ? "" : "%2C").append("%27").append(id).append("%27");
        }
        return "$select=" + EntityMapping.of(RecordType.CONTACT).select() + "&$filter=Microsoft.Dynamics.CRM.In%28"
                + "PropertyName%3D%27contactid%27%2CPropertyValues%3D%5B" + values + "%5D%29";
    }

    @Test
    void referencedRowsAreReadInChunksOfAHundredIdsWithAnInFilterOnTheKey() {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (int i = 250; i >= 1; i--) {
            ids.add(guid(i).toUpperCase(java.util.Locale.ROOT)); // any order and case: sent sorted, lower case
        }
        answers.add(new Answer(200, Map.of(), "{\"value\":[" + contactRow(guid(1)) + "," + contactRow(guid(100)) + "]}"));
        answers.add(new Answer(200, Map.of(), "{\"value\":[]}"));
        answers.add(new Answer(200, Map.of(), "{\"value\":[" + contactRow(guid(250)) + "]}"));

        List<dev.outpost.sync.RemoteRecord> found = endpoint.fetchReferenced(RecordType.CONTACT, ids);

        assertThat(found).extracting(dev.outpost.sync.RemoteRecord::remoteId)
                .containsExactlyInAnyOrder(guid(1), guid(100), guid(250));
        assertThat(uris).hasSize(3);
        List<String> sorted = java.util.stream.IntStream.rangeClosed(1, 250).mapToObj(TransportTest::guid).toList();
        assertThat(uris.get(0).getRawPath()).isEqualTo("/api/data/v9.2/contacts");
        assertThat(uris.get(0).getRawQuery()).isEqualTo(expectedFilterQuery(sorted.subList(0, 100)));
        assertThat(uris.get(1).getRawQuery()).isEqualTo(expectedFilterQuery(sorted.subList(100, 200)));
        assertThat(uris.get(2).getRawQuery()).isEqualTo(expectedFilterQuery(sorted.subList(200, 250)));
        assertThat(uris.get(0).toString().length()).isLessThan(8_000);
        assertThat(seen).allSatisfy(headers -> {
            assertThat(headers.getFirst("Prefer")).doesNotContain("track-changes").contains("odata.maxpagesize=500");
            assertThat(headers.getFirst("Authorization")).isEqualTo("Bearer " + TOKEN);
        });
        // What the server decodes: exactly the documented function syntax.
        assertThat(uris.get(2).getQuery()).endsWith("&$filter=Microsoft.Dynamics.CRM.In(PropertyName='contactid',"
                + "PropertyValues=['" + guid(201) + "','" + guid(202) + "'," + "'" + guid(203) + "'"
                + sorted.subList(203, 250).stream().map(id -> ",'" + id + "'").collect(java.util.stream.Collectors.joining())
                + "])");
    }

    @Test
    void nextLinksOfAFilteredListingAreFollowedOnTheSameHostOnly() {
        answers.add(new Answer(200, Map.of(), "{\"value\":[" + contactRow(guid(1)) + "],\"@odata.nextLink\":"
                + "\"https://contoso.crm.dynamics.com/api/data/v9.2/contacts?$skiptoken=abc\"}"));
        answers.add(new Answer(200, Map.of(), "{\"value\":[" + contactRow(guid(2)) + "],\"@odata.nextLink\":"
                + "\"https://evil.example.com/api/data/v9.2/contacts?$skiptoken=def\"}"));

        List<dev.outpost.sync.RemoteRecord> found = endpoint.fetchReferenced(RecordType.CONTACT,
                java.util.Set.of(guid(1), guid(2)));

        assertThat(found).extracting(dev.outpost.sync.RemoteRecord::remoteId).containsExactlyInAnyOrder(guid(1), guid(2));
        assertThat(uris).hasSize(2);
        assertThat(uris.get(1).getRawQuery()).isEqualTo("$skiptoken=abc");
    }

    @Test
    void aServerThatRefusesTheFilterGetsOneReadPerIdFromThenOn() {
        answer(400, "error-412.json");
        answers.add(new Answer(200, Map.of(), contactRow(guid(1))));
        answers.add(new Answer(404, Map.of(), "{\"error\":{\"code\":\"0x80040217\",\"message\":\"contact With Id = "
                + guid(2) + " Does Not Exist\"}}"));

        List<dev.outpost.sync.RemoteRecord> found = endpoint.fetchReferenced(RecordType.CONTACT,
                java.util.Set.of(guid(1), guid(2)));

        assertThat(found).extracting(dev.outpost.sync.RemoteRecord::remoteId).containsExactly(guid(1));
        assertThat(uris).hasSize(3);
        assertThat(uris.get(0).getRawQuery()).contains("$filter=");
        assertThat(uris.get(1).getRawPath()).isEqualTo("/api/data/v9.2/contacts(" + guid(1) + ")");
        assertThat(uris.get(2).getRawPath()).isEqualTo("/api/data/v9.2/contacts(" + guid(2) + ")");

        answers.add(new Answer(200, Map.of(), contactRow(guid(3))));
        assertThat(endpoint.fetchReferenced(RecordType.CONTACT, java.util.Set.of(guid(3))))
                .extracting(dev.outpost.sync.RemoteRecord::remoteId).containsExactly(guid(3));
        assertThat(uris).hasSize(4);
        assertThat(uris.get(3).getRawPath()).isEqualTo("/api/data/v9.2/contacts(" + guid(3) + ")");
        assertThat(uris.get(3).getRawQuery()).doesNotContain("$filter");
    }

    @Test
    void aServerThatIgnoresTheFilterIsNotPagedThroughButAskedPerId() {
        answers.add(new Answer(200, Map.of(), "{\"value\":[" + contactRow(guid(1)) + "," + contactRow(guid(9)) + "],"
                + "\"@odata.nextLink\":\"https://contoso.crm.dynamics.com/api/data/v9.2/contacts?$skiptoken=abc\"}"));
        answers.add(new Answer(200, Map.of(), contactRow(guid(2))));

        List<dev.outpost.sync.RemoteRecord> found = endpoint.fetchReferenced(RecordType.CONTACT,
                java.util.Set.of(guid(1), guid(2)));

        assertThat(found).extracting(dev.outpost.sync.RemoteRecord::remoteId).containsExactlyInAnyOrder(guid(1), guid(2));
        assertThat(uris).hasSize(2);
        assertThat(uris.get(1).getRawPath()).isEqualTo("/api/data/v9.2/contacts(" + guid(2) + ")");
    }

    @Test
    void anUnknownEntitySetIsAnErrorNotAnAbsentRow() {
        answers.add(new Answer(404, Map.of(), "{\"error\":{\"code\":\"0x8006088a\",\"message\":"
                + "\"Resource not found for the segment 'contacts'.\"}}"));

        assertThatThrownBy(() -> endpoint.fetchReferenced(RecordType.CONTACT, java.util.Set.of(guid(1))))
                .isInstanceOf(EndpointException.class);
    }

    @Test
    void throttlingOfAFilteredReadIsRetriedNotTakenForARefusal() {
        answer(429, "error-429.json", "Retry-After", "2");
        answers.add(new Answer(200, Map.of(), "{\"value\":[" + contactRow(guid(1)) + "]}"));

        assertThat(endpoint.fetchReferenced(RecordType.CONTACT, java.util.Set.of(guid(1), guid(2))))
                .extracting(dev.outpost.sync.RemoteRecord::remoteId).containsExactly(guid(1));
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
        assertThat(uris).hasSize(2).allSatisfy(uri -> assertThat(uri.getRawQuery()).contains("$filter="));
    }
}
