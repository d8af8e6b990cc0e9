package dev.outpost.ui.sync;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;


import javafx.application.Application;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;

import dev.outpost.testing.Screenshots;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.IssueResolver;
import dev.outpost.ui.concurrent.SameThreadTasks;

/**
 * Saves the picture of the sync issues list, light and dark, for the docs; runs only when asked:
 * {@code -Doutpost.screenshots=docs/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class SyncIssuesScreenshotsTest {


    @TempDir
    Path profile;

    private OfflineStore store;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 900, 600));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(robot.listTargetWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        if (store != null) {
            store.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void theIssuesList(String theme, FxRobot robot) {
        String dir = System.getProperty(Screenshots.FOLDER, "");
        assumeTrue(!dir.isBlank(), "pictures only when -D" + Screenshots.FOLDER + " names a folder");
        robot.interact(() -> Application.setUserAgentStylesheet(theme.equals("dark")
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet()));
        store = OfflineStore.open(new ProfileFolder(profile));
        Record ola = store.records().create(RecordType.CONTACT, Map.of("firstName", "Ola", "lastName", "Nordmann"));
        Record fjord = store.records().create(RecordType.ACCOUNT, Map.of("name", "Fjord Freight"));
        Record visit = store.records().create(RecordType.TASK, Map.of("subject", "Plan the spring visit"));
        store.sync().raiseIssue("crm", RecordType.CONTACT, ola.id(), "r-1", "write-failed",
                "The CRM refused the change: the field 'Mobile' accepts at most 20 characters.");
        store.sync().raiseIssue("crm", RecordType.CONTACT, ola.id(), "r-1", "write-failed",
                "The CRM refused the change: the field 'Mobile' accepts at most 20 characters.");
        store.sync().raiseIssue("crm", RecordType.ACCOUNT, fjord.id(), "r-2", "possible-duplicate",
                "'Fjord Freight' was created here while an account like it was added in CRM. Keep both, or delete one of them.");
        store.sync().raiseIssue("crm", RecordType.TASK, visit.id(), "r-3", "write-failed",
                "The CRM refused the change: you may not change tasks owned by another team.");
        long skipped = store.sync().openIssues(Optional.empty()).getLast().id();
        new IssueResolver(store.sync()).skip(skipped);
        SyncConnection connection = new SyncConnection(new ProfileFolder(profile), Map.<String, String>of()::get, 10);
        SyncViewModel model = new SyncViewModel(connection, store.sync(), new SameThreadTasks(), message -> { },
                Validation.inSystemZone(), ZoneOffset.UTC, Optional.empty());
        robot.interact(model::start);

        robot.interact(() -> ConflictsDialog.open(stage, model, true));
        Stage dialog = (Stage) robot.window("Conflicts and sync issues");
        robot.interact(() -> dialog.setHeight(620));
        Screenshots.write(robot, dialog.getScene(), Path.of(dir).resolve("sync-issues-" + theme + ".png"));
    }

}
