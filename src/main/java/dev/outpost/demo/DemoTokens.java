package dev.outpost.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bearer tokens the demo server accepts: the ones it issued itself (each valid for a lifetime, all of them
 * expired at once by {@link #expireAll()}) and, when configured, one fixed demo token that never expires — it
 * stands for a long-lived credential a user configured, e.g. in {@code outpost connect --access-token-env}.
 */
final class DemoTokens {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;
    private final String fixedToken;

    /**
     * @param clock      tells the time tokens expire by
     * @param lifetime   how long an issued token is valid
     * @param fixedToken a token always accepted, or null for none
     */
    DemoTokens(Clock clock, Duration lifetime, String fixedToken) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.fixedToken = fixedToken;
    }

    /** A new token, valid for the configured lifetime. */
    String issue() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = "demo." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiries.put(token, clock.instant().plus(lifetime));
        return token;
    }

    /** Expires every token issued so far (the fixed demo token stays valid). */
    void expireAll() {
        Instant now = clock.instant().minusMillis(1);
        expiries.replaceAll((token, expiry) -> expiry.isAfter(now) ? now : expiry);
    }

    /**
     * Checks an {@code Authorization} header.
     *
     * @return empty when the token is accepted, else why not, in words for the 401 body
     */
    Optional<String> reject(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of("Authorization header is missing or is not a Bearer token.");
        }
        String token = authorization.substring(7).trim();
        if (token.equals(fixedToken)) {
            return Optional.empty();
        }
        Instant expiry = expiries.get(token);
        if (expiry == null) {
            return Optional.of("The bearer token is invalid.");
        }
        return expiry.isAfter(clock.instant()) ? Optional.empty() : Optional.of("The bearer token has expired.");
    }
}
