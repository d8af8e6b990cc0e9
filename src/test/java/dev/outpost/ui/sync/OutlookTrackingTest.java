package dev.outpost.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.outlook.OutlookPair;
import dev.outpost.store.LimitMark;
import dev.outpost.store.OfflineStore;
import dev.outpost.sync.PushLimit;
import dev.outpost.ui.main.MainWindow;

/** A demo profile, with its mailbox: the editor says whether a record is synced with Outlook and changes it. */
@ExtendWith(ApplicationExtension.class)
class OutlookTrackingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** No-break spaces keep "not synced" together when the line wraps. */
    private static final String OVER_LIMIT = "Over the Outlook limit\u00a0\u2014 not\u00a0synced";

    @TempDir
    Path folder;

    private DemoWindow demo;
    private OfflineStore store;
    private MainWindow window;
    private SyncViewModel sync;

    @Start
    void start(Stage stage) throws Exception {
        demo = new DemoWindow(stage, folder);
        store = demo.store;
        window = demo.window;
        sync = demo.sync;
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        demo.close(robot);
    }

    @Test
    void aContactTaskOrAppointmentSaysItIsSyncedWithOutlook(FxRobot robot) throws TimeoutException {
        waitForSyncDone(robot);
        for (RecordType type : new RecordType[] {RecordType.CONTACT, RecordType.TASK, RecordType.APPOINTMENT}) {
            open(robot, first(type));

            DemoProfiles.waitUntil(WAIT, () -> shown(robot) && "Synced with Outlook".equals(stateText(robot)));
            assertThat(action(robot).getText()).isEqualTo("Stop syncing with Outlook");
            assertThat(action(robot).isFocusTraversable()).isTrue();
            assertThat(action(robot).getAccessibleHelp()).startsWith("Synced with Outlook. ");
        }
    }

    @Test
    void accountsOpportunitiesAndEmailsHaveNoOutlookLine(FxRobot robot) throws TimeoutException {
        waitForSyncDone(robot);
        open(robot, first(RecordType.CONTACT));
        DemoProfiles.waitUntil(WAIT, () -> shown(robot));

        for (RecordType type : new RecordType[] {RecordType.ACCOUNT, RecordType.OPPORTUNITY, RecordType.EMAIL}) {
            Record record = store.records().list(type, "").stream().findFirst().orElseGet(() -> created(type));
            open(robot, record);

            assertThat(shown(robot)).as(type.id()).isFalse();
        }
    }

    @Test
    void stopSyncingUntracksAndSyncWithOutlookTracksAgain(FxRobot robot) throws TimeoutException {
        waitForSyncDone(robot);
        Record contact = first(RecordType.CONTACT);
        open(robot, contact);
        DemoProfiles.waitUntil(WAIT, () -> "Stop syncing with Outlook".equals(action(robot).getText()));

        robot.clickOn("#outlook-tracking-action");

        DemoProfiles.waitUntil(WAIT, () -> "Not synced with Outlook".equals(stateText(robot)));
        assertThat(store.sync().tracked(OutlookPair.NAME, contact.id())).isFalse();
        assertThat(robot.lookup("#outlook-tracking-note").queryAs(Label.class).getText())
                .isEqualTo("Outlook gets this change at the next sync.");
        assertThat(action(robot).getText()).isEqualTo("Sync with Outlook");

        robot.interact(() -> action(robot).requestFocus());
        robot.push(KeyCode.SPACE); // keyboard reachable: the same button, pressed with the space bar

        DemoProfiles.waitUntil(WAIT, () -> "Synced with Outlook".equals(stateText(robot)));
        assertThat(store.sync().tracked(OutlookPair.NAME, contact.id())).isTrue();
    }

    @Test
    void recordsLeftOutByTheLimitAreCountedInTheStatusBarAndSaySo(FxRobot robot) throws TimeoutException {
        waitForSyncDone(robot);
        Record contact = first(RecordType.CONTACT);
        Record task = first(RecordType.TASK);
        leaveOutByTheLimit(Map.of(contact.id(), RecordType.CONTACT, task.id(), RecordType.TASK));

        robot.push(KeyCode.F5); // the next run keeps the ranking (nothing new since) and the status shows it
        DemoProfiles.waitUntil(Duration.ofSeconds(20), () -> !sync.runningProperty().get()
                && "Outlook: 2 over the limit".equals(overLimitText(robot)));
        Label overLimit = robot.lookup("#status-outlook-over-limit").queryAs(Label.class);
        assertThat(overLimit.isVisible()).isTrue();
        assertThat(overLimit.getTooltip().getText()).contains("1 contact, 1 task").contains("Nothing is deleted");

        open(robot, contact);
        DemoProfiles.waitUntil(WAIT, () -> OVER_LIMIT.equals(stateText(robot)));
        assertThat(action(robot).getText()).isEqualTo("Sync with Outlook");
    }

    @Test
    void noOverLimitCountWhileEverythingFits(FxRobot robot) throws TimeoutException {
        waitForSyncDone(robot);

        assertThat(store.sync().overLimitCounts(OutlookPair.NAME)).isEmpty();
        assertThat(robot.lookup("#status-outlook-over-limit").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void syncWithOutlookOnARecordOverTheLimitSendsItFirstAtTheNextSync(FxRobot robot) throws TimeoutException {
        waitForSyncDone(robot);
        Record contact = first(RecordType.CONTACT);
        leaveOutByTheLimit(Map.of(contact.id(), RecordType.CONTACT));
        robot.push(KeyCode.F5);
        DemoProfiles.waitUntil(Duration.ofSeconds(20), () -> !sync.runningProperty().get()
                && "Outlook: 1 over the limit".equals(overLimitText(robot)));
        open(robot, contact);
        DemoProfiles.waitUntil(WAIT, () -> OVER_LIMIT.equals(stateText(robot)));

        robot.clickOn("#outlook-tracking-action");

        DemoProfiles.waitUntil(WAIT, () -> "Synced with Outlook".equals(stateText(robot)));
        assertThat(store.sync().tracked(OutlookPair.NAME, contact.id())).isTrue();
        robot.push(KeyCode.F5); // the limit ranks again: everything fits, nothing is left out
        DemoProfiles.waitUntil(Duration.ofSeconds(20), () -> !sync.runningProperty().get()
                && overLimitText(robot).isEmpty());
        assertThat(store.sync().overLimitCounts(OutlookPair.NAME)).isEmpty();
        assertThat(stateText(robot)).isEqualTo("Synced with Outlook");
    }

    /** As the limit leaves records out at a run, with the mark that keeps the next run from ranking again. */
    private void leaveOutByTheLimit(Map<String, RecordType> outside) {
        store.sync().limitPush(OutlookPair.NAME, outside);
        Map<RecordType, Integer> counts = store.sync().overLimitCounts(OutlookPair.NAME);
        store.sync().saveLimitMark(OutlookPair.NAME,
                new LimitMark(store.sync().lastRev(), PushLimit.OUTLOOK_DEFAULT, Instant.now(), counts));
    }

    private Record first(RecordType type) {
        return store.records().list(type, "").getFirst();
    }

    private Record created(RecordType type) {
        return store.records().create(type, Map.of("subject", "Quarterly review", "from", "ada@example.com"));
    }

    private void open(FxRobot robot, Record record) {
        robot.interact(() -> {
            window.model().showType(record.type());
            window.model().open(record);
        });
    }

    private static boolean shown(FxRobot robot) {
        return robot.lookup("#outlook-tracking").query().isVisible();
    }

    private static String stateText(FxRobot robot) {
        return robot.lookup("#outlook-tracking-state").queryAs(Label.class).getText();
    }

    private static String overLimitText(FxRobot robot) {
        Node label = robot.lookup("#status-outlook-over-limit").query();
        return ((Label) label).getText();
    }

    private static Button action(FxRobot robot) {
        return robot.lookup("#outlook-tracking-action").queryAs(Button.class);
    }

    private void waitForSyncDone(FxRobot robot) throws TimeoutException {
        DemoProfiles.waitUntil(Duration.ofSeconds(20), () -> !sync.runningProperty().get()
                && robot.lookup("#status-sync").queryAs(Label.class).getText().endsWith("done"));
    }
}
