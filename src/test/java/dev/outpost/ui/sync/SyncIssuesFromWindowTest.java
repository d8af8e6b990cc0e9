package dev.outpost.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
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
import dev.outpost.store.OfflineStore;
import dev.outpost.ui.issues.IssueItem;
import dev.outpost.ui.main.MainWindow;

/**
 * The sync issues list through the demo CRM. Its two issues are real refusals: an account made here that looks like
 * one a colleague added meanwhile (a possible duplicate, held), and a contact of that account, which the CRM refuses
 * because the account it refers to is not there yet.
 */
@ExtendWith(ApplicationExtension.class)
class SyncIssuesFromWindowTest {

    private static final String ACCOUNT = "Fjord Freight";
    private static final String CONTACT = "Ola Nordmann";

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
    void eachIssueNamesItsRecordAndTypeWhatHappenedAndWhen(FxRobot robot) throws TimeoutException {
        refusedContact(robot);

        assertThat(item(ACCOUNT).heading()).isEqualTo(ACCOUNT + " \u00b7 Account");
        assertThat(item(ACCOUNT).kind()).isEqualTo("Possible duplicate");
        assertThat(item(ACCOUNT).issue().reason()).contains("an account like it was added");
        assertThat(item(CONTACT).kind()).isEqualTo("Not sent");
        assertThat(item(CONTACT).issue().reason()).contains("refers to a record");
        assertThat(item(CONTACT).next()).contains("tried again at every sync");
        assertThat(item(CONTACT).when()).startsWith("First happened");
        assertThat(button(robot, ACCOUNT, "#issue-retry").getText()).isEqualTo("Send anyway");
        assertThat(button(robot, CONTACT, "#issue-retry").getText()).isEqualTo("Retry");
        assertThat(button(robot, CONTACT, "#issue-show").getAccessibleText()).isEqualTo("Show record: " + item(CONTACT).heading());
    }

    @Test
    void showRecordClosesTheListAndOpensTheRecordInTheWindow(FxRobot robot) throws TimeoutException {
        Record contact = refusedContact(robot);

        robot.clickOn(button(robot, CONTACT, "#issue-show"));

        DemoProfiles.waitUntil(Duration.ofSeconds(5), () -> contact.equals(window.model().form().editingProperty().get()));
        assertThat(window.model().recordTypeProperty().get()).isEqualTo(RecordType.CONTACT);
        assertThat(robot.lookup("#issue-list").tryQuery()).isEmpty();
    }

    @Test
    void skipKeepsTheContactHereUnsentAndListedAsSkipped(FxRobot robot) throws TimeoutException {
        Record contact = refusedContact(robot);

        robot.clickOn(button(robot, CONTACT, "#issue-skip"));
        DemoProfiles.waitUntil(Duration.ofSeconds(10), () -> item(CONTACT).issue().skipped());
        robot.push(KeyCode.F5);
        DemoProfiles.waitUntil(Duration.ofSeconds(20), () -> !sync.runningProperty().get());

        DemoProfiles.syncOther(other, connection);
        assertThat(other.records().list(RecordType.CONTACT, CONTACT)).isEmpty();
        assertThat(store.records().find(contact.id()).orElseThrow().deleted()).isFalse();
        assertThat(item(CONTACT).issue().skipped()).isTrue();
        assertThat(item(CONTACT).next()).contains("not sent").contains("stays on this computer");
        assertThat(button(robot, CONTACT, "#issue-skip").isDisabled()).isTrue();
    }

    @Test
    void retryTriesAgainAtOnceAndSendAnywayOnTheAccountLetsTheContactThrough(FxRobot robot) throws TimeoutException {
        refusedContact(robot);
        int attempts = item(CONTACT).issue().attempts();

        robot.clickOn(button(robot, CONTACT, "#issue-retry"));
        // The sync starts at once; the account is still held, so the CRM refuses the contact again.
        DemoProfiles.waitUntil(Duration.ofSeconds(20), () -> item(CONTACT).issue().attempts() == attempts + 1
                && !sync.runningProperty().get());

        robot.clickOn(button(robot, ACCOUNT, "#issue-retry"));
        DemoProfiles.waitUntil(Duration.ofSeconds(20), () -> sync.issueActions().items().isEmpty() && !sync.runningProperty().get());

        DemoProfiles.syncOther(other, connection);
        assertThat(other.records().list(RecordType.ACCOUNT, ACCOUNT)).hasSize(2); // both kept, as the user chose
        assertThat(other.records().list(RecordType.CONTACT, CONTACT)).hasSize(1);
    }

    @Test
    void theKeyboardReachesTheIssuesButtonsAndPressesThem(FxRobot robot) throws TimeoutException {
        refusedContact(robot);

        for (int i = 0; i < 12 && !focusedId(robot).startsWith("issue-"); i++) {
            robot.push(KeyCode.TAB);
        }
        assertThat(focusedId(robot)).isEqualTo("issue-show"); // the first row's first button: the account's
        robot.push(KeyCode.SPACE);

        DemoProfiles.waitUntil(Duration.ofSeconds(5), () -> window.model().form().editingProperty().get() != null
                && ACCOUNT.equals(window.model().form().editingProperty().get().get("name")));
    }

    private static String focusedId(FxRobot robot) {
        Node focused = robot.lookup("#issue-list").query().getScene().getFocusOwner();
        return focused == null || focused.getId() == null ? "" : focused.getId();
    }

    /**
     * A colleague adds Fjord Freight to the CRM; here, unaware, the user adds it too with a contact, and syncs: the
     * account waits as a possible duplicate and the CRM refuses the contact. Leaves the issues list open.
     */
    private Record refusedContact(FxRobot robot) throws TimeoutException {
        DemoProfiles.waitUntil(Duration.ofSeconds(20), () -> !sync.runningProperty().get()
                && robot.lookup("#status-sync").queryAs(Label.class).getText().endsWith("done"));
        DemoProfiles.syncOther(other, connection);
        other.records().create(RecordType.ACCOUNT, Map.of("name", ACCOUNT, "city", "Bergen"));
        DemoProfiles.syncOther(other, connection);
        Record account = store.records().create(RecordType.ACCOUNT, Map.of("name", ACCOUNT));
        Record contact = store.records().create(RecordType.CONTACT, Map.of("firstName", "Ola", "lastName", "Nordmann",
                "email", "ola@fjord.example", "accountId", account.id()));

        robot.push(KeyCode.F5);
        DemoProfiles.waitUntil(Duration.ofSeconds(20), () -> sync.issueActions().items().size() == 2 && !sync.runningProperty().get());
        robot.clickOn("#status-issues");
        DemoProfiles.waitUntil(Duration.ofSeconds(5), () -> robot.lookup("#issue-retry").tryQuery().isPresent());
        return contact;
    }

    private IssueItem item(String title) {
        return sync.issueActions().items().stream().filter(i -> i.heading().startsWith(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no issue about " + title + " in " + sync.issueActions().items()));
    }

    /** The button of the issue row about the record with this title. */
    private static Button button(FxRobot robot, String title, String id) {
        Node row = robot.lookup(".issue-row")
                .match((Node n) -> n.getAccessibleText() != null && n.getAccessibleText().startsWith(title)).query();
        return robot.from(row).lookup(id).queryAs(Button.class);
    }
}
