package dev.outpost.auth;

/**
 * A sign-in the user started did not complete: cancelled, timed out, refused by Entra ID, or the server could not be
 * reached. The message says which, in words for the user, and never holds a code or a token.
 */
public final class SignInFailedException extends RuntimeException {

    SignInFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
