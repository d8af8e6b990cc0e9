package dev.outpost.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

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
import dev.outpost.store.OfflineStore;
import dev.outpost.ui.main.MainWindow;

/** A profile in demo mode: the window syncs on start, on *Sync now* and after a conflict is resolved. */
@ExtendWith(ApplicationExtension.class)
class SyncFromWindowTest {

    @TempDir
    Path folder;

    private DemoWindow demo;
    private OfflineStore store;
    private OfflineStore other;
    private SyncConnection connection;
    private MainWindow window;
    private SyncViewModel sync;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        demo = new DemoWindow(stage, folder);
        this.stage = stage;
        store = demo.store;
        other = demo.other;
        connection = demo.connection;
        window = demo.window;
        sync = demo.sync;
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        demo.close(robot);
    }

    @Test
    void syncNowPushesALocalEditToTheServer(FxRobot robot) throws TimeoutException {
        waitForSyncDone(robot);
        Record account = store.records().list(RecordType.ACCOUNT, "").getFirst();
        store.records().update(account.id(), Map.of("city", "Oslo"));
        robot.interact(window.model()::refreshStatus);
        DemoProfiles.waitUntil(Duration.ofSeconds(5), () -> window.model().pendingChangesProperty().get() == 1);

        robot.clickOn("#sync-now");

        DemoProfiles.waitUntil(Duration.ofSeconds(15), () -> !sync.runningProperty().get()
                && window.model().pendingChangesProperty().get() == 0);
        DemoProfiles.syncOther(other, connection);
        assertThat(DemoProfiles.account(other, account.get("name")).get("city")).isEqualTo("Oslo");
    }

    @Test
    void aConflictIsListedAndKeepMineSendsMyValue(FxRobot robot) throws TimeoutException {
        Record account = cityChangedOnBothSides(robot);
        Record theirs = DemoProfiles.account(other, account.get("name"));
        DemoProfiles.waitUntil(Duration.ofSeconds(5), () -> robot.lookup(".keep-mine").tryQuery().isPresent());
        assertThat(robot.lookup("Oslo").tryQuery()).isPresent();
        assertThat(robot.lookup("Lisbon").tryQuery()).isPresent();

        robot.clickOn(".keep-mine");

        DemoProfiles.waitUntil(Duration.ofSeconds(15), () -> sync.conflictCountProperty().get() == 0
                && !sync.runningProperty().get() && window.model().pendingChangesProperty().get() == 0);
        DemoProfiles.syncOther(other, connection);
        assertThat(other.records().find(theirs.id()).orElseThrow().get("city")).isEqualTo("Oslo");
    }

    @Test
    void fromTheConflictListTheConflictDialogKeepsBothAndTheNextSyncSendsTheCopy(FxRobot robot) throws TimeoutException {
        Record account = cityChangedOnBothSides(robot);
        Record theirs = DemoProfiles.account(other, account.get("name"));
        DemoProfiles.waitUntil(Duration.ofSeconds(5), () -> robot.lookup(".open-conflict").tryQuery().isPresent());

        robot.clickOn(".open-conflict");
        DemoProfiles.waitUntil(Duration.ofSeconds(5), () -> robot.lookup("#conflict-keep-both").tryQuery().isPresent());
        robot.clickOn("#conflict-keep-both");

        // Settled in the dialog, then synced at once: the server keeps its Lisbon, a second account holds Oslo.
        DemoProfiles.waitUntil(Duration.ofSeconds(15), () -> sync.conflictCountProperty().get() == 0
                && !sync.runningProperty().get() && window.model().pendingChangesProperty().get() == 0);
        DemoProfiles.syncOther(other, connection);
        assertThat(other.records().find(theirs.id()).orElseThrow().get("city")).isEqualTo("Lisbon");
        assertThat(other.records().list(RecordType.ACCOUNT, "").stream()
                .filter(r -> r.get("name").startsWith(account.get("name")) && "Oslo".equals(r.get("city")))).hasSize(1);
    }

    @Test
    void aHeldRecordSaysSoInTheEditorAndOpensItsConflictFromThere(FxRobot robot) throws TimeoutException {
        Record account = cityChangedOnBothSides(robot);
        robot.clickOn("#conflicts-close"); // the list the helper opened: this test goes through the editor instead
        robot.interact(() -> {
            window.model().showType(RecordType.ACCOUNT);
            window.model().open(store.records().find(account.id()).orElseThrow());
        });
        DemoProfiles.waitUntil(Duration.ofSeconds(5), () -> robot.lookup("#held-line").tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));

        robot.clickOn("#held-open-conflict");
        DemoProfiles.waitUntil(Duration.ofSeconds(5), () -> robot.lookup("#conflict-keep-mine").tryQuery().isPresent());
        robot.clickOn("#conflict-keep-mine");

        DemoProfiles.waitUntil(Duration.ofSeconds(15), () -> sync.conflictCountProperty().get() == 0
                && !robot.lookup("#held-line").query().isVisible());
    }

    /** Lisbon on the server, Oslo here, one sync, and the conflicts list open; answers the account (mine). */
    private Record cityChangedOnBothSides(FxRobot robot) throws TimeoutException {
        waitForSyncDone(robot);
        DemoProfiles.syncOther(other, connection);
        Record account = store.records().list(RecordType.ACCOUNT, "").getFirst();
        Record theirs = DemoProfiles.account(other, account.get("name"));
        other.records().update(theirs.id(), Map.of("city", "Lisbon"));
        DemoProfiles.syncOther(other, connection);
        store.records().update(account.id(), Map.of("city", "Oslo"));
        robot.push(KeyCode.F5);
        DemoProfiles.waitUntil(Duration.ofSeconds(15), () -> sync.conflictCountProperty().get() == 1);
        robot.clickOn("#status-conflicts");
        return account;
    }

    private void waitForSyncDone(FxRobot robot) throws TimeoutException {
        DemoProfiles.waitUntil(Duration.ofSeconds(20), () -> !sync.runningProperty().get()
                && robot.lookup("#status-sync").queryAs(Label.class).getText().endsWith("done"));
    }
}
