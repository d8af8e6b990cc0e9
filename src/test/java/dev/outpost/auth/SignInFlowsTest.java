package dev.outpost.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.auth.FakeIdentityProvider.FakeUser;

/** MSAL4J for real, against the fake identity provider over TLS on loopback: browser and device-code sign-in. */
class SignInFlowsTest {

    static final String TENANT = "contoso-tenant";
    static final FakeUser ADA = FakeUser.of("ada@contoso.com", "tid-contoso");
    static final FakeUser BOB = FakeUser.of("bob@contoso.com", "tid-contoso");
    static final String CRM = SignInSettings.crmScope(URI.create("https://contoso.crm.dynamics.com"));

    @TempDir
    Path folder;

    FakeIdentityProvider idp;

    @BeforeEach
    void start() throws Exception {
        idp = FakeIdentityProvider.start(TENANT, ADA);
    }

    @AfterEach
    void stop() {
        idp.close();
    }

    SignIn signIn(Browser browser) {
        return new SignIn(new SignInSettings("outpost-test-client", idp.authority()),
                TokenCacheStore.inFile(folder.resolve("token-cache")), browser, Optional.of(idp.trust()));
    }

    @Test
    void signingInInTheBrowserNamesTheUserAndTheirTenant() {
        FollowingBrowser browser = new FollowingBrowser(idp);

        SignInOutcome outcome = signIn(browser).signInInBrowser(Set.of(CRM));

        assertThat(outcome.now().user()).isEqualTo("ada@contoso.com");
        assertThat(outcome.now().tenant()).isEqualTo("tid-contoso");
        assertThat(outcome.now().homeAccountId()).isEqualTo(ADA.objectId() + ".tid-contoso");
        assertThat(outcome.before()).isEmpty();
        assertThat(browser.opened()).singleElement().asString()
                .startsWith(idp.authority() + "oauth2/v2.0/authorize?").contains("code_challenge_method=S256");
    }

    @Test
    void afterABrowserSignInATokenForTheCrmComesWithoutAskingAgain() {
        SignIn signIn = signIn(new FollowingBrowser(idp));
        signIn.signInInBrowser(Set.of(CRM));

        String token = signIn.token(CRM);

        assertThat(idp.scopeOf(token)).isEqualTo(CRM);
        assertThat(signIn.signedInUser()).map(SignedInUser::user).contains("ada@contoso.com");
    }

    @Test
    void aCodeStolenOnItsWayBackIsWorthlessWithoutTheVerifier() throws Exception {
        List<String> stolenAnswers = new ArrayList<>();
        FollowingBrowser[] browser = new FollowingBrowser[1];
        browser[0] = new FollowingBrowser(idp, answer -> stolenAnswers.add(new StolenCode(idp).redeem(answer.get("code"),
                FakeIdentityProvider.form(browser[0].opened().getLast().getQuery()).get("redirect_uri"))));
        SignIn signIn = signIn(browser[0]);

        // The thief redeemed the code first: it was refused, and the code is spent, so the app's redemption fails too.
        assertThatThrownBy(() -> signIn.signInInBrowser(Set.of(CRM))).isInstanceOf(SignInFailedException.class)
                .hasMessageContaining("invalid_grant");
        assertThat(stolenAnswers).singleElement().asString().contains("invalid_grant").contains("Code_Verifier");
        assertThat(idp.issuedAccessTokens()).isEmpty();
        assertThat(signIn.signedInUser()).isEmpty();
    }

    @Test
    void anAnswerWithAnotherStateIsRefusedBeforeTheCodeIsRedeemed() {
        idp.answerWithWrongState();
        SignIn signIn = signIn(new FollowingBrowser(idp));

        assertThatThrownBy(() -> signIn.signInInBrowser(Set.of(CRM))).isInstanceOf(SignInFailedException.class)
                .hasMessageContaining("invalid_authorization_result");
        assertThat(idp.tokenRequests("authorization_code")).isZero();
        assertThat(signIn.signedInUser()).isEmpty();
    }

    @Test
    void deviceCodeSignInShowsTheAddressAndCodeAndWaitsForApproval() {
        List<String> shown = new ArrayList<>();

        SignInOutcome outcome = signIn(page -> {
            throw new AssertionError("no browser for a device code");
        }).signInWithDeviceCode(Set.of(CRM), shown::add);

        assertThat(shown).singleElement().asString().contains("https://localhost:").contains("/devicelogin")
                .containsPattern("[0-9A-F]{4}-[0-9A-F]{4}");
        assertThat(idp.refusals()).anyMatch(r -> r.startsWith("authorization_pending"));
        assertThat(outcome.now().user()).isEqualTo("ada@contoso.com");
    }

    @Test
    void aDeviceCodeNobodyApprovesExpiresAndTheSignInFailsSayingSo() {
        idp.neverApproveDeviceCodes(Duration.ofSeconds(2));

        assertThatThrownBy(() -> signIn(page -> {
        }).signInWithDeviceCode(Set.of(CRM), message -> {
        })).isInstanceOf(SignInFailedException.class).hasMessageContaining("code_expired");
        assertThat(idp.issuedAccessTokens()).isEmpty();
    }

    @Test
    void signingInAsSomeoneElseSaysWhoWasSignedInBeforeAndKeepsOnlyTheNewAccount() {
        SignIn signIn = signIn(new FollowingBrowser(idp));
        signIn.signInInBrowser(Set.of(CRM));
        idp.signInAs(BOB);

        SignInOutcome outcome = signIn.signInInBrowser(Set.of(CRM));

        assertThat(outcome.userChanged()).isTrue();
        assertThat(outcome.before()).map(SignedInUser::user).contains("ada@contoso.com");
        assertThat(outcome.now().user()).isEqualTo("bob@contoso.com");
        assertThat(signIn.signedInUser()).map(SignedInUser::user).contains("bob@contoso.com");
    }

    @Test
    void signingInAgainAsTheSameUserIsNoChange() {
        SignIn signIn = signIn(new FollowingBrowser(idp));
        signIn.signInInBrowser(Set.of(CRM));

        SignInOutcome again = signIn.signInInBrowser(Set.of(CRM));

        assertThat(again.before()).isPresent();
        assertThat(again.userChanged()).isFalse();
    }

    @Test
    void aSignInTheProviderCannotBeReachedForFailsSayingSo() {
        SignIn signIn = signIn(new FollowingBrowser(idp));
        idp.close();

        assertThatThrownBy(() -> signIn.signInWithDeviceCode(Set.of(CRM), message -> {
        })).isInstanceOf(SignInFailedException.class).hasMessageContaining("did not complete");
    }

    /** A thief who has the code but not the PKCE verifier. */
    private record StolenCode(FakeIdentityProvider idp) {
        String redeem(String code, String redirectUri) {
            try {
                var client = java.net.http.HttpClient.newBuilder().sslContext(idp.clientTls()).build();
                String form = "grant_type=authorization_code&client_id=outpost-test-client&redirect_uri="
                        + java.net.URLEncoder.encode(redirectUri, java.nio.charset.StandardCharsets.UTF_8)
                        + "&code=" + code + "&code_verifier=guessed-verifier-guessed-verifier-guessed-verifier";
                return client.send(java.net.http.HttpRequest.newBuilder(URI.create(idp.authority() + "oauth2/v2.0/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
