package dev.outpost.ui.sync;

import java.util.Optional;

import dev.outpost.auth.AnotherUsersCopy;
import dev.outpost.auth.SignInOutcome;
import dev.outpost.auth.SignedInUser;
import dev.outpost.model.RecordType;
import dev.outpost.store.SyncStore;

/**
 * The window's <em>Sign in</em>, on the sync's worker: signs in in the browser, then records whose copy the profile
 * holds. Someone else than the recorded user signing in on a profile that holds the recorded user's data takes
 * nothing over: the copy stays theirs (the reset, with its warning about unsynced work, is a separate choice).
 */
final class WindowSignIn {

    /** How a sign-in ended. */
    sealed interface Result {
    }

    /** Signed in as the profile's user (or its first one): the sync may run. */
    record SignedIn(SignedInUser user) implements Result {
    }

    /** Someone else signed in than the user whose offline copy the profile holds: nothing may sync. */
    record OtherUser(AnotherUsersCopy copy) implements Result {
    }

    private WindowSignIn() {
    }

    /** Blocks until the browser comes back; for the sync's worker only. */
    static Result signIn(SyncConnection connection, SyncStore store) {
        SignInOutcome outcome = connection.signInInBrowser();
        Optional<AnotherUsersCopy> other = connection.anotherUsersCopy(outcome.now());
        if (other.isPresent() && holdsData(store)) {
            return new OtherUser(other.get());
        }
        connection.recordIdentity(outcome.now()); // an empty profile simply becomes the new user's
        return new SignedIn(outcome.now());
    }

    /**
     * Whether the store holds anything of its user: synced records, records made here, conflicts or issues. Wider
     * than the command line's test (any record at all), which errs on the side of keeping someone's data.
     */
    static boolean holdsData(SyncStore store) {
        if (store.linkCount(SyncConnection.PAIR) > 0 || store.linkCount(dev.outpost.outlook.OutlookPair.NAME) > 0) {
            return true;
        }
        for (RecordType type : RecordType.values()) {
            if (store.liveCount(type) > 0) {
                return true;
            }
        }
        return !store.openConflicts(Optional.empty()).isEmpty() || !store.openIssues(Optional.empty()).isEmpty();
    }
}
