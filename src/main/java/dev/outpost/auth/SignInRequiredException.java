package dev.outpost.auth;

/**
 * No token can be had without the user: nobody is signed in, or the sign-in expired or was revoked. The message
 * says what to do on the command line; the window puts its own words on it. It never holds a token.
 */
public final class SignInRequiredException extends RuntimeException {

    public static final String WHAT_TO_DO = "Sign in again: outpost login";

    private final String reason;

    SignInRequiredException(String reason) {
        super(reason + ". " + WHAT_TO_DO);
        this.reason = reason;
    }

    SignInRequiredException(String reason, Throwable cause) {
        super(reason + ". " + WHAT_TO_DO, cause);
        this.reason = reason;
    }

    /** Why, without what to do: for callers that say what to do in their own words. */
    public String reason() {
        return reason;
    }
}
