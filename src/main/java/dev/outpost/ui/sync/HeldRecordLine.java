package dev.outpost.ui.sync;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import atlantafx.base.theme.Styles;

import dev.outpost.ui.UiText;

/** The editor's line for a record that waits for a conflict decision, with the way to the conflict dialog. */
public final class HeldRecordLine {

    private final HBox root;

    public HeldRecordLine(HeldRecordViewModel held, SyncViewModel sync) {
        Label text = new Label(UiText.get("held.text"));
        text.setId("held-text");
        text.setWrapText(true);
        text.getStyleClass().add(Styles.WARNING);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button open = new Button(UiText.get("conflicts.open"));
        open.setId("held-open-conflict");
        open.getStyleClass().add(Styles.SMALL);
        open.setMinWidth(Button.USE_PREF_SIZE);
        open.setAccessibleHelp(UiText.get("conflicts.openHelp"));
        // Settling reads the conflicts again, and this line's state with them.
        open.setOnAction(event -> held.conflictProperty().get().ifPresent(row -> sync.conflictPrompt().open(
                open.getScene().getWindow(), row.id(), sync::conflictSettled, sync::report)));
        text.setLabelFor(open);
        root = new HBox(10, text, open);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setId("held-line");
        root.getStyleClass().add("held-record-line");
        root.visibleProperty().bind(held.conflictProperty().map(java.util.Optional::isPresent));
        root.managedProperty().bind(root.visibleProperty());
    }

    public Node node() {
        return root;
    }
}
