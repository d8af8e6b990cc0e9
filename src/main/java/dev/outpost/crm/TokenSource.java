package dev.outpost.crm;

/**
 * Supplies the bearer token sent with every CRM request. For now a fixed token (from the CLI's
 * {@code --access-token-env}, or the demo server); the sign-in issue brings one backed by MSAL's cache.
 * Implementations must never log the token.
 */
@FunctionalInterface
public interface TokenSource {

    /** The token to send now; called before every request, so a source may refresh it. */
    String token();

    /** A source that always answers the same token. */
    static TokenSource fixed(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("The access token is empty");
        }
        return () -> token;
    }
}
