package dev.outpost.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
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

import dev.outpost.crm.CrmConnection;
import dev.outpost.crm.DataverseEndpoint;
import dev.outpost.crm.TokenSource;
import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.SyncRun;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;
import dev.outpost.ui.concurrent.FxBackgroundTasks;
import dev.outpost.ui.main.MainWindow;
import dev.outpost.ui.settings.SettingsFile;

/**
 * The everyday sync from the window, against a demo CRM of its own (so the test can slow it down, stop and start it):
 * the progress bar, cancelling, working offline and syncing when the CRM is back, the notice after a conflict.
 */
@ExtendWith(ApplicationExtension.class)
class EverydaySyncTest {

    private static final String TOKEN = "demo";

    @TempDir
    Path folder;

    private DemoOptions serverOptions;
    private DemoServer server;
    private OfflineStore store;
    private OfflineStore other;
    private FxBackgroundTasks tasks;
    private FxBackgroundTasks syncTasks;
    private SettingsFile settings;
    private SyncConnection connection;
    private MainWindow window;
    private SyncViewModel sync;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        serverOptions = DemoOptions.defaults().folder(folder.resolve("server")).records(DemoProfiles.RECORDS)
                .fixedToken(TOKEN);
        server = DemoServer.start(0, serverOptions);
        Path profile = folder.resolve("mine");
        new ConnectionSettings(server.url(), "OUTPOST_ACCESS_TOKEN").write(new ProfileFolder(profile));
        store = OfflineStore.open(new ProfileFolder(profile));
        other = DemoProfiles.openOther(folder.resolve("other"));
        connection = new SyncConnection(new ProfileFolder(profile), Map.of("OUTPOST_ACCESS_TOKEN", TOKEN)::get,
                DemoProfiles.RECORDS);
        tasks = new FxBackgroundTasks();
        syncTasks = new FxBackgroundTasks();
        settings = new SettingsFile(new ProfileFolder(profile).settingsFile());
        settings.load();
        window = MainWindow.showIn(stage, store.records(), tasks, settings, errors -> {
            SyncViewModel model = new SyncViewModel(connection, store.sync(), syncTasks, errors,
                    Validation.inSystemZone(), ZoneId.systemDefault(), Optional.of(Duration.ofHours(1)));
            model.retryWhenOffline(Duration.ofMillis(300));
            return model;
        });
        sync = window.sync().orElseThrow();
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w != stage).toList().forEach(w -> w.hide()));
        robot.interact(stage::hide);
        syncTasks.close();
        tasks.close();
        settings.close();
        connection.close();
        other.close();
        store.close();
        server.stop();
    }

    @Test
    void aRunningSyncShowsABarAndWhatEachTypeMovedAndCancelReplacesSyncNow(FxRobot robot) throws TimeoutException {
        waitForSyncDone(robot);
        server.faults().latency(300);
        List<String> details = new ArrayList<>();
        robot.interact(() -> sync.progressDetailProperty().addListener((obs, old, now) -> details.add(now)));

        robot.interact(() -> robot.lookup("#sync-now").query().requestFocus());
        robot.push(KeyCode.SPACE); // by keyboard: the focus moves to Cancel sync, and back after

        DemoProfiles.waitUntil(Duration.ofSeconds(10), () -> robot.lookup("#sync-cancel").query().isVisible());
        assertThat(robot.lookup("#sync-cancel").query().isFocused()).isTrue();
        assertThat(robot.lookup("#sync-now").query().isVisible()).isFalse();
        assertThat(robot.lookup("#sync-progress").queryAs(ProgressBar.class).isVisible()).isTrue();
        DemoProfiles.waitUntil(Duration.ofSeconds(10),
                () -> robot.lookup("#sync-progress").queryAs(ProgressBar.class).getProgress() > 0);
        assertThat(robot.lookup("#sync-progress").queryAs(ProgressBar.class).getAccessibleText()).contains("Syncing");
        Screenshots.save(robot, stage.getScene(), "sync-progress-light" + ".png");
        server.faults().clear();
        waitForSyncDone(robot);
        assertThat(details).anyMatch(text -> text.matches("Accounts: \\d+ received, 0 sent.*"));
        assertThat(robot.lookup("#sync-now").query().isVisible()).isTrue();
        assertThat(robot.lookup("#sync-now").query().isFocused()).isTrue();
        assertThat(robot.lookup("#sync-cancel").query().isVisible()).isFalse();
    }

    @Test
    void cancellingStopsAtASafePointAndTheNextSyncSendsEveryChangeExactlyOnce(FxRobot robot) throws TimeoutException {
        waitForSyncDone(robot);
        int contactsBefore = server.count("contacts");
        int tasksBefore = server.count("tasks");
        for (int i = 1; i <= 5; i++) {
            store.records().create(RecordType.CONTACT, Map.of("lastName", "Queued " + i, "email", "queued" + i + "@example.com"));
            store.records().create(RecordType.TASK, Map.of("subject", "Queued task " + i, "due", "2026-12-0" + i));
        }
        server.faults().latency(600);

        robot.clickOn("#sync-now");
        // Contacts sent, the tasks not yet: cancel there.
        DemoProfiles.waitUntil(Duration.ofSeconds(30), () -> sync.progressDetailProperty().get().contains("Contacts: ")
                && sync.progressDetailProperty().get().matches(".*Contacts: \\d+ received, 5 sent.*"));
        robot.clickOn("#sync-cancel");
        DemoProfiles.waitUntil(Duration.ofSeconds(30), () -> !sync.runningProperty().get());

        SyncRun cancelled = store.sync().latestRuns(1).getFirst();
        assertThat(cancelled.outcome()).isEqualTo("cancelled");
        assertThat(label(robot, "#status-sync").getText()).endsWith("stopped");
        assertThat(server.count("contacts")).isEqualTo(contactsBefore + 5);
        assertThat(server.count("tasks")).as("stopped before the tasks").isEqualTo(tasksBefore);

        server.faults().clear();
        robot.clickOn("#sync-now");
        DemoProfiles.waitUntil(Duration.ofSeconds(30), () -> !sync.runningProperty().get()
                && window.model().pendingChangesProperty().get() == 0 && label(robot, "#status-sync").getText().endsWith("done"));

        assertThat(server.count("contacts")).as("no contact sent twice").isEqualTo(contactsBefore + 5);
        assertThat(server.count("tasks")).isEqualTo(tasksBefore + 5);
        syncOther();
        for (int i = 1; i <= 5; i++) {
            String name = "Queued " + i;
            String subject = "Queued task " + i;
            assertThat(other.records().list(RecordType.CONTACT, "")).filteredOn(r -> name.equals(r.get("lastName"))).hasSize(1);
            assertThat(other.records().list(RecordType.TASK, "")).filteredOn(r -> subject.equals(r.get("subject"))).hasSize(1);
        }
        assertThat(store.records().list(RecordType.TASK, "")).filteredOn(r -> r.get("subject").startsWith("Queued task"))
                .hasSize(5); // and nothing came back twice here either
    }

    @Test
    void withTheCrmGoneTheWindowSaysOfflineQueuesEditsAndSyncsThemWhenItIsBack(FxRobot robot) throws Exception {
        waitForSyncDone(robot);
        int port = server.url().getPort();
        server.stop();
        Record account = store.records().list(RecordType.ACCOUNT, "").getFirst();
        store.records().update(account.id(), Map.of("city", "Tromsø"));
        robot.interact(window.model()::refreshStatus);

        robot.push(KeyCode.F5);

        DemoProfiles.waitUntil(Duration.ofSeconds(60), () -> label(robot, "#status-connectivity").getText().equals("Offline"));
        DemoProfiles.waitUntil(Duration.ofSeconds(5),
                () -> label(robot, "#status-pending").getText().equals("1 change queued for when the CRM is back"));
        assertThat(sync.retryInProperty().get()).isPresent();
        Screenshots.save(robot, stage.getScene(), "offline-light" + ".png");
        // Working offline goes on: another edit is queued too.
        Record second = store.records().list(RecordType.ACCOUNT, "").get(1);
        store.records().update(second.id(), Map.of("city", "Bodø"));
        robot.interact(window.model()::refreshStatus);
        DemoProfiles.waitUntil(Duration.ofSeconds(5),
                () -> label(robot, "#status-pending").getText().equals("2 changes queued for when the CRM is back"));

        server = DemoServer.start(port, serverOptions);

        // Nobody clicks: a retry finds the CRM and sends both.
        DemoProfiles.waitUntil(Duration.ofSeconds(90), () -> !sync.runningProperty().get()
                && label(robot, "#status-connectivity").getText().equals("Online")
                && window.model().pendingChangesProperty().get() == 0);
        assertThat(sync.retryInProperty().get()).isEmpty();
        syncOther();
        assertThat(DemoProfiles.account(other, account.get("name")).get("city")).isEqualTo("Tromsø");
        assertThat(DemoProfiles.account(other, second.get("name")).get("city")).isEqualTo("Bodø");
    }

    @Test
    void aSyncThatMadeAConflictSaysSoOnceAndACleanSyncSaysNothing(FxRobot robot) throws TimeoutException {
        waitForSyncDone(robot);
        assertThat(robot.lookup("#sync-attention").query().isVisible()).as("a clean first sync").isFalse();
        AtomicInteger notices = new AtomicInteger();
        robot.interact(() -> sync.attentionProperty().addListener((obs, old, now) -> {
            if (now != null) {
                notices.incrementAndGet();
            }
        }));
        robot.clickOn("#sync-now");
        waitForSyncDone(robot);
        assertThat(notices).as("a clean sync").hasValue(0);

        syncOther();
        Record account = store.records().list(RecordType.ACCOUNT, "").getFirst();
        Record theirs = DemoProfiles.account(other, account.get("name"));
        other.records().update(theirs.id(), Map.of("city", "Lisbon"));
        syncOther();
        store.records().update(account.id(), Map.of("city", "Oslo"));
        robot.clickOn("#sync-now");

        DemoProfiles.waitUntil(Duration.ofSeconds(15), () -> robot.lookup("#sync-attention").query().isVisible());
        assertThat(robot.lookup("#sync-attention").queryAs(Node.class).getAccessibleText())
                .isEqualTo("1 conflict needs your decision");
        assertThat(notices).hasValue(1);
        Screenshots.save(robot, stage.getScene(), "sync-notice-light" + ".png");
        assertThat(robot.lookup("#sync-attention-show").query().isFocused()).as("the notice takes no focus").isFalse();

        robot.clickOn("#sync-attention-close");
        DemoProfiles.waitUntil(Duration.ofSeconds(5), () -> !robot.lookup("#sync-attention").query().isVisible());

        // The conflict still waits; the next sync does not tell about it again.
        robot.clickOn("#sync-now");
        DemoProfiles.waitUntil(Duration.ofSeconds(15), () -> !sync.runningProperty().get()
                && sync.conflictCountProperty().get() == 1 && label(robot, "#status-sync").getText().contains("conflict"));
        assertThat(notices).hasValue(1);
        assertThat(robot.lookup("#sync-attention").query().isVisible()).isFalse();
    }

    @Test
    void theNoticesShowButtonOpensTheConflictList(FxRobot robot) throws TimeoutException {
        waitForSyncDone(robot);
        conflictMadeBySync(robot);
        DemoProfiles.waitUntil(Duration.ofSeconds(15), () -> robot.lookup("#sync-attention").query().isVisible());

        robot.clickOn("#sync-attention-show");

        DemoProfiles.waitUntil(Duration.ofSeconds(5), () -> robot.lookup("#conflict-list").tryQuery().isPresent());
        assertThat(robot.lookup("#sync-attention").query().isVisible()).isFalse();
    }

    @Test
    void theNoticeGoesAwayOnItsOwn(FxRobot robot) throws TimeoutException {
        waitForSyncDone(robot);
        SyncNotification[] quick = new SyncNotification[1];
        robot.interact(() -> quick[0] = new SyncNotification(sync, () -> stage, javafx.util.Duration.millis(500)));
        conflictMadeBySync(robot);
        DemoProfiles.waitUntil(Duration.ofSeconds(15), () -> sync.attentionProperty().get() != null);

        DemoProfiles.waitUntil(Duration.ofSeconds(5), () -> sync.attentionProperty().get() == null
                && !robot.lookup("#sync-attention").query().isVisible());
        assertThat(quick[0]).isNotNull();
    }

    @Test
    void aSyncThatFoundAPossibleDuplicateSaysASyncIssueNeedsALook(FxRobot robot) throws TimeoutException {
        waitForSyncDone(robot);
        syncOther();
        store.records().create(RecordType.CONTACT, Map.of("firstName", "Dana", "lastName", "Twice", "email", "dana.twice@example.com"));
        other.records().create(RecordType.CONTACT, Map.of("firstName", "Dana", "lastName", "Twice", "email", "dana.twice@example.com"));
        syncOther();

        robot.clickOn("#sync-now");

        DemoProfiles.waitUntil(Duration.ofSeconds(15), () -> robot.lookup("#sync-attention").query().isVisible());
        assertThat(sync.attentionProperty().get().text()).isEqualTo("1 sync issue needs a look");
        assertThat(sync.attentionProperty().get().showsIssues()).isTrue();
    }

    /** Lisbon on the server, Oslo here, and a sync from the window. */
    private void conflictMadeBySync(FxRobot robot) {
        syncOther();
        Record account = store.records().list(RecordType.ACCOUNT, "").getFirst();
        Record theirs = DemoProfiles.account(other, account.get("name"));
        other.records().update(theirs.id(), Map.of("city", "Lisbon"));
        syncOther();
        store.records().update(account.id(), Map.of("city", "Oslo"));
        robot.push(KeyCode.F5);
    }

    private void syncOther() {
        CrmConnection crm = CrmConnection.of(server.url(), TokenSource.fixed(TOKEN)).pageSize(5000).batchSize(50);
        new SyncEngine(other.sync()).run(SyncPair.of(SyncConnection.PAIR, new DataverseEndpoint(crm), ConflictPolicy.ASK),
                RunOptions.normal());
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class);
    }

    private void waitForSyncDone(FxRobot robot) throws TimeoutException {
        DemoProfiles.waitUntil(Duration.ofSeconds(30), () -> !sync.runningProperty().get()
                && label(robot, "#status-sync").getText().endsWith("done"));
    }
}
