package dev.outpost.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server speaking the subset of the Dataverse Web API that Outpost's CRM connector uses, with
 * generated sample data, real change tracking, bearer tokens and fault knobs (see {@code docs/crm-mapping.md}), and
 * under {@code /v1.0/} the Microsoft Graph mailbox subset of the Outlook connector ({@link #graphUrl()}).
 * The window's demo mode, the CLI's {@code demo-server}, the tests and the benchmarks all drive it.
 *
 * <pre>{@code
 * try (DemoServer server = DemoServer.start(0, DemoOptions.defaults().records(1000))) {
 *     String token = server.issueToken();
 *     // GET server.apiUrl() + "contacts" with "Authorization: Bearer " + token
 * }
 * }</pre>
 */
public final class DemoServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);

    private final HttpServer http;
    private final ExecutorService executor;
    private final RowStore store;
    private final DemoTokens tokens;
    private final DemoFaults faults;
    private final ChangeTracking tracking;
    private final DataverseRoutes routes;
    private final Mailbox mailbox;
    private final String userId;
    private final AtomicLong requests = new AtomicLong();

    static {
        // The JDK's HttpServer leaves Nagle's algorithm on: with the client's delayed ACKs every small answer
        // waited about 40 ms (a first Outlook sync of the window's demo: 14 s instead of 4). Read once, when the
        // server classes load, so it is set before the first server starts; a value given on the command line wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private DemoServer(int port, DemoOptions options) throws IOException {
        store = options.folder() == null ? RowStore.inMemory() : RowStore.inFolder(options.folder());
        try {
            Map<String, String> ids = identities(options);
            userId = ids.get("user");
            faults = options.faults();
            tokens = new DemoTokens(options.clock(), options.tokenLifetime(), options.fixedToken());
            faults.onExpireTokens(tokens::expireAll);
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            String api = "http://127.0.0.1:" + http.getAddress().getPort() + ApiRequest.API_PATH;
            RowJson json = new RowJson(api, faults);
            tracking = new ChangeTracking(store, json, options.clock(), options.deltaTokenLifetime());
            routes = new DataverseRoutes(store, tracking, new RowOperations(json, options.clock(), userId),
                    new DataverseRoutes.WhoAmI(userId, ids.get("businessunit"), ids.get("organization"),
                            options.threads(), api));
            mailbox = new Mailbox(options, "http://127.0.0.1:" + http.getAddress().getPort() + Mailbox.ROOT, tokens, faults);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        AtomicInteger threadNumber = new AtomicInteger();
        executor = Executors.newFixedThreadPool(Math.max(2, options.threads()), r -> {
            Thread t = new Thread(r, "demo-server-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", this::exchange);
        http.start();
        LOG.info("Demo server listening on {}", url());
    }

    /**
     * Starts a server on the loopback interface.
     *
     * @param port    the port, 0 for any free one
     * @param options data, tokens and faults; a folder that already holds a demo database keeps its rows
     * @throws IOException when the port cannot be bound
     */
    public static DemoServer start(int port, DemoOptions options) throws IOException {
        return new DemoServer(port, options);
    }

    /** The server's root, e.g. {@code http://127.0.0.1:53127/} — the "organization URL". */
    public URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
    }

    /** The Web API's service root: {@link #url()} followed by {@code api/data/v9.2/}. */
    public URI apiUrl() {
        return url().resolve(ApiRequest.API_PATH.substring(1));
    }

    /**
     * The mailbox's Graph service root, {@link #url()} followed by {@code v1.0} (no trailing slash, as the Graph SDK's
     * {@code setBaseUrl} wants it).
     */
    public URI graphUrl() {
        return url().resolve(Mailbox.ROOT.substring(1));
    }

    /** How many live items a mailbox folder holds: {@code contacts}, {@code calendar}, {@code tasks}, {@code inbox}, {@code sentitems}. */
    public int mailboxCount(String folder) {
        return mailbox.count(folder);
    }

    /** A new bearer token, valid for the configured lifetime. */
    public String issueToken() {
        return tokens.issue();
    }

    /** The fault knobs, to change while the server runs. */
    public DemoFaults faults() {
        return faults;
    }

    /** The systemuser GUID WhoAmI answers with; it owns most sample rows. */
    public String userId() {
        return userId;
    }

    /** Expires every delta link handed out so far: following one gets {@code 400}, and the client must re-list. */
    public void expireDeltaTokensNow() {
        tracking.expireDeltaTokensNow();
    }

    /** How many live rows an entity set holds, e.g. {@code count("contacts")}. */
    public int count(String entitySet) {
        return store.count(entitySet);
    }

    /** How many HTTP requests reached the server since it started, whatever their answer: what a sync costs in round trips. */
    public long requestCount() {
        return requests.get();
    }

    /** Stops serving and closes the database (a folder's data stays for the next start). */
    public void stop() {
        http.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }

    @Override
    public void close() {
        stop();
    }

    private Map<String, String> identities(DemoOptions options) {
        Optional<String> user = store.meta("user");
        if (user.isPresent()) {
            return Map.of("user", user.get(), "businessunit", store.meta("businessunit").orElseThrow(),
                    "organization", store.meta("organization").orElseThrow());
        }
        long seed = options.seed();
        Map<String, String> ids = Map.of("user", SampleData.guid(seed, "whoami", 0),
                "businessunit", SampleData.guid(seed, "businessunits", 0),
                "organization", SampleData.guid(seed, "organizations", 0));
        java.time.Instant now = options.sampleTime() != null ? options.sampleTime() : options.clock().instant();
        List<StoredRow> rows = new SampleData(seed, now, ids.get("user")).rows(options.records());
        store.write(tx -> {
            tx.insertAll(rows);
            for (Map.Entry<String, String> id : ids.entrySet()) {
                tx.putMeta(id.getKey(), id.getValue());
            }
            return null;
        });
        return ids;
    }

    private void exchange(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            long latency = faults.latencyMillis();
            if (latency > 0) {
                Thread.sleep(latency);
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith(Mailbox.ROOT + "/")) {
                send(exchange, mailbox.answer(request(exchange, path, body)), faults.dropNow());
                return;
            }
            if (!path.startsWith(ApiRequest.API_PATH)) {
                send(exchange, ODataErrors.error(404, "0x8006088a", "No Web API at '" + path + "'."), false);
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            ApiRequest request = ApiRequest.of(exchange.getRequestMethod(), path + (query == null ? "" : "?" + query),
                    headers, body);
            send(exchange, answer(request), faults.dropNow());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ApiRequest request(HttpExchange exchange, String path, byte[] body) {
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        return ApiRequest.of(exchange.getRequestMethod(), path + (query == null ? "" : "?" + query), headers, body);
    }

    private ApiResponse answer(ApiRequest request) {
        Optional<String> rejected = tokens.reject(request.header("Authorization").orElse(null));
        if (rejected.isPresent()) {
            return ODataErrors.unauthorized(rejected.get());
        }
        if (faults.throttleNow()) {
            return ODataErrors.throttled(faults.retryAfterSeconds());
        }
        if (faults.failNow()) {
            return ODataErrors.unavailable();
        }
        try {
            return routes.handle(request);
        } catch (DemoStoreException | IllegalStateException e) {
            LOG.error("The demo server failed to answer {} {}", request.method(), request.path(), e);
            return ODataErrors.error(500, "0x80040216", "An unexpected error occurred.");
        }
    }

    private static void send(HttpExchange exchange, ApiResponse response, boolean drop) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length == 0) {
            return;
        }
        OutputStream out = exchange.getResponseBody();
        if (drop) {
            out.write(body, 0, body.length / 2);
            out.flush();
            // Throwing out of the handler makes the JDK server close the socket with the body half sent.
            throw new IOException("Demo fault: connection dropped mid-response");
        }
        out.write(body);
    }
}
