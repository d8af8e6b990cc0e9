package dev.outpost.auth;

import java.util.Optional;

/**
 * What a sign-in did: who is signed in now, and who was before, so that the caller can start the reset when the
 * user changed (the offline copy belongs to the identity it was synced for).
 *
 * @param before who was signed in before, if anyone
 * @param now    who is signed in now
 */
public record SignInOutcome(Optional<SignedInUser> before, SignedInUser now) {

    /** Whether someone else was signed in before. */
    public boolean userChanged() {
        return before.isPresent() && !before.get().samePersonAs(now);
    }
}
