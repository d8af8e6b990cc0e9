package dev.outpost.ui.sync;

import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

import dev.outpost.auth.AnotherUsersCopy;

/**
 * What the window's sign-in banner shows: whether a sign-in is needed, why, whether someone else than the owner of
 * the offline copy signed in, and whether a sign-in is under way. Part of {@link SyncViewModel}; FX thread only.
 */
final class SignInPrompt {

    final ReadOnlyBooleanWrapper needed = new ReadOnlyBooleanWrapper(this, "signInNeeded");
    final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "signInText", "");
    final ReadOnlyBooleanWrapper otherUser = new ReadOnlyBooleanWrapper(this, "otherUserSignedIn");
    final ReadOnlyBooleanWrapper signingIn = new ReadOnlyBooleanWrapper(this, "signingIn");
    private Optional<AnotherUsersCopy> anotherUsersCopy = Optional.empty();

    /** A sync could not start for want of a sign-in; the banner shows only when the window can sign in. */
    void show(SignInNeededException reason) {
        needed.set(reason.canSignIn());
        text.set(reason.canSignIn() ? reason.getMessage() : "");
        anotherUsersCopy = reason.anotherUsersCopy();
        otherUser.set(anotherUsersCopy.isPresent());
    }

    /** Someone else signed in on a profile holding the owner's data. */
    void show(AnotherUsersCopy copy) {
        show(SignInNeededException.anotherUser(copy));
    }

    /** A sign-in did not complete: says why; the banner stays, so one can try again. */
    void failed(String why) {
        text.set(why);
    }

    /** Something the browser has to tell, e.g. the address to open when there is none. */
    void notice(String message) {
        if (needed.get()) {
            text.set(message);
        }
    }

    /** The sync got its tokens (or failed for another reason): no banner. */
    void hide() {
        needed.set(false);
        text.set("");
        anotherUsersCopy = Optional.empty();
        otherUser.set(false);
    }

    Optional<AnotherUsersCopy> anotherUsersCopy() {
        return anotherUsersCopy;
    }
}
