package dev.outpost.ui.sync;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import atlantafx.base.theme.Styles;

import dev.outpost.ui.UiText;

/** The header's *Sync now* button with the progress of a running sync beside it. */
public final class SyncControls {

    private final HBox root;

    public SyncControls(SyncViewModel model) {
        ProgressIndicator spinner = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
        spinner.setId("sync-progress");
        spinner.setPrefSize(18, 18);
        spinner.setMaxSize(18, 18);
        Label progress = new Label();
        progress.setId("sync-progress-text");
        progress.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        progress.textProperty().bind(model.progressTextProperty());
        spinner.visibleProperty().bind(model.runningProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        Button syncNow = new Button(UiText.get("sync.now"));
        syncNow.setId("sync-now");
        syncNow.setTooltip(new Tooltip(UiText.get("sync.nowTooltip")));
        syncNow.getStyleClass().add(Styles.ACCENT);
        syncNow.disableProperty().bind(model.runningProperty().or(model.connectedProperty().not()));
        syncNow.setOnAction(event -> model.syncNow());
        root = new HBox(8, spinner, progress, syncNow);
        root.setAlignment(Pos.CENTER_RIGHT);
    }

    public Node node() {
        return root;
    }
}
