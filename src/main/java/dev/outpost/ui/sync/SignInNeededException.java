package dev.outpost.ui.sync;

import java.util.Optional;

import dev.outpost.auth.AnotherUsersCopy;
import dev.outpost.ui.UiText;

/**
 * A sync that cannot start without the user: no access token in the environment variable the profile names, nobody
 * signed in (or the sign-in expired or was revoked), or someone else signed in than the user whose offline copy the
 * profile holds. The message is for the user and never holds a token.
 */
public final class SignInNeededException extends RuntimeException {

    private final boolean canSignIn;
    private final transient Optional<AnotherUsersCopy> anotherUsersCopy;

    private SignInNeededException(String message, boolean canSignIn, Optional<AnotherUsersCopy> anotherUsersCopy) {
        super(message);
        this.canSignIn = canSignIn;
        this.anotherUsersCopy = anotherUsersCopy;
    }

    /** The profile reads its token from an environment variable, which is not set: the window cannot sign in. */
    public static SignInNeededException setVariable(String tokenVariable) {
        return new SignInNeededException(UiText.get("sync.signInNeeded", tokenVariable), false, Optional.empty());
    }

    /** Nobody is signed in, or the sign-in expired or was revoked; {@code reason} says which. */
    public static SignInNeededException signIn(String reason) {
        return new SignInNeededException(UiText.get("signin.needed", reason), true, Optional.empty());
    }

    /** Someone else is signed in than the owner of the offline copy: sign in as the owner, or switch accounts. */
    public static SignInNeededException anotherUser(AnotherUsersCopy copy) {
        return new SignInNeededException(UiText.get("signin.anotherUser", copy.owner(), copy.signedIn()), true,
                Optional.of(copy));
    }

    /** Whether the window can offer <em>Sign in</em> (false: the profile's tokens come from the environment). */
    public boolean canSignIn() {
        return canSignIn;
    }

    /** Present when someone else is signed in than the user whose offline copy the profile holds. */
    public Optional<AnotherUsersCopy> anotherUsersCopy() {
        return anotherUsersCopy;
    }
}
