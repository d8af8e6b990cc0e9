package dev.outpost.demo;

import java.util.Random;

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
