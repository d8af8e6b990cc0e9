package dev.outpost.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.net.ssl.SSLSocketFactory;

import dev.outpost.auth.AdminDefaults;
import dev.outpost.auth.Browser;
import dev.outpost.auth.SignIn;
import dev.outpost.auth.SignInSettings;
import dev.outpost.auth.TokenCacheStore;
import dev.outpost.auth.TrustedCertificate;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.SecretVault;
import dev.outpost.store.StoreException;

/**
 * A profile's sign-in as the command line makes it: the settings {@code outpost connect} saved, completed by the admin
 * defaults file; the token cache in the profile.
 */
final class ProfileSignIn {

    /**
     * A PEM file with the certificate of a sign-in server the system does not trust (a self-signed one on this
     * computer). For tests and integration rigs only; read from the command's environment, so a test in the same JVM
     * passes it like any other variable.
     */
    static final String CERTIFICATE_VARIABLE = "OUTPOST_SIGNIN_CERTIFICATE";

    private ProfileSignIn() {
    }

    /**
     * The profile's sign-in, or empty when the profile reads its tokens from environment variables.
     *
     * @param tell receives what the user should know: the admin file overruling a value, or being unusable
     */
    static Optional<SignIn> of(ProfileFolder profile, ConnectionSettings settings, Function<String, String> environment,
            Consumer<String> tell) {
        if (settings.signIn().isEmpty()) {
            return Optional.empty();
        }
        ConnectionSettings.SignInChoice choice = settings.signIn().get();
        AdminDefaults.Resolution resolved;
        try {
            resolved = AdminDefaults.forThisInstallation().resolve(choice.clientId(), choice.authority());
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
        return Optional.of(new SignIn(signIn, TokenCacheStore.inVault(SecretVault.forProfile(profile)), Browser.system(tell),
                trust));
    }

}
