package dev.outpost.ui.conflicts;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;

import dev.outpost.ui.UiText;

/**
 * The update/delete dialog (issue 7): a record deleted on one side and changed on the other. It lists the changes
 * that deleting would lose, and offers *Restore it*, *Delete it* and *Decide later*. Escape and closing the window
 * are Decide later; Restore it has the focus, and there is no default button.
 */
public final class DeleteConflictDialog {

    private final Stage stage = new Stage();

    private DeleteConflictDialog(Window owner, DeleteConflictViewModel model) {
        Label heading = ConflictDialog.paragraph(model.heading(), "delete-conflict-heading");
        heading.getStyleClass().add(Styles.TITLE_4);
        Label deleted = ConflictDialog.paragraph(model.deletedWhen(), "delete-conflict-deleted-when");
        Label changed = ConflictDialog.paragraph(model.changedWhen(), "delete-conflict-changed-when");
        deleted.getStyleClass().add(Styles.TEXT_MUTED);
        changed.getStyleClass().add(Styles.TEXT_MUTED);
        Label lostHeading = ConflictDialog.paragraph(model.lostHeading(), "delete-conflict-lost-heading");
        lostHeading.getStyleClass().add(Styles.TEXT_BOLD);

        VBox root = new VBox(14, new VBox(4, heading, changed, deleted), lostHeading);
        if (!model.lost().isEmpty()) {
            root.getChildren().add(lostGrid(model));
        }
        Label message = ConflictDialog.paragraph("", "delete-conflict-message");
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        root.getChildren().add(message);

        Button restore = ConflictDialog.button("delete-conflict-restore", "conflict.restore", model.restoreHelp());
        restore.setOnAction(event -> model.restore());
        Button delete = ConflictDialog.button("delete-conflict-delete", "conflict.delete", model.deleteHelp());
        delete.getStyleClass().add(Styles.DANGER);
        delete.setOnAction(event -> model.delete());
        Button later = ConflictDialog.button("delete-conflict-later", "conflict.later", UiText.get("conflict.laterHelp"));
        later.setCancelButton(true);
        later.setOnAction(event -> model.decideLater());
        restore.disableProperty().bind(model.busyProperty());
        delete.disableProperty().bind(model.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, restore, delete, spacer, later);
        buttons.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().add(buttons);
        root.setPadding(new Insets(22, 24, 18, 24));
        root.setPrefWidth(680);
        root.getStyleClass().add("conflict-dialog");

        ConflictDialog.setUp(stage, root, model.windowTitle(), owner, model.busyProperty(), model.outcomeProperty(),
                model::decideLater);
        stage.setOnShown(event -> restore.requestFocus());
    }

    /** Opens the dialog without waiting; it closes itself once the model has an outcome. */
    public static DeleteConflictDialog open(Window owner, DeleteConflictViewModel model) {
        DeleteConflictDialog dialog = new DeleteConflictDialog(owner, model);
        dialog.stage.show();
        return dialog;
    }

    public Stage stage() {
        return stage;
    }

    private static GridPane lostGrid(DeleteConflictViewModel model) {
        GridPane grid = new GridPane();
        grid.setId("delete-conflict-lost");
        grid.getStyleClass().add("conflict-grid");
        grid.setHgap(6);
        grid.setVgap(4);
        grid.getColumnConstraints().addAll(ConflictRowsView.column(24), ConflictRowsView.column(38), ConflictRowsView.column(38));
        grid.addRow(0, ConflictRowsView.heading("conflict.column.field", false), ConflictRowsView.heading("conflict.column.base", true),
                ConflictRowsView.heading("conflict.column.changed", true));
        int index = 1;
        for (DeleteConflictViewModel.LostValue value : model.lost()) {
            Label field = new Label(value.label());
            field.setId("delete-conflict-" + value.name() + "-field");
            field.getStyleClass().add(Styles.TEXT_BOLD);
            field.setWrapText(true);
            Label base = cell(value.base(), "delete-conflict-" + value.name() + "-base");
            base.setAccessibleText(UiText.get("conflict.cell", value.label(), UiText.get("conflict.column.base"), value.base()));
            Label now = cell(value.changed(), "delete-conflict-" + value.name() + "-changed");
            now.getStyleClass().add("conflict-changed");
            now.setAccessibleText(UiText.get("conflict.cellChanged", value.label(), UiText.get("conflict.column.changed"),
                    value.changed()));
            // Read-only cells are skipped by Tab; a screen reader reaches them by reading the grid.
            grid.addRow(index++, field, base, now);
        }
        return grid;
    }

    private static Label cell(String text, String id) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.getStyleClass().add("conflict-cell");
        return label;
    }
}
