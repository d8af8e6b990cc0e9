package dev.outpost.crm;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the connector retries a request: throttling ({@code 429}) waits the server's {@code Retry-After}, capped;
 * server errors, timeouts and dropped connections back off exponentially with jitter. Both are bounded.
 *
 * @param maxTries          tries per request for server errors, timeouts and dropped connections (first included)
 * @param maxThrottledTries tries per request while the server keeps answering {@code 429}
 * @param baseDelay         the first backoff; each further one doubles, plus up to 50% jitter
 * @param maxWait           the longest single wait, for backoff and for {@code Retry-After}
 * @param sleeper           how to wait
 */
public record RetryPolicy(int maxTries, int maxThrottledTries, Duration baseDelay, Duration maxWait, Sleeper sleeper) {

    public RetryPolicy {
        Objects.requireNonNull(baseDelay);
        Objects.requireNonNull(maxWait);
        Objects.requireNonNull(sleeper);
        if (maxTries < 1 || maxThrottledTries < 1) {
            throw new IllegalArgumentException("A request needs at least one try");
        }
    }

    /** 4 tries from 200 ms for failures, 10 for throttling, waits capped at 60 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, 10, Duration.ofMillis(200), Duration.ofSeconds(60), Sleeper.real());
    }

    public RetryPolicy sleeper(Sleeper sleeper) {
        return new RetryPolicy(maxTries, maxThrottledTries, baseDelay, maxWait, sleeper);
    }

    public RetryPolicy tries(int maxTries, int maxThrottledTries) {
        return new RetryPolicy(maxTries, maxThrottledTries, baseDelay, maxWait, sleeper);
    }

    /** The wait before try {@code failedTries + 1} after a failure. */
    Duration backoff(int failedTries) {
        long base = baseDelay.toMillis() << Math.min(20, Math.max(0, failedTries - 1));
        long jitter = base <= 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return min(Duration.ofMillis(base + jitter));
    }

    /** The wait a {@code Retry-After} header asks for, capped; one second when the header is missing or odd. */
    Duration retryAfter(String header) {
        long seconds = 1;
        if (header != null) {
            try {
                seconds = Math.max(0, Long.parseLong(header.trim()));
            } catch (NumberFormatException e) {
                seconds = 1; // an HTTP date: Dataverse sends seconds, so don't bother parsing it
            }
        }
        return min(Duration.ofSeconds(seconds));
    }

    private Duration min(Duration wait) {
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
}
