package dev.outpost.cli;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.outpost.auth.SignIn;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.ProfileFolder;

/** The command line's way to {@link dev.outpost.auth.ProfileSignIn}, which the window shares. */
final class ProfileSignIn {

    /** See {@link dev.outpost.auth.ProfileSignIn#CERTIFICATE_VARIABLE}. */
    static final String CERTIFICATE_VARIABLE = dev.outpost.auth.ProfileSignIn.CERTIFICATE_VARIABLE;

    private ProfileSignIn() {
    }

    /**
     * The profile's sign-in, or empty when the profile reads its tokens from environment variables.
     *
     * @param tell receives what the user should know: the admin file overruling a value, or being unusable
     */
    static Optional<SignIn> of(ProfileFolder profile, ConnectionSettings settings, Function<String, String> environment,
            Consumer<String> tell) {
        return dev.outpost.auth.ProfileSignIn.of(profile, settings, environment, tell);
    }
}
