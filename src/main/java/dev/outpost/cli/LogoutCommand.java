package dev.outpost.cli;

import java.util.Optional;

import dev.outpost.auth.ProfileSignIn;
import dev.outpost.auth.SignIn;
import dev.outpost.auth.SignedInUser;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.OfflineStore;
import picocli.CommandLine.Command;

@Command(name = "logout", description = "Signs out: forgets the tokens of this profile. The offline copy stays; the "
        + "next sync needs outpost login.")
final class LogoutCommand extends StoreCommand {

    @Override
    int run(OfflineStore store) {
        Optional<SignIn> signIn = ConnectionSettings.read(store.profile()).flatMap(settings -> ProfileSignIn.of(
                store.profile(), settings, root.environment, out()::println));
        if (signIn.isEmpty()) {
            out().println("This profile does not sign in (its tokens come from environment variables): nothing to "
                    + "sign out of.");
            return OutpostCommand.DONE;
        }
        Optional<SignedInUser> who = signIn.get().signedInUser();
        signIn.get().signOut();
        out().println(who.map(user -> "Signed out " + user.user() + ". The next sync needs: outpost login")
                .orElse("Nobody was signed in."));
        return OutpostCommand.DONE;
    }
}
