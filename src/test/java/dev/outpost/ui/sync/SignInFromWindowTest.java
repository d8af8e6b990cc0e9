package dev.outpost.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import dev.outpost.testing.Screenshots;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.outpost.auth.FakeIdentityProvider;
import dev.outpost.auth.FollowingBrowser;
import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.ProfileIdentity;
import dev.outpost.ui.concurrent.FxBackgroundTasks;
import dev.outpost.ui.main.MainWindow;
import dev.outpost.ui.settings.SettingsFile;

/**
 * A profile that signs in, in the window: the banner when nobody is signed in, <em>Sign in</em> through real MSAL4J
 * against the fake identity provider (the browser played by {@link FollowingBrowser}), then the sync.
 */
@ExtendWith(ApplicationExtension.class)
class SignInFromWindowTest {

    /** Set (e.g. -Doutpost.screenshots=docs/screenshots) to save the banner's picture for the docs. */

    @TempDir
    Path folder;

    private FakeIdentityProvider idp;
    private DemoServer crm;
    private OfflineStore store;
    private FxBackgroundTasks tasks;
    private FxBackgroundTasks syncTasks;
    private SettingsFile settings;
    private SyncConnection connection;
    private SyncViewModel sync;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        idp = FakeIdentityProvider.start("contoso", SyncViewModelSignInTest.ADA);
        idp.issueAccessTokensAs(SyncViewModelSignInTest.TOKEN);
        idp.accessTokenLifetime(Duration.ofMinutes(1)); // renewed at every use: a revocation shows at the next sync
        crm = DemoServer.start(0, DemoOptions.defaults().records(20).seed(3).fixedToken(SyncViewModelSignInTest.TOKEN));
        ProfileFolder profile = new ProfileFolder(folder);
        SyncViewModelSignInTest.connectWithSignIn(profile, idp, crm);
        store = OfflineStore.open(profile);
        connection = new SyncConnection(profile, SyncViewModelSignInTest.environment(idp)::get, 0,
                Optional.of(new FollowingBrowser(idp)));
        tasks = new FxBackgroundTasks();
        syncTasks = new FxBackgroundTasks();
        settings = new SettingsFile(profile.settingsFile());
        settings.load();
        MainWindow window = MainWindow.showIn(stage, store.records(), tasks, settings, errors -> new SyncViewModel(
                connection, store.sync(), syncTasks, errors, Validation.inSystemZone(), ZoneId.systemDefault(),
                Optional.empty()));
        sync = window.sync().orElseThrow();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w != stage).toList().forEach(w -> w.hide()));
        robot.interact(stage::hide);
        syncTasks.close();
        tasks.close();
        settings.close();
        connection.close();
        store.close();
        crm.stop();
        idp.close();
    }

    @Test
    void nobodySignedInShowsTheBannerAfterTheFirstSyncAttempt(FxRobot robot) throws TimeoutException {
        waitForBanner(robot);

        assertThat(robot.lookup("#signin-text").queryAs(Label.class).getText()).contains("Nobody is signed in");
        Button signIn = robot.lookup("#signin-button").queryButton();
        assertThat(signIn.isFocusTraversable()).isTrue();
        assertThat(signIn.getAccessibleText()).isEqualTo("Sign in");
        assertThat(robot.lookup("#status-sync").queryAs(Label.class).getText()).isEqualTo("Sign-in needed");
        if (System.getProperty(Screenshots.FOLDER) != null) {
            Screenshots.save(robot, stage.getScene(), "signin-banner.png");
            robot.clickOn("#theme-toggle");
            Screenshots.save(robot, stage.getScene(), "signin-banner-dark.png");
        }
    }

    @Test
    void signInFromTheKeyboardSignsInSyncsAndRecordsTheUser(FxRobot robot) throws TimeoutException {
        waitForBanner(robot);
        robot.interact(() -> robot.lookup("#signin-button").query().requestFocus());

        robot.push(KeyCode.SPACE);

        DemoProfiles.waitUntil(Duration.ofSeconds(30), () -> !sync.signInNeededProperty().get()
                && !sync.runningProperty().get() && robot.lookup("#status-sync").queryAs(Label.class).getText().endsWith("done"));
        assertThat(robot.lookup("#signin-banner").query().isVisible()).isFalse();
        assertThat(store.sync().liveCount(RecordType.ACCOUNT)).isPositive();
        assertThat(ProfileIdentity.read(store.profile()).orElseThrow().user()).isEqualTo("ada@contoso.com");
    }

    @Test
    void aRevokedSignInBringsTheBannerBackAtTheNextSync(FxRobot robot) throws TimeoutException {
        signInAndSync(robot);
        idp.revokeRefreshTokens();

        robot.clickOn("#sync-now");

        waitForBanner(robot);
        assertThat(robot.lookup("#signin-text").queryAs(Label.class).getText()).contains("expired or was revoked")
                .doesNotContain(SyncViewModelSignInTest.TOKEN);
    }

    @Test
    void someoneElseSigningInDoesNotSyncAndSaysWhoseCopyThisIs(FxRobot robot) throws TimeoutException {
        signInAndSync(robot);
        int runs = store.sync().latestRuns(100).size();
        idp.revokeRefreshTokens();
        robot.clickOn("#sync-now");
        waitForBanner(robot);
        idp.signInAs(SyncViewModelSignInTest.BOB);

        robot.clickOn("#signin-button");

        DemoProfiles.waitUntil(Duration.ofSeconds(30), () -> sync.otherUserSignedInProperty().get()
                && !sync.runningProperty().get());
        assertThat(robot.lookup("#signin-banner").query().isVisible()).isTrue();
        assertThat(robot.lookup("#signin-text").queryAs(Label.class).getText())
                .startsWith("This computer holds the offline copy of ada@contoso.com; bob@contoso.com signed in.");
        assertThat(ProfileIdentity.read(store.profile()).orElseThrow().user()).isEqualTo("ada@contoso.com");
        assertThat(store.sync().latestRuns(100)).hasSize(runs);
    }

    private void signInAndSync(FxRobot robot) throws TimeoutException {
        waitForBanner(robot);
        robot.clickOn("#signin-button");
        DemoProfiles.waitUntil(Duration.ofSeconds(30), () -> !sync.signInNeededProperty().get()
                && !sync.runningProperty().get() && robot.lookup("#status-sync").queryAs(Label.class).getText().endsWith("done"));
    }

    private void waitForBanner(FxRobot robot) throws TimeoutException {
        DemoProfiles.waitUntil(Duration.ofSeconds(30), () -> !sync.runningProperty().get()
                && robot.lookup("#signin-banner").tryQuery().map(Node::isVisible).orElse(false));
    }

}
