package dev.outpost.auth;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import javax.net.ssl.SSLSocketFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.aad.msal4j.AuthenticationErrorCode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.InteractiveRequestParameters;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.Prompt;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import com.microsoft.aad.msal4j.SystemBrowserOptions;

/**
 * A profile's sign-in with Microsoft Entra ID, through MSAL4J's public client: in the browser or with a device code,
 * then silent tokens (renewed with the refresh token) before every sync. One signed-in account per profile: the
 * profile's data belongs to it. Nothing here logs or reports a token or a code.
 */
public final class SignIn {

    private static final Logger LOG = LoggerFactory.getLogger(SignIn.class);

    /** MSAL binds a free loopback port itself when the redirect names none. */
    private static final URI LOOPBACK = URI.create("http://localhost");
    /** A silent token needs at most a refresh round trip; a hung server must not hang a sync. */
    private static final long SILENT_TIMEOUT_SECONDS = 60;

    private final SignInSettings settings;
    private final TokenCacheStore cache;
    private final Browser browser;
    private final PublicClientApplication app;

    /** A sign-in against Entra ID, trusting the system's certificate authorities. */
    public SignIn(SignInSettings settings, TokenCacheStore cache, Browser browser) {
        this(settings, cache, browser, Optional.empty());
    }

    /**
     * @param trust TLS for a sign-in server the system does not trust (a self-signed one on this computer, see
     *              {@link TrustedCertificate}); empty for the system's authorities
     */
    public SignIn(SignInSettings settings, TokenCacheStore cache, Browser browser, Optional<SSLSocketFactory> trust) {
        this.settings = settings;
        this.cache = cache;
        this.browser = browser;
        try {
            PublicClientApplication.Builder builder = PublicClientApplication.builder(settings.clientId())
                    .authority(settings.authority().toString())
                    .setTokenCacheAccessAspect(new CachePersistence(cache));
            if (!settings.authority().getHost().equalsIgnoreCase(SignInSettings.ORGANIZATIONS.getHost())) {
                // Instance discovery asks login.microsoftonline.com about the authority: for another host (a sovereign
                // cloud's, or a server on this computer) the authority is taken as configured, by IT or a test.
                builder.instanceDiscovery(false).validateAuthority(false);
            }
            trust.ifPresent(builder::sslSocketFactory);
            this.app = builder.build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("The sign-in authority " + settings.authority() + " is not a valid address");
        }
    }

    public SignInSettings settings() {
        return settings;
    }

    /**
     * Signs in in the browser: the sign-in page opens, the user signs in, and Entra ID sends the browser back to a
     * listener on a free loopback port.
     *
     * @param scopes what the first token is for, e.g. the CRM's {@link SignInSettings#crmScope}
     * @throws SignInFailedException when the sign-in did not complete
     */
    public SignInOutcome signInInBrowser(Set<String> scopes) {
        Optional<SignedInUser> before = signedInUser();
        InteractiveRequestParameters parameters = InteractiveRequestParameters.builder(LOOPBACK)
                .scopes(scopes)
                .prompt(Prompt.SELECT_ACCOUNT) // one may sign in as someone else than last time
                .systemBrowserOptions(SystemBrowserOptions.builder().openBrowserAction(browser::open).build())
                .build();
        return finish(before, await(app.acquireToken(parameters), "in the browser"));
    }

    /**
     * Signs in with a device code, for a terminal: the user opens the address shown on any device and types the code.
     *
     * @param show receives the instructions (address and code) to show the user
     * @throws SignInFailedException when the sign-in did not complete (also when the code expired)
     */
    public SignInOutcome signInWithDeviceCode(Set<String> scopes, Consumer<String> show) {
        Optional<SignedInUser> before = signedInUser();
        DeviceCodeFlowParameters parameters = DeviceCodeFlowParameters.builder(scopes, code -> show.accept(code.message()))
                .build();
        return finish(before, await(app.acquireToken(parameters), "with a device code"));
    }

