package dev.outpost.ui.sync;

/** A sync that cannot start because no access token is available; sign-in itself comes later. */
public final class SignInNeededException extends RuntimeException {

    private final String tokenVariable;

    public SignInNeededException(String tokenVariable) {
        super("No access token: set " + tokenVariable);
        this.tokenVariable = tokenVariable;
    }

    /** The environment variable the token is read from. */
    public String tokenVariable() {
        return tokenVariable;
    }
}
