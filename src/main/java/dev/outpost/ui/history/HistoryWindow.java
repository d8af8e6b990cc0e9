package dev.outpost.ui.history;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import dev.outpost.ui.ModalDialogs;
import dev.outpost.ui.UiText;

/** The History view in a window of its own, opened from the header; read when opened. */
public final class HistoryWindow {

    private HistoryWindow() {
    }

    public static void open(Window owner, HistoryViewModel model) {
        Stage stage = new Stage();
        HistoryView view = new HistoryView(model);
        Button close = new Button(UiText.get("settings.close"));
        close.setId("history-close");
        close.setCancelButton(true);
        close.setOnAction(event -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        VBox root = new VBox(10, view.node(), buttons);
        root.setPadding(new Insets(20, 24, 16, 24));
        root.setPrefSize(900, 520);
        ModalDialogs.setUp(stage, root, UiText.get("history.title"), owner);
        stage.setResizable(true);
        stage.show();
        model.refresh();
    }
}