    /**
     * A valid access token for the scope, from the cache or renewed with the refresh token; never asks the user.
     *
     * @throws SignInRequiredException when nobody is signed in, or the sign-in expired or was revoked
     * @throws SignInFailedException   when the sign-in server cannot be reached or answers an error
     */
    public String token(String scope) {
        IAccount account = account().orElseThrow(() -> new SignInRequiredException("Nobody is signed in on this profile"));
        try {
            SilentParameters.SilentParametersBuilder parameters = SilentParameters.builder(Set.of(scope), account);
            if (settings.authority().getPort() != -1) {
                // MSAL4J sends a refresh to the account's "environment", a host without the port: an authority with
                // a port (a server on this computer) must be named, or the refresh goes to port 443.
                parameters.authorityUrl(settings.authority().toString());
            }
            IAuthenticationResult result = app.acquireTokenSilently(parameters.build())
                    .get(SILENT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return result.accessToken();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MsalInteractionRequiredException
                    || cause instanceof MsalClientException client && AuthenticationErrorCode.CACHE_MISS.equals(client.errorCode())) {
                LOG.info("A silent token was refused ({}): a new sign-in is needed", errorCode(cause));
                throw new SignInRequiredException("The sign-in of " + account.username() + " has expired or was revoked",
                        cause);
            }
            throw failed("Could not renew the sign-in at " + settings.authority().getHost(), cause);
        } catch (TimeoutException e) {
            throw new SignInFailedException("The sign-in server " + settings.authority().getHost() + " did not answer "
                    + "within " + SILENT_TIMEOUT_SECONDS + " s; check the network and try again", e);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e); // the authority was checked when this was built
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInFailedException("Getting a token was interrupted", e);
        }
    }

    /** Who is signed in on this profile, if anyone (from the cache: no network). */
    public Optional<SignedInUser> signedInUser() {
        return account().map(SignIn::user);
    }

    /** Forgets every account and deletes the cache: the next sync needs a new sign-in. */
    public void signOut() {
        for (IAccount account : app.getAccounts().join()) {
            app.removeAccount(account).join();
        }
        cache.delete();
        LOG.info("Signed out: the token cache was deleted");
    }

    private SignInOutcome finish(Optional<SignedInUser> before, IAuthenticationResult result) {
        SignedInUser now = user(result.account());
        // One account per profile: the others' refresh tokens must not outlive the switch (and silent tokens must
        // never come from the previous user).
        for (IAccount other : app.getAccounts().join()) {
            if (!other.homeAccountId().equals(now.homeAccountId())) {
                app.removeAccount(other).join();
            }
        }
        SignInOutcome outcome = new SignInOutcome(before, now);
        LOG.info("Signed in (tenant {}){}", now.tenant(), outcome.userChanged() ? "; another user than before" : "");
        return outcome;
    }

    private IAuthenticationResult await(CompletableFuture<IAuthenticationResult> future, String how) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw failed("Signing in " + how + " did not complete", e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new SignInFailedException("Signing in " + how + " was cancelled", e);
        }
    }

    /** In words for the user: MSAL's code and, from Entra ID, its description (which names the AADSTS error). */
    private static SignInFailedException failed(String what, Throwable cause) {
        String detail = cause instanceof MsalServiceException service && service.errorCode() != null
                ? service.errorCode()
                : cause instanceof MsalException msal && msal.errorCode() != null ? msal.errorCode()
                : cause.getClass().getSimpleName();
        LOG.warn("{}: {}", what, detail);
        return new SignInFailedException(what + " (" + detail + "). Try again; if it keeps failing, ask IT to check "
                + "the sign-in settings (outpost connect --client-id, --authority).", cause);
    }

    private static String errorCode(Throwable cause) {
        return cause instanceof MsalException msal ? msal.errorCode() : cause.getClass().getSimpleName();
    }

    private Optional<IAccount> account() {
        // Sorted so that the choice is stable should a cache (written by another version) hold more than one.
        return app.getAccounts().join().stream().min(Comparator.comparing(IAccount::homeAccountId));
    }

    private static SignedInUser user(IAccount account) {
        String home = account.homeAccountId();
        String tenant = home.contains(".") ? home.substring(home.indexOf('.') + 1) : "";
        return new SignedInUser(account.username() == null ? "" : account.username(), tenant, home);
    }
}
