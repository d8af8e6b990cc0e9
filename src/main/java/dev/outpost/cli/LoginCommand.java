package dev.outpost.cli;

import java.util.Optional;
import java.util.Set;

import dev.outpost.auth.AdminDefaults;
import dev.outpost.auth.ProfileSignIn;
import dev.outpost.auth.SignIn;
import dev.outpost.auth.SignInFailedException;
import dev.outpost.auth.SignInOutcome;
import dev.outpost.auth.SignInSettings;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileIdentity;
import dev.outpost.store.StoreException;
import dev.outpost.sync.LockedSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "login", description = "Signs in with Microsoft Entra ID for the CRM this profile is connected to: "
        + "in the browser, or with a code to type on any device (--device-code).")
final class LoginCommand extends StoreCommand {

    @Option(names = "--device-code", description = "Sign in on another device: shows an address and a code to enter "
            + "there (for a terminal without a browser).")
    boolean deviceCode;

    @Option(names = "--export", paramLabel = "FILE", description = "When someone else signs in than the user whose "
            + "offline copy this profile holds: save the changes not yet synchronized to FILE before that copy is removed.")
    java.nio.file.Path exportTo;

    @Option(names = "--discard-unsynced", description = "When someone else signs in: remove the other user's offline "
            + "copy even though it holds changes not yet synchronized. They are lost.")
    boolean discardUnsynced;

    @Override
    int run(OfflineStore store) {
        ConnectionSettings settings = ConnectionSettings.read(store.profile()).orElseThrow(() -> new StoreException(
                "This profile is not connected to a CRM. Connect it with: outpost connect --crm-url URL --client-id ID"));
        if (settings.demo()) {
            throw new StoreException("This profile syncs with the demo CRM, which needs no sign-in.");
        }
        AdminDefaults admin = AdminDefaults.forThisInstallation();
        SignIn signIn = ProfileSignIn.of(store.profile(), settings, admin, root.environment, out()::println)
                .orElseThrow(() -> new StoreException("This profile reads its access token from $"
                        + settings.tokenVariable() + ". To sign in instead, connect with: outpost connect --crm-url "
                        + settings.crmUrl() + " --client-id ID [--tenant TENANT]"));
        Set<String> scopes = Set.of(SignInSettings.crmScope(settings.crmUrl()));
        SignInOutcome outcome;
        try {
            outcome = deviceCode ? signIn.signInWithDeviceCode(scopes, out()::println) : signIn.signInInBrowser(scopes);
        } catch (SignInFailedException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return OutpostCommand.FAILED;
        }
        out().println("Signed in as " + outcome.now().user() + " (tenant " + outcome.now().tenant() + ").");
        if (outcome.userChanged()) {
            out().println("Before, " + outcome.before().get().user() + " (tenant " + outcome.before().get().tenant()
                    + ") was signed in on this profile.");
        }
        return takeIdentity(store, settings, admin, outcome.now().user(), outcome.now().tenant());
    }

    /**
     * Records who the profile's offline copy belongs to. Another user than the one recorded: that user's copy is
     * removed first (DESIGN.md, "Profile and reset"), unless it holds unsynced work the user has not chosen to save
     * or drop; then nothing is removed and syncs refuse to run until they choose (or sign in as before).
     */
    private int takeIdentity(OfflineStore store, ConnectionSettings settings, AdminDefaults admin, String user,
            String tenant) {
        Optional<ProfileIdentity> recorded = ProfileIdentity.read(store.profile());
        ProfileIdentity now = new ProfileIdentity(settings.crmUrl(), user, tenant);
        boolean someoneElse = recorded.filter(was -> !was.user().isEmpty() && !was.sameAs(now)).isPresent();
        if (someoneElse && ProfileSwitch.holdsData(store)) {
            String leaving = recorded.get().user() + " on " + settings.crmUrl();
            try {
                new ProfileSwitch(out()).removeCopyOf(store, leaving, exportTo, discardUnsynced,
                        LockedSettings.syncRefusal(settings, admin.connection()));
            } catch (StoreException e) {
                spec.commandLine().getErr().println(e.getMessage() + " Until then nothing syncs; signing in as "
                        + recorded.get().user() + " again also lets the sync go on.");
                return OutpostCommand.FAILED;
            }
            settings.write(store.profile()); // the removal took the connection with the rest of the old copy
        }
        now.write(store.profile());
        return OutpostCommand.DONE;
    }
}
