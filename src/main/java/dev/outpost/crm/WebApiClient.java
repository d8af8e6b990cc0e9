package dev.outpost.crm;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.outpost.sync.EndpointException;

/**
 * Sends one Web API request with the OData headers and the bearer token, and retries it by the
 * {@link RetryPolicy}: {@code 429} after {@code Retry-After}, {@code 5xx}, timeouts and dropped connections after
 * a backoff. A {@code 401} becomes an {@link EndpointException} asking the user to sign in again. Answers every
 * other status to the caller. Never logs a token or a body.
 */
final class WebApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(WebApiClient.class);

    private final CrmConnection connection;
    private final RetryPolicy retry;
    private final HttpClient http;

    WebApiClient(CrmConnection connection, RetryPolicy retry) {
        this.connection = connection;
        this.retry = retry;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connection.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (connection.orgUrl().getScheme().equalsIgnoreCase("http")) {
            builder.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance with the loopback server
        }
        this.http = builder.build();
    }

    /** Releases the HTTP client's connections and threads. */
    void close() {
        http.close();
    }

    CrmConnection connection() {
        return connection;
    }

    /** A request without a body. */
    CrmResponse send(String method, URI uri, Map<String, String> headers) {
        return send(method, uri, headers, null, null);
    }

    /**
     * Sends the request, retrying as the policy allows.
     *
     * @param contentType the body's type, or null when there is no body
     * @param body        the body, or null
     * @throws EndpointException when the user must sign in again, or the CRM stays unreachable or overloaded
     */
    CrmResponse send(String method, URI uri, Map<String, String> headers, String contentType, String body) {
        int failures = 0;
        int throttles = 0;
        boolean tokenRetried = false;
        while (true) {
            String token = connection.tokens().token();
            HttpRequest request = build(method, uri, headers, contentType, body, token);
            CrmResponse response;
            try {
                response = exchange(request);
            } catch (HttpTimeoutException e) {
                failures++;
                LOG.warn("{} {} timed out (try {} of {})", method, path(uri), failures, retry.maxTries());
                if (failures >= retry.maxTries()) {
                    throw new EndpointException((e instanceof HttpConnectTimeoutException
                            ? "Could not connect to the CRM at " + connection.orgUrl() + " within "
                                    + seconds(connection.connectTimeout())
                            : "The CRM did not answer within " + seconds(connection.requestTimeout()))
                            + " after " + failures + " tries. Check your network connection and sync again later.", e);
                }
                pause(retry.backoff(failures));
                continue;
            } catch (IOException e) {
                failures++;
                LOG.warn("{} {} failed: {} (try {} of {})", method, path(uri), e.getClass().getSimpleName(), failures,
                        retry.maxTries());
                if (failures >= retry.maxTries()) {
                    throw new EndpointException(unreachable(e) + " after " + failures
                            + " tries. Check your network connection and sync again later.", e);
                }
                pause(retry.backoff(failures));
                continue;
            }
            if (response.status() == 401) {
                if (!tokenRetried && !connection.tokens().token().equals(token)) {
                    // A token source that refreshes handed out a new token meanwhile: one more try with it.
                    tokenRetried = true;
                    continue;
                }
                throw new EndpointException("The CRM did not accept your sign-in; it may have expired. "
                        + "Sign in again, then sync.");
            }
            if (response.status() == 429) {
                throttles++;
                LOG.info("The CRM is throttling requests (try {} of {})", throttles, retry.maxThrottledTries());
                if (throttles >= retry.maxThrottledTries()) {
                    throw new EndpointException("The CRM is busy and asked us to slow down " + throttles
                            + " times in a row. Sync again in a few minutes.");
                }
                pause(retry.retryAfter(response.header("Retry-After").orElse(null)));
                continue;
            }
            if (response.status() >= 500) {
                failures++;
                LOG.warn("{} {} answered {} (try {} of {})", method, path(uri), response.status(), failures,
                        retry.maxTries());
                if (failures >= retry.maxTries()) {
                    throw new EndpointException("The CRM had a problem (HTTP " + response.status() + ") " + failures
                            + " times in a row. Sync again later; if it persists, tell your CRM administrator.");
                }
                Duration backoff = retry.backoff(failures);
                Duration asked = response.header("Retry-After").map(retry::retryAfter).orElse(Duration.ZERO);
                pause(asked.compareTo(backoff) > 0 ? asked : backoff);
                continue;
            }
            return response;
        }
    }

    private HttpRequest build(String method, URI uri, Map<String, String> headers, String contentType, String body,
            String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(connection.requestTimeout())
                .header("Accept", "application/json")
                .header("OData-MaxVersion", "4.0")
                .header("OData-Version", "4.0")
                .header("Authorization", "Bearer " + token);
        Map<String, String> extra = new LinkedHashMap<>(headers);
        extra.forEach(builder::header);
        if (body != null) {
            builder.header("Content-Type", contentType);
            builder.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private CrmResponse exchange(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name, String.join(",", values)));
            return new CrmResponse(response.statusCode(), headers, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EndpointException("Sync was stopped while waiting for the CRM.", e);
        }
    }

    private void pause(Duration wait) {
        try {
            retry.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EndpointException("Sync was stopped while waiting to retry a CRM request.", e);
        }
    }

    private String unreachable(IOException e) {
        return e instanceof ConnectException ? "Could not connect to the CRM at " + connection.orgUrl()
                : "The connection to the CRM broke";
    }

    /** The path only: query strings may hold key values, which stay out of logs. */
    private static String path(URI uri) {
        return uri.getRawPath();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
