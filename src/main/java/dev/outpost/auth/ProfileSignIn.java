package dev.outpost.auth;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.net.ssl.SSLSocketFactory;

import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.ProfileIdentity;
import dev.outpost.store.SecretVault;
import dev.outpost.store.StoreException;

/**
 * A profile's sign-in, for the command line and the window alike: the settings {@code outpost connect} saved,
 * completed by the admin defaults file; the token cache in the profile's vault.
 */
public final class ProfileSignIn {

    /**
     * A PEM file with the certificate of a sign-in server the system does not trust (a self-signed one on this
     * computer). For tests and integration rigs only; read from the given environment, so a test in the same JVM
     * passes it like any other variable.
     */
    public static final String CERTIFICATE_VARIABLE = "OUTPOST_SIGNIN_CERTIFICATE";

    private ProfileSignIn() {
    }

    /**
     * The profile's sign-in through the system browser, or empty when the profile reads its tokens from environment
     * variables (or is in demo mode).
     *
     * @param tell receives what the user should know: the admin file overruling a value, or being unusable; the
     *             address to open when there is no browser
     * @throws StoreException when the profile's sign-in settings cannot be used, saying how to fix them
     */
    public static Optional<SignIn> of(ProfileFolder profile, ConnectionSettings settings,
            Function<String, String> environment, Consumer<String> tell) {
        return of(profile, settings, environment, tell, Browser.system(tell));
    }

    /** As {@link #of(ProfileFolder, ConnectionSettings, Function, Consumer)}, opening sign-in pages in {@code browser}. */
    public static Optional<SignIn> of(ProfileFolder profile, ConnectionSettings settings,
            Function<String, String> environment, Consumer<String> tell, Browser browser) {
        if (settings.demo() || settings.signIn().isEmpty()) {
            return Optional.empty(); // no sign-in: the admin file is not read
        }
        return of(profile, settings, AdminDefaults.forThisInstallation(), environment, tell, browser);
    }

    /**
     * As {@link #of(ProfileFolder, ConnectionSettings, Function, Consumer)}, with the admin defaults the caller has
     * already read, so one command reads the admin file once.
     */
    public static Optional<SignIn> of(ProfileFolder profile, ConnectionSettings settings, AdminDefaults admin,
            Function<String, String> environment, Consumer<String> tell) {
        return of(profile, settings, admin, environment, tell, Browser.system(tell));
    }

    private static Optional<SignIn> of(ProfileFolder profile, ConnectionSettings settings, AdminDefaults admin,
            Function<String, String> environment, Consumer<String> tell, Browser browser) {
        if (settings.demo() || settings.signIn().isEmpty()) {
            return Optional.empty();
        }
        ConnectionSettings.SignInChoice choice = settings.signIn().get();
        AdminDefaults.Resolution resolved;
        try {
            resolved = admin.resolve(choice.clientId(), choice.authority());
        } catch (IllegalArgumentException e) {
            throw new StoreException("The sign-in settings of this profile cannot be used: " + e.getMessage()
                    + ". Connect again with: outpost connect --crm-url URL --client-id ID [--tenant TENANT]");
        }
        resolved.messages().forEach(tell);
        SignInSettings signIn = resolved.settings().orElseThrow(() -> new StoreException("No client id to sign in "
                + "with: give one with outpost connect --client-id ID, or ask IT for an " + AdminDefaults.FILE_NAME
                + " file."));
        Optional<SSLSocketFactory> trust;
        try {
            trust = Optional.ofNullable(environment.apply(CERTIFICATE_VARIABLE)).filter(v -> !v.isBlank())
                    .map(file -> TrustedCertificate.socketFactory(Path.of(file)));
        } catch (IllegalArgumentException e) {
            throw new StoreException(e.getMessage() + " (named by $" + CERTIFICATE_VARIABLE + ")", e);
        }
        return Optional.of(new SignIn(signIn, TokenCacheStore.inVault(SecretVault.forProfile(profile)), browser, trust));
    }

    /**
     * Whether the profile holds the offline copy of another user than the one signed in: then nothing may sync under
     * the signed-in account (that CRM would receive the first user's changes as theirs). Reads the token cache and the
     * profile's identity; no network.
     */
    public static Optional<AnotherUsersCopy> anotherUsersCopy(ProfileFolder profile, SignIn signIn) {
        return signIn.signedInUser().flatMap(now -> anotherUsersCopy(profile, now));
    }

    /** Whether the profile's recorded user, if one was recorded, is someone else than {@code now}. */
    public static Optional<AnotherUsersCopy> anotherUsersCopy(ProfileFolder profile, SignedInUser now) {
        return ProfileIdentity.read(profile).map(ProfileIdentity::user)
                .filter(owner -> !owner.isEmpty() && !owner.equalsIgnoreCase(now.user()))
                .map(owner -> new AnotherUsersCopy(owner, now.user()));
    }
}
