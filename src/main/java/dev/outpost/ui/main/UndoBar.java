package dev.outpost.ui.main;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import atlantafx.base.theme.Styles;

import dev.outpost.ui.UiText;

/** "Deleted 'X'. Undo" above the status bar, shown while the last deletion can be undone. */
final class UndoBar {

    private final HBox root;

    UndoBar(MainWindowViewModel model) {
        Label message = new Label();
        message.setId("undo-message");
        message.textProperty().bind(model.undoTextProperty());
        Button undo = new Button(UiText.get("undo.button"));
        undo.setId("undo");
        undo.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        undo.setOnAction(event -> model.undoDelete());
        Button dismiss = new Button(UiText.get("undo.dismiss"));
        dismiss.setId("undo-dismiss");
        dismiss.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        dismiss.setOnAction(event -> model.dismissUndo());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root = new HBox(12, message, undo, spacer, dismiss);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setId("undo-bar");
        root.getStyleClass().add("undo-bar");
        root.visibleProperty().bind(model.lastDeletedProperty().isNotNull());
        root.managedProperty().bind(root.visibleProperty());
    }

    Node node() {
        return root;
    }
}
