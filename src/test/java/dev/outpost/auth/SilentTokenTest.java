package dev.outpost.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;

/** Tokens before every sync: from the cache, renewed with the refresh token, and what happens when that fails. */
class SilentTokenTest {

    static final String CRM = SignInFlowsTest.CRM;
    static final String GRAPH = SignInSettings.graphScope(URI.create("https://graph.microsoft.com/v1.0"));

    @TempDir
    Path folder;

    FakeIdentityProvider idp;
    Path cacheFile;

    @BeforeEach
    void start() throws Exception {
        idp = FakeIdentityProvider.start(SignInFlowsTest.TENANT, SignInFlowsTest.ADA);
        cacheFile = folder.resolve("token-cache");
    }

    @AfterEach
    void stop() {
        idp.close();
    }

    SignIn signIn(TokenCacheStore store) {
        return new SignIn(new SignInSettings("outpost-test-client", idp.authority()), store, new FollowingBrowser(idp),
                Optional.of(idp.trust()));
    }

    SignIn signedIn() {
        SignIn signIn = signIn(TokenCacheStore.inFile(cacheFile));
        signIn.signInInBrowser(Set.of(CRM));
        return signIn;
    }

    @Test
    void aValidTokenComesFromTheCacheWithoutAskingTheProvider() {
        SignIn signIn = signedIn();
        String first = signIn.token(CRM);

        String second = signIn.token(CRM);

        assertThat(second).isEqualTo(first);
        assertThat(idp.tokenRequests("refresh_token")).isZero();
    }

    @Test
    void aTokenForGraphIsGotWithTheRefreshTokenOfTheCrmSignIn() {
        SignIn signIn = signedIn();

        String graph = signIn.token(GRAPH);

        assertThat(idp.scopeOf(graph)).isEqualTo("https://graph.microsoft.com/.default");
        assertThat(idp.tokenRequests("refresh_token")).isEqualTo(1);
    }

    @Test
    void anExpiringTokenIsRenewedSilentlyWithTheRefreshToken() {
        // MSAL renews tokens that expire within five minutes: one of a minute is renewed at once.
        idp.accessTokenLifetime(Duration.ofMinutes(1));
        SignIn signIn = signedIn();
        String first = signIn.token(CRM);

        String renewed = signIn.token(CRM);

        assertThat(renewed).isNotEqualTo(first);
        assertThat(idp.scopeOf(renewed)).isEqualTo(CRM);
        assertThat(idp.tokenRequests("refresh_token")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRevokedRefreshTokenMeansSignInAgain() {
        idp.accessTokenLifetime(Duration.ofMinutes(1));
        SignIn signIn = signedIn();
        idp.revokeRefreshTokens();

        assertThatThrownBy(() -> signIn.token(CRM)).isInstanceOf(SignInRequiredException.class)
                .hasMessageContaining("ada@contoso.com").hasMessageEndingWith("Sign in again: outpost login");
    }

    @Test
    void aFailedRenewalLeavesNoTokenInTheLogOrTheException() throws Exception {
        idp.accessTokenLifetime(Duration.ofMinutes(1));
        SignIn signIn = signedIn();
        signIn.token(GRAPH);
        idp.revokeRefreshTokens();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        root.setLevel(Level.ALL); // MSAL's debug lines too
        logged.start();
        root.addAppender(logged);
        StringWriter failure = new StringWriter();
        try {
            signIn.token(CRM);
        } catch (SignInRequiredException e) {
            e.printStackTrace(new PrintWriter(failure));
        } finally {
            root.detachAppender(logged);
            root.setLevel(level);
        }
        StringBuilder log = new StringBuilder();
        for (ILoggingEvent event : logged.list) {
            log.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                log.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
        String cache = Files.readString(cacheFile);

        assertThat(failure.toString()).contains("Sign in again");
        assertThat(log).isNotEmpty();
        for (String token : idp.issuedAccessTokens()) {
            assertThat(failure.toString()).doesNotContain(token);
            assertThat(log.toString()).doesNotContain(token);
        }
        assertThat(refreshTokensIn(cache)).isNotEmpty().allSatisfy(refresh -> {
            assertThat(failure.toString()).doesNotContain(refresh);
            assertThat(log.toString()).doesNotContain(refresh);
        });
    }

    @Test
    void nobodySignedInMeansSignIn() {
        SignIn signIn = signIn(TokenCacheStore.inFile(cacheFile));

        assertThat(signIn.signedInUser()).isEmpty();
        assertThatThrownBy(() -> signIn.token(CRM)).isInstanceOf(SignInRequiredException.class)
                .hasMessageContaining("Nobody is signed in").hasMessageContaining("outpost login");
    }

    @Test
    void afterSigningOutNoTokenComesAndTheCacheIsGone() {
        SignIn signIn = signedIn();
        signIn.token(CRM);

        signIn.signOut();

        assertThat(signIn.signedInUser()).isEmpty();
        assertThat(cacheFile).doesNotExist();
        assertThatThrownBy(() -> signIn.token(CRM)).isInstanceOf(SignInRequiredException.class);
        assertThat(signIn(TokenCacheStore.inFile(cacheFile)).signedInUser()).isEmpty();
    }

    @Test
    void theSignInSurvivesARestart() {
        String before = signedIn().token(CRM);

        SignIn afterRestart = signIn(TokenCacheStore.inFile(cacheFile));

        assertThat(afterRestart.signedInUser()).map(SignedInUser::user).contains("ada@contoso.com");
        assertThat(afterRestart.token(CRM)).isEqualTo(before);
        assertThat(idp.tokenRequests("refresh_token")).isZero();
    }

    @Test
    void theCacheFileIsTheOwnersOnlyAndHoldsTheTokensInPlainText() throws Exception {
        String token = signedIn().token(CRM);

        assertThat(Files.getPosixFilePermissions(cacheFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // Why the cache belongs in the OS key store (SecretVault): a plain file is only as safe as its permissions.
        assertThat(Files.readString(cacheFile)).contains(token);
    }

    @Test
    void aTokenServedFromTheCacheWritesNothing() {
        AtomicInteger writes = new AtomicInteger();
        TokenCacheStore file = TokenCacheStore.inFile(cacheFile);
        TokenCacheStore counting = new TokenCacheStore() {
            public Optional<byte[]> read() {
                return file.read();
            }

            public void write(byte[] cache) {
                writes.incrementAndGet();
                file.write(cache);
            }

            public void delete() {
                file.delete();
            }
        };
        SignIn signIn = signIn(counting);
        signIn.signInInBrowser(Set.of(CRM));
        signIn.token(CRM);
        int afterSignIn = writes.get();

        signIn.token(CRM);
        signIn.signedInUser();

        assertThat(afterSignIn).isPositive();
        assertThat(writes.get()).isEqualTo(afterSignIn);
    }

    @Test
    void anUnreachableProviderIsAFailureNotARequestToSignInAgain() {
        idp.accessTokenLifetime(Duration.ofMinutes(1));
        SignIn signIn = signedIn();
        idp.close();

        assertThatThrownBy(() -> signIn.token(CRM)).isInstanceOf(SignInFailedException.class)
                .hasMessageContaining("Could not renew the sign-in at localhost");
    }

    private static List<String> refreshTokensIn(String cache) {
        return java.util.regex.Pattern.compile("rt-[A-Za-z0-9_-]+").matcher(cache).results().map(m -> m.group())
                .toList();
    }
}
