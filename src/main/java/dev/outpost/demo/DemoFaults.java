package dev.outpost.demo;

import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The faults the demo server injects, changeable while it runs (every knob is thread-safe). Chances are drawn
 * from one seeded {@link Random}, so a run with the same seed and the same request order sees the same faults.
 *
 * <p>Order per request: latency, then the token check, then throttling (429), then server errors (503), then
 * the operation; a dropped connection cuts the response body after the operation ran.
 */
public final class DemoFaults {

    private final Random random;
    private volatile long latencyMillis;
    private volatile double throttleRate;
    private volatile int retryAfterSeconds = 1;
    private volatile double serverErrorRate;
    private volatile double dropRate;
    private volatile Runnable expireTokens = () -> { };
    /** Row id to the one column served corrupted, and what it holds instead. */
    private final Map<String, Map.Entry<String, JsonNode>> corrupted = new ConcurrentHashMap<>();
    private final MailboxFaults mailbox = new MailboxFaults();

    /** No faults, chances drawn from {@code seed}. */
    public DemoFaults(long seed) {
        this.random = new Random(seed);
    }

    /** Each request waits this long before it is handled. */
    public DemoFaults latency(long millis) {
        this.latencyMillis = Math.max(0, millis);
        return this;
    }

    /** This share of requests (0 to 1) gets {@code 429} with {@code Retry-After: retryAfterSeconds}. */
    public DemoFaults throttle(double rate, int retryAfterSeconds) {
        this.throttleRate = rate;
        this.retryAfterSeconds = Math.max(0, retryAfterSeconds);
        return this;
    }

    /** This share of requests (0 to 1) gets {@code 503 Service Unavailable}. */
    public DemoFaults serverErrors(double rate) {
        this.serverErrorRate = rate;
        return this;
    }

    /** This share of responses (0 to 1) is cut off after part of the body and the connection closed. */
    public DemoFaults dropConnections(double rate) {
        this.dropRate = rate;
        return this;
    }

    /**
     * Serves the row with this GUID with {@code column} holding {@code json} (JSON text such as {@code 42}) instead
     * of its value, in listings, deltas and reads, as a CRM with a customized or broken column would. The stored
     * row stays as it is, so only a change of the row puts it into the next delta. One column per row.
     *
     * @throws IllegalArgumentException when {@code json} is not JSON
     */
    public DemoFaults serveCorrupted(String rowId, String column, String json) {
        try {
            corrupted.put(rowId.toLowerCase(Locale.ROOT), Map.entry(column, RowJson.JSON.readTree(json)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
        return this;
    }

    /** The knobs only the mailbox ({@code /v1.0}) has: delta replays, empty pages, expired delta tokens. */
    public MailboxFaults mailbox() {
        return mailbox;
    }

    /** Expires every token the server issued so far: their next request gets {@code 401}. */
    public void expireTokensNow() {
        expireTokens.run();
    }

    /** No latency and no faults from now on. */
    public DemoFaults clear() {
        latencyMillis = 0;
        throttleRate = 0;
        serverErrorRate = 0;
        dropRate = 0;
        corrupted.clear();
        mailbox.clear();
        return this;
    }

    long latencyMillis() {
        return latencyMillis;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    boolean throttleNow() {
        return chance(throttleRate);
    }

    boolean failNow() {
        return chance(serverErrorRate);
    }

    boolean dropNow() {
        return chance(dropRate);
    }

    /** Puts the corrupted value, if this row has one, into a row on its way out. */
    void corrupt(String rowId, ObjectNode row) {
        Map.Entry<String, JsonNode> bad = corrupted.get(rowId);
        if (bad != null) {
            row.set(bad.getKey(), bad.getValue());
        }
    }

    void onExpireTokens(Runnable action) {
        this.expireTokens = action;
    }

    private boolean chance(double rate) {
        if (rate <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < rate;
        }
    }
}
