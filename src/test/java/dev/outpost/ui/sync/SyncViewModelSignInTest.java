package dev.outpost.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.auth.AnotherUsersCopy;
import dev.outpost.auth.FakeIdentityProvider;
import dev.outpost.auth.FakeIdentityProvider.FakeUser;
import dev.outpost.auth.FollowingBrowser;
import dev.outpost.auth.ProfileSignIn;
import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.ProfileIdentity;
import dev.outpost.ui.concurrent.SameThreadTasks;

/**
 * The window's sign-in state, on one thread: real MSAL4J against the fake identity provider over TLS, the browser
 * played by {@link FollowingBrowser}, the demo CRM taking the one token the provider issues.
 */
class SyncViewModelSignInTest {

    static final FakeUser ADA = FakeUser.of("ada@contoso.com", "tid-contoso");
    static final FakeUser BOB = FakeUser.of("bob@contoso.com", "tid-contoso");
    static final String TOKEN = "token-from-the-window-sign-in";

    @TempDir
    Path folder;

    private FakeIdentityProvider idp;
    private DemoServer crm;
    private OfflineStore store;
    private SyncConnection connection;
    private SyncViewModel model;
    private final List<String> reported = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        idp = FakeIdentityProvider.start("contoso", ADA);
        idp.issueAccessTokensAs(TOKEN);
        crm = DemoServer.start(0, DemoOptions.defaults().records(20).seed(3).fixedToken(TOKEN));
        ProfileFolder profile = new ProfileFolder(folder);
        connectWithSignIn(profile, idp, crm);
        store = OfflineStore.open(profile);
        connection = new SyncConnection(profile, environment(idp)::get, 0, Optional.of(new FollowingBrowser(idp)));
        model = new SyncViewModel(connection, store.sync(), new SameThreadTasks(), reported::add,
                Validation.inSystemZone(), ZoneOffset.UTC, Optional.empty());
    }

    @AfterEach
    void stop() {
        connection.close();
        store.close();
        crm.stop();
        idp.close();
    }

    /** What {@code outpost connect --crm-url URL --client-id ID --authority URL} saves. */
    static void connectWithSignIn(ProfileFolder profile, FakeIdentityProvider idp, DemoServer crm) {
        new ConnectionSettings(crm.url(), "OUTPOST_ACCESS_TOKEN").withSignIn(Optional.of(new ConnectionSettings.SignInChoice(
                Optional.of("outpost-test-client"), Optional.of(idp.authority())))).write(profile);
    }

    /** No OUTPOST_ACCESS_TOKEN: every token must come from the sign-in. */
    static Map<String, String> environment(FakeIdentityProvider idp) {
        return Map.of(ProfileSignIn.CERTIFICATE_VARIABLE, idp.certificateFile().toString());
    }

    @Test
    void aSyncWithNobodySignedInAsksForASignIn() {
        model.syncNow();

        assertThat(model.signInNeededProperty().get()).isTrue();
        assertThat(model.signInTextProperty().get()).isEqualTo("Nobody is signed in on this profile. Sign in to sync with the CRM.");
        assertThat(model.statusTextProperty().get()).isEqualTo("Sign-in needed");
        assertThat(model.otherUserSignedInProperty().get()).isFalse();
        assertThat(store.sync().latestRuns(10)).isEmpty();
    }

    @Test
    void signingInRecordsTheUserAndSyncsAtOnce() {
        model.syncNow();

        model.signIn();

        assertThat(model.signInNeededProperty().get()).isFalse();
        assertThat(model.signInTextProperty().get()).isEmpty();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(store.sync().liveCount(RecordType.ACCOUNT)).isPositive();
        assertThat(model.statusTextProperty().get()).startsWith("Last sync:");
        assertThat(ProfileIdentity.read(store.profile())).hasValueSatisfying(identity -> {
            assertThat(identity.user()).isEqualTo("ada@contoso.com");
            assertThat(identity.tenant()).isEqualTo("tid-contoso");
        });
        assertThat(idp.scopeOf(TOKEN)).isEqualTo(crm.url().toString().replaceAll("/+$", "") + "/.default");
        assertThat(reported).isEmpty();
    }

    @Test
    void aRevokedSignInAsksAgainAndNoTokenIsShown() {
        idp.accessTokenLifetime(Duration.ofMinutes(1)); // renewed at every use
        model.signIn();
        idp.revokeRefreshTokens();

        model.syncNow();

        assertThat(model.signInNeededProperty().get()).isTrue();
        assertThat(model.signInTextProperty().get()).contains("ada@contoso.com").contains("expired or was revoked")
                .doesNotContain(TOKEN);
        assertThat(model.statusTextProperty().get()).doesNotContain(TOKEN);
    }

    @Test
    void someoneElseSigningInOnAProfileWithDataNeitherSyncsNorTakesItOver() {
        model.signIn();
        int runs = store.sync().latestRuns(100).size();
        idp.signInAs(BOB);

        model.signIn();

        assertThat(model.otherUserSignedInProperty().get()).isTrue();
        assertThat(model.anotherUsersCopy()).contains(new AnotherUsersCopy("ada@contoso.com", "bob@contoso.com"));
        assertThat(model.signInNeededProperty().get()).isTrue();
        assertThat(model.signInTextProperty().get()).isEqualTo("This computer holds the offline copy of ada@contoso.com; "
                + "bob@contoso.com signed in. Sign in as ada@contoso.com, or switch accounts with Account \u2192 Connect "
                + "to another CRM\u2026 (or outpost login --export FILE).");
        assertThat(ProfileIdentity.read(store.profile()).orElseThrow().user()).isEqualTo("ada@contoso.com");
        assertThat(store.sync().latestRuns(100)).hasSize(runs);
        assertThat(store.sync().liveCount(RecordType.ACCOUNT)).isPositive(); // nothing removed
    }

    @Test
    void aLaterSyncUnderTheOtherUserIsRefusedToo() {
        model.signIn();
        idp.signInAs(BOB);
        model.signIn();
        int runs = store.sync().latestRuns(100).size();

        model.syncNow();

        assertThat(model.otherUserSignedInProperty().get()).isTrue();
        assertThat(model.signInTextProperty().get()).startsWith("This computer holds the offline copy of ada@contoso.com");
        assertThat(store.sync().latestRuns(100)).hasSize(runs);
    }

    @Test
    void signingInAsTheOwnerAgainLetsTheSyncGoOn() {
        model.signIn();
        idp.signInAs(BOB);
        model.signIn();
        idp.signInAs(ADA);

        model.signIn();

        assertThat(model.signInNeededProperty().get()).isFalse();
        assertThat(model.otherUserSignedInProperty().get()).isFalse();
        assertThat(model.statusTextProperty().get()).startsWith("Last sync:");
    }

    @Test
    void anEmptyProfileBecomesTheNewUsers() {
        new ProfileIdentity(crm.url(), "ada@contoso.com", "tid-contoso").write(store.profile());
        idp.signInAs(BOB);

        model.signIn();

        assertThat(model.otherUserSignedInProperty().get()).isFalse();
        assertThat(ProfileIdentity.read(store.profile()).orElseThrow().user()).isEqualTo("bob@contoso.com");
        assertThat(store.sync().liveCount(RecordType.ACCOUNT)).isPositive();
    }

    @Test
    void aSignInThatDoesNotCompleteSaysWhyAndKeepsTheBanner() {
        model.syncNow();
        idp.close();

        model.signIn();

        assertThat(model.signInNeededProperty().get()).isTrue();
        assertThat(model.signInTextProperty().get()).contains("did not complete");
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.signingInProperty().get()).isFalse();
    }

    @Test
    void aConnectedMailboxGetsItsGraphTokenFromTheSameSignIn() {
        // No OUTPOST_GRAPH_TOKEN in the environment: a done Outlook run had its token from the sign-in.
        ConnectionSettings.read(store.profile()).orElseThrow().withMailbox(Optional.of(new ConnectionSettings.Mailbox(
                crm.graphUrl(), ConnectionSettings.DEFAULT_GRAPH_TOKEN_VARIABLE))).write(store.profile());
        try (SyncConnection withMailbox = new SyncConnection(store.profile(), environment(idp)::get, 0,
                Optional.of(new FollowingBrowser(idp)))) {
            SyncViewModel mailboxModel = new SyncViewModel(withMailbox, store.sync(), new SameThreadTasks(), reported::add,
                    Validation.inSystemZone(), ZoneOffset.UTC, Optional.empty());

            mailboxModel.signIn();

            assertThat(mailboxModel.signInNeededProperty().get()).isFalse();
            assertThat(store.sync().latestRuns(10)).anySatisfy(run -> {
                assertThat(run.pair()).isEqualTo(dev.outpost.outlook.OutlookPair.NAME);
                assertThat(run.outcome()).isEqualTo("done");
            });
        }
    }

    @Test
    void aProfileWithTokensFromTheEnvironmentShowsNoBannerAndNamesTheVariable() throws Exception {
        new ConnectionSettings(crm.url(), "OUTPOST_ACCESS_TOKEN").write(store.profile());
        try (SyncConnection plain = new SyncConnection(store.profile(), Map.<String, String>of()::get, 0)) {
            SyncViewModel envModel = new SyncViewModel(plain, store.sync(), new SameThreadTasks(), reported::add,
                    Validation.inSystemZone(), ZoneOffset.UTC, Optional.empty());

            envModel.syncNow();

            assertThat(envModel.signInNeededProperty().get()).isFalse();
            assertThat(envModel.statusTextProperty().get()).isEqualTo("Sign-in needed: set OUTPOST_ACCESS_TOKEN");
        }
    }
}
