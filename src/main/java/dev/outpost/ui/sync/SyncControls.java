package dev.outpost.ui.sync;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import atlantafx.base.theme.Styles;

import dev.outpost.ui.UiText;

/**
 * The header's *Sync now* button with the progress of a running sync beside it: a bar (filling as the run's types are
 * done, moving on its own before it knows how many there are) and what it works on. While a sync runs, *Sync now*
 * gives way to *Cancel sync*, which stops the run at its next safe point.
 */
public final class SyncControls {

    private final HBox root;

    public SyncControls(SyncViewModel model) {
        ProgressBar bar = new ProgressBar();
        bar.setId("sync-progress");
        bar.setPrefWidth(120);
        bar.setMinWidth(120); // the header squeezes what it can: a bar of a few pixels tells nothing
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            double done = model.progressFractionProperty().get();
            return done < 0 ? ProgressBar.INDETERMINATE_PROGRESS : done;
        }, model.progressFractionProperty()));
        bar.setAccessibleRole(AccessibleRole.PROGRESS_INDICATOR);
        bar.accessibleTextProperty().bind(Bindings.concat(UiText.get("everyday.progress.accessible"), ": ",
                model.progressTextProperty(), " ", model.progressDetailProperty()));
        Tooltip detail = new Tooltip();
        detail.textProperty().bind(model.progressDetailProperty());
        detail.setWrapText(true);
        detail.setPrefWidth(360);
        Label progress = new Label();
        progress.setId("sync-progress-text");
        progress.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        progress.textProperty().bind(model.progressTextProperty());
        bar.setTooltip(detail);
        progress.setTooltip(detail);
        bar.visibleProperty().bind(model.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        Button syncNow = new Button(UiText.get("sync.now"));
        syncNow.setId("sync-now");
        syncNow.setTooltip(new Tooltip(UiText.get("sync.nowTooltip")));
        syncNow.getStyleClass().add(Styles.ACCENT);
        syncNow.disableProperty().bind(model.runningProperty().or(model.connectedProperty().not()));
        // A sign-in in the browser and the demo's start also show as running; they are not a sync one can cancel.
        var cancellable = model.cancellableProperty();
        syncNow.visibleProperty().bind(cancellable.not());
        syncNow.managedProperty().bind(syncNow.visibleProperty());

        Button cancel = new Button(UiText.get("everyday.cancel"));
        cancel.setId("sync-cancel");
        cancel.setTooltip(new Tooltip(UiText.get("everyday.cancelTooltip")));
        cancel.setAccessibleHelp(UiText.get("everyday.cancelTooltip"));
        cancel.disableProperty().bind(model.cancellingProperty());
        cancel.setOnAction(event -> model.cancel());
        cancel.visibleProperty().bind(cancellable);
        cancel.managedProperty().bind(cancel.visibleProperty());
        // Keyboard users keep their place: the focus moves with the button that takes the other's spot.
        syncNow.setOnAction(event -> {
            boolean focused = syncNow.isFocused();
            model.syncNow();
            if (focused && cancel.isVisible()) {
                cancel.requestFocus();
            }
        });
        model.cancellableProperty().addListener((obs, was, running) -> {
            if (!running && cancel.isFocused()) {
                syncNow.requestFocus();
            }
        });

        root = new HBox(8, bar, progress, syncNow, cancel);
        root.setAlignment(Pos.CENTER_RIGHT);
    }

    public Node node() {
        return root;
    }
}
