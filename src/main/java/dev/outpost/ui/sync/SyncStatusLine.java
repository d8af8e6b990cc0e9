package dev.outpost.ui.sync;

import java.util.function.Supplier;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.Duration;

import atlantafx.base.theme.Styles;

import dev.outpost.ui.ScreenFit;
import dev.outpost.ui.UiText;

/**
 * The status bar's sync part: online or offline, the last sync's result, when Outlook was last synced (with a
 * mailbox) and how many records its limit left out, the conflicts and issues waiting.
 */
public final class SyncStatusLine {

    private final HBox root;

    public SyncStatusLine(SyncViewModel model, Supplier<Window> owner) {
        Label connectivity = new Label();
        connectivity.setId("status-connectivity");
        connectivity.getStyleClass().addAll(Styles.TEXT_SMALL, "status-connectivity");
        connectivity.textProperty().bind(model.connectivityTextProperty());
        model.connectivityProperty().addListener((obs, old, now) -> style(connectivity, now));
        style(connectivity, model.connectivityProperty().get());
        // Unconnected, the sync status already says so: one "not connected" is enough.
        connectivity.visibleProperty().bind(model.connectivityProperty().isNotEqualTo(SyncViewModel.Connectivity.NOT_CONNECTED));
        connectivity.managedProperty().bind(connectivity.visibleProperty());

        Label status = new Label();
        status.setId("status-sync");
        status.getStyleClass().add(Styles.TEXT_SMALL);
        status.textProperty().bind(model.statusTextProperty());
        // A long reason (offline: the address it could not reach) gives way to the short labels; all of it is here.
        Tooltip statusFull = new Tooltip();
        statusFull.textProperty().bind(model.statusTextProperty());
        statusFull.setWrapText(true);
        statusFull.setPrefWidth(420);
        status.setTooltip(statusFull);
        connectivity.setMinWidth(Region.USE_PREF_SIZE);

        // While offline: when the next try is, so the user knows it syncs without being asked.
        Label retry = new Label();
        retry.setId("status-retry");
        retry.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        retry.textProperty().bind(model.retryInProperty().map(wait -> wait.map(SyncStatusLine::retryText).orElse("")));
        retry.visibleProperty().bind(retry.textProperty().isNotEmpty());
        retry.managedProperty().bind(retry.visibleProperty());
        retry.setMinWidth(Region.USE_PREF_SIZE);

        // While a sync runs: what each type has received and sent so far.
        Label detail = new Label();
        detail.setId("status-progress-detail");
        detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        detail.textProperty().bind(model.progressDetailProperty());
        detail.setAccessibleHelp(UiText.get("everyday.progress.accessible"));
        detail.visibleProperty().bind(model.runningProperty().and(model.progressDetailProperty().isNotEmpty()));
        detail.managedProperty().bind(detail.visibleProperty());
        detail.setMinWidth(0);

        Label outlook = new Label();
        outlook.setId("status-outlook");
        outlook.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        outlook.textProperty().bind(model.outlookStatusTextProperty());
        outlook.visibleProperty().bind(model.outlookStatusTextProperty().isNotEmpty());
        outlook.managedProperty().bind(outlook.visibleProperty());

        // Records the Outlook limit left out are listed here, never dropped without a word.
        Label overLimit = new Label();
        overLimit.setId("status-outlook-over-limit");
        overLimit.getStyleClass().addAll(Styles.TEXT_SMALL, "status-over-limit");
        overLimit.textProperty().bind(model.overLimitTextProperty());
        overLimit.accessibleHelpProperty().bind(model.overLimitHelpProperty());
        Tooltip overLimitHelp = new Tooltip();
        overLimitHelp.textProperty().bind(model.overLimitHelpProperty());
        overLimitHelp.setWrapText(true);
        overLimitHelp.setPrefWidth(420); // a width up front: the wrapped height must be known to keep it on screen
        overLimitHelp.setShowDelay(Duration.millis(300));
        overLimitHelp.setShowDuration(Duration.seconds(30));
        overLimit.setTooltip(overLimitHelp);
        ScreenFit.keepOnScreen(overLimitHelp, overLimit); // the status bar is at the screen's bottom when maximized
        overLimit.visibleProperty().bind(model.overLimitTextProperty().isNotEmpty());
        overLimit.managedProperty().bind(overLimit.visibleProperty());

        Hyperlink conflicts = new Hyperlink();
        conflicts.setId("status-conflicts");
        conflicts.getStyleClass().add(Styles.TEXT_SMALL);
        conflicts.textProperty().bind(model.conflictCountProperty().map(n -> UiText.get("sync.conflictsLink", n)));
        conflicts.visibleProperty().bind(model.conflictCountProperty().greaterThan(0));
        conflicts.managedProperty().bind(conflicts.visibleProperty());
        conflicts.setOnAction(event -> ConflictsDialog.open(owner.get(), model, false));

        Hyperlink issues = new Hyperlink();
        issues.setId("status-issues");
        issues.getStyleClass().add(Styles.TEXT_SMALL);
        issues.textProperty().bind(model.issueCountProperty().map(n -> UiText.get("sync.issuesLink", n)));
        issues.visibleProperty().bind(model.issueCountProperty().greaterThan(0));
        issues.managedProperty().bind(issues.visibleProperty());
        issues.setOnAction(event -> ConflictsDialog.open(owner.get(), model, true));

        root = new HBox(10, connectivity, status, retry, detail, outlook, overLimit, conflicts, issues);
        root.setAlignment(Pos.CENTER_LEFT);
    }

    public Node node() {
        return root;
    }

    /** "Next try in 30 s", "Next try in 2 min". */
    static String retryText(java.time.Duration wait) {
        return UiText.get("everyday.retryIn", wait.toSeconds() < 60 ? UiText.get("everyday.seconds", Math.max(1, wait.toSeconds()))
                : UiText.get("everyday.minutes", wait.toMinutes()));
    }

    private static void style(Label label, SyncViewModel.Connectivity connectivity) {
        label.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_MUTED);
        label.getStyleClass().add(switch (connectivity) {
            case ONLINE -> Styles.SUCCESS;
            case OFFLINE -> Styles.DANGER;
            case NOT_CONNECTED -> Styles.TEXT_MUTED;
        });
    }
}
