package dev.outpost.crm;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how the connector talks to a Dataverse organization.
 *
 * @param orgUrl         the organization URL, e.g. {@code https://contoso.crm.dynamics.com/}; https is required
 *                       except for loopback hosts (the demo server)
 * @param tokens         supplies the bearer token
 * @param pageSize       rows per change-feed page ({@code odata.maxpagesize}), 1 to 5000
 * @param batchSize      writes per {@code $batch} request, 1 to 1000
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for one response
 */
public record CrmConnection(URI orgUrl, TokenSource tokens, int pageSize, int batchSize, Duration connectTimeout,
        Duration requestTimeout) {

    /** Dataverse's largest page. */
    public static final int MAX_PAGE_SIZE = 5000;
    /** Dataverse's largest batch. */
    public static final int MAX_BATCH_SIZE = 1000;

    public CrmConnection {
        Objects.requireNonNull(orgUrl, "orgUrl");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        String scheme = orgUrl.getScheme() == null ? "" : orgUrl.getScheme().toLowerCase(Locale.ROOT);
        if (orgUrl.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && isLoopback(orgUrl.getHost()))) {
            throw new IllegalArgumentException(
                    "The CRM address must start with https:// (plain http only for this computer): " + orgUrl);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("The page size must be between 1 and " + MAX_PAGE_SIZE + ": " + pageSize);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("The batch size must be between 1 and " + MAX_BATCH_SIZE + ": " + batchSize);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("Timeouts must be longer than zero");
        }
        if (!orgUrl.getPath().endsWith("/")) {
            orgUrl = URI.create(orgUrl + "/");
        }
    }

    /** A connection with the defaults: pages of 500, batches of 10, 10 s to connect, 60 s per response. */
    public static CrmConnection of(URI orgUrl, TokenSource tokens) {
        return new CrmConnection(orgUrl, tokens, 500, 10, Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    /**
     * How Outpost syncs, from the window and the CLI: Dataverse's largest pages (a first sync is a long listing)
     * and batches of 50 writes (25 requests for 1000 edits, well under the service protection limits).
     */
    public static CrmConnection forSync(URI orgUrl, TokenSource tokens) {
        return of(orgUrl, tokens).pageSize(MAX_PAGE_SIZE).batchSize(50);
    }

    public CrmConnection pageSize(int pageSize) {
        return new CrmConnection(orgUrl, tokens, pageSize, batchSize, connectTimeout, requestTimeout);
    }

    public CrmConnection batchSize(int batchSize) {
        return new CrmConnection(orgUrl, tokens, pageSize, batchSize, connectTimeout, requestTimeout);
    }

    public CrmConnection timeouts(Duration connectTimeout, Duration requestTimeout) {
        return new CrmConnection(orgUrl, tokens, pageSize, batchSize, connectTimeout, requestTimeout);
    }

    /** The Web API's service root, {@code <orgUrl>api/data/v9.2/}. */
    public URI apiUrl() {
        return orgUrl.resolve("api/data/v9.2/");
    }

    @Override
    public String toString() {
        return "CrmConnection[" + orgUrl + ", pageSize=" + pageSize + ", batchSize=" + batchSize + "]"; // never the token
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1")
                || h.startsWith("127.");
    }
}
