package dev.outpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outpost.auth.FakeIdentityProvider;
import dev.outpost.auth.ProfileSignIn;
import dev.outpost.auth.FakeIdentityProvider.FakeUser;
import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;

/**
 * connect with sign-in options, login (device code), sync with the sign-in's tokens, logout: in-process, against the
 * fake identity provider over TLS and the demo CRM, which takes the one token the provider is told to issue.
 */
@ExtendWith(SecretsInFiles.class)
class SignInCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FakeUser ADA = FakeUser.of("ada@contoso.com", "tid-contoso");
    private static final String SIGNED_IN_TOKEN = "token-from-the-sign-in";

    @TempDir
    Path profile;

    FakeIdentityProvider idp;
    DemoServer crm;
    Map<String, String> environment;

    @BeforeEach
    void start() throws Exception {
        idp = FakeIdentityProvider.start("contoso", ADA);
        idp.issueAccessTokensAs(SIGNED_IN_TOKEN);
        crm = DemoServer.start(0, DemoOptions.defaults().records(20).seed(3).fixedToken(SIGNED_IN_TOKEN));
        // No OUTPOST_ACCESS_TOKEN: every token must come from the sign-in.
        environment = Map.of(ProfileSignIn.CERTIFICATE_VARIABLE, idp.certificateFile().toString());
    }

    @AfterEach
    void stop() {
        crm.stop();
        idp.close();
    }

    private CliRun run(String... args) {
        return CliRun.runWithEnvironment(environment, profile, args);
    }

    private CliRun connect() {
        return run("connect", "--crm-url", crm.url().toString(), "--client-id", "outpost-test-client", "--authority",
                idp.authority().toString());
    }

    @Test
    void connectWithAClientIdSavesTheSignInAndSaysTokensComeFromIt() throws Exception {
        CliRun run = connect();

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("Tokens come from your sign-in").contains("client id outpost-test-client");
        JsonNode saved = JSON.readTree(Files.readString(profile.resolve("connection.json"))).path("signIn");
        assertThat(saved.path("clientId").asText()).isEqualTo("outpost-test-client");
        assertThat(saved.path("authority").asText()).isEqualTo(idp.authority().toString());
    }

    @Test
    void aPlainHttpAuthorityIsAUsageError() {
        CliRun run = run("connect", "--crm-url", crm.url().toString(), "--client-id", "app", "--authority",
                "http://127.0.0.1:9/contoso/");

        assertThat(run.exitCode).isEqualTo(OutpostCommand.USAGE);
        assertThat(run.err).contains("https").contains("unencrypted");
        assertThat(profile.resolve("connection.json")).doesNotExist();
    }

    @Test
    void authorityAndTenantTogetherAreAUsageError() {
        CliRun run = run("connect", "--crm-url", crm.url().toString(), "--client-id", "app", "--authority",
                idp.authority().toString(), "--tenant", "contoso");

        assertThat(run.exitCode).isEqualTo(OutpostCommand.USAGE);
        assertThat(run.err).contains("give one");
    }

    @Test
    void connectingAgainKeepsTheSignInUnlessTokensFromTheEnvironmentAreAskedFor() throws Exception {
        connect();

        run("connect", "--crm-url", crm.url().toString());
        assertThat(JSON.readTree(Files.readString(profile.resolve("connection.json"))).has("signIn")).isTrue();

        CliRun back = run("connect", "--crm-url", crm.url().toString(), "--access-token-env", "MY_TOKEN");
        assertThat(back.out).contains("$MY_TOKEN");
        assertThat(JSON.readTree(Files.readString(profile.resolve("connection.json"))).has("signIn")).isFalse();
    }

    @Test
    void aSyncBeforeSigningInExitsWith4SayingSignInFirst() {
        connect();

        CliRun sync = run("sync");

        assertThat(sync.exitCode).isEqualTo(CrmSession.SIGN_IN_NEEDED);
        assertThat(sync.err).contains("Nobody is signed in").contains("Sign in first: outpost login");
    }

    @Test
    void loginWithADeviceCodeShowsTheAddressAndCodeAndWhoSignedIn() {
        connect();

        CliRun login = run("login", "--device-code");

        assertThat(login.exitCode).as(login.err).isZero();
        assertThat(login.out).contains("/devicelogin").containsPattern("enter the code [0-9A-F]{4}-[0-9A-F]{4}")
                .contains("Signed in as ada@contoso.com (tenant tid-contoso).").doesNotContain("Before,");
        assertThat(dev.outpost.store.SecretVault.forProfile(new dev.outpost.store.ProfileFolder(profile)).read(dev.outpost.store.SecretVault.TOKEN_CACHE)).isPresent();
    }

    @Test
    void afterLoginASyncRunsOnTheSignInsTokens() {
        connect();
        run("login", "--device-code");

        CliRun sync = run("sync");

        assertThat(sync.exitCode).as(sync.err).isZero();
        assertThat(idp.scopeOf(SIGNED_IN_TOKEN)).isEqualTo(crm.url().toString().replaceAll("/+$", "") + "/.default");
    }

    @Test
    void loggingInAsSomeoneElseSaysWhoWasSignedInBefore() {
        connect();
        run("login", "--device-code");
        idp.signInAs(FakeUser.of("bob@contoso.com", "tid-contoso"));

        CliRun again = run("login", "--device-code");

        assertThat(again.out).contains("Signed in as bob@contoso.com")
                .contains("Before, ada@contoso.com (tenant tid-contoso) was signed in on this profile.");
    }

    @Test
    void afterLogoutTheCacheIsGoneAndASyncNeedsASignIn() {
        connect();
        run("login", "--device-code");

        CliRun logout = run("logout");
        CliRun sync = run("sync");

        assertThat(logout.out).contains("Signed out ada@contoso.com");
        assertThat(dev.outpost.store.SecretVault.forProfile(new dev.outpost.store.ProfileFolder(profile)).read(dev.outpost.store.SecretVault.TOKEN_CACHE)).isEmpty();
        assertThat(sync.exitCode).isEqualTo(CrmSession.SIGN_IN_NEEDED);
    }

    @Test
    void aRevokedSignInStopsTheSyncWith4AndNoTokenInTheMessage() {
        idp.accessTokenLifetime(Duration.ofMinutes(1)); // renewed at every use
        connect();
        run("login", "--device-code");
        idp.revokeRefreshTokens();

        CliRun sync = run("sync");

        assertThat(sync.exitCode).isEqualTo(CrmSession.SIGN_IN_NEEDED);
        assertThat(sync.err).contains("expired or was revoked").contains("Sign in first: outpost login")
                .doesNotContain(SIGNED_IN_TOKEN);
        assertThat(sync.out).doesNotContain(SIGNED_IN_TOKEN);
    }

    @Test
    void aProfileWithTokensFromTheEnvironmentSaysHowToSignInInstead() {
        run("connect", "--crm-url", crm.url().toString());

        CliRun login = run("login", "--device-code");
        CliRun logout = run("logout");

        assertThat(login.exitCode).isEqualTo(OutpostCommand.FAILED);
        assertThat(login.err).contains("$OUTPOST_ACCESS_TOKEN").contains("--client-id");
        assertThat(logout.exitCode).isZero();
        assertThat(logout.out).contains("nothing to sign out of");
    }

    @Test
    void loginOnAnUnconnectedProfileSaysToConnectFirst() {
        CliRun login = run("login");

        assertThat(login.exitCode).isEqualTo(OutpostCommand.FAILED);
        assertThat(login.err).contains("outpost connect --crm-url URL --client-id ID");
    }

    @Test
    void aLoginTheProviderRefusesFailsWithItsReason() {
        connect();
        idp.close();

        CliRun login = run("login", "--device-code");

        assertThat(login.exitCode).isEqualTo(OutpostCommand.FAILED);
        assertThat(login.err).contains("did not complete");
    }

    @Test
    void aSignInWithoutAnyClientIdSaysWhereToGiveOne() throws Exception {
        connect();
        Path file = profile.resolve("connection.json");
        // e.g. connected while IT's admin file named the client id, and the file is gone since
        com.fasterxml.jackson.databind.node.ObjectNode saved = (com.fasterxml.jackson.databind.node.ObjectNode) JSON
                .readTree(file.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) saved.get("signIn")).remove("clientId");
        JSON.writeValue(file.toFile(), saved);

        CliRun sync = run("sync");

        assertThat(sync.exitCode).isEqualTo(OutpostCommand.FAILED);
        assertThat(sync.err).contains("No client id").contains("--client-id").contains("outpost-admin.json");
    }

    @Test
    void anUnusableCertificateFileIsNamedInTheMessage() throws Exception {
        connect();
        Path notPem = profile.resolve("not-a-certificate.pem");
        Files.writeString(notPem, "hello");
        environment = Map.of(ProfileSignIn.CERTIFICATE_VARIABLE, notPem.toString());

        CliRun login = run("login", "--device-code");

        assertThat(login.exitCode).isEqualTo(OutpostCommand.FAILED);
        assertThat(login.err).contains(notPem.toString()).contains(ProfileSignIn.CERTIFICATE_VARIABLE);
    }
}
