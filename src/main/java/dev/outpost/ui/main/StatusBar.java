package dev.outpost.ui.main;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import atlantafx.base.theme.Styles;

import dev.outpost.ui.UiText;

/** The line at the bottom: local changes waiting to sync on the left, the record count on the right. */
final class StatusBar {

    private final HBox root;

    StatusBar(MainWindowViewModel model) {
        Label offline = new Label(UiText.get("status.offline"));
        offline.getStyleClass().addAll(Styles.TEXT_SMALL, "status-offline");
        Label pending = new Label();
        pending.setId("status-pending");
        pending.getStyleClass().add(Styles.TEXT_SMALL);
        pending.textProperty().bind(model.pendingTextProperty());
        Label count = new Label();
        count.setId("status-count");
        count.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        count.textProperty().bind(model.countTextProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root = new HBox(12, offline, pending, spacer, count);
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("status-bar");
    }

    Node node() {
        return root;
    }
}
