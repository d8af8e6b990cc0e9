package dev.outpost.ui.sync;

import java.util.Objects;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;

import dev.outpost.ui.UiText;
import dev.outpost.ui.issues.IssueItem;
import dev.outpost.ui.issues.IssueRow;

/**
 * The conflicts and sync issues waiting, opened from the status bar. Per conflict the record, what collided
 * (mine vs the server's value per field) and *Keep mine* / *Keep server's*; the full three-column conflict
 * dialog comes later. Per issue the record, its reason in plain words, when it first happened and how often, and
 * *Retry*, *Skip*, *Show record* (see {@link IssueRow}).
 */
public final class ConflictsDialog {

    private final Stage stage = new Stage();
    private final TabPane tabs;

    private ConflictsDialog(Window owner, SyncViewModel model) {
        ListView<ConflictItem> conflictList = new ListView<>(model.conflicts());
        conflictList.setId("conflict-list");
        conflictList.setCellFactory(view -> new ConflictCell(model));
        conflictList.setPlaceholder(wrapped(UiText.get("conflicts.none")));
        conflictList.setFocusTraversable(false);
        ListView<IssueItem> issueList = new ListView<>(model.issueActions().items());
        issueList.setId("issue-list");
        issueList.setCellFactory(view -> new IssueCell(issueActions(model)));
        issueList.setPlaceholder(wrapped(UiText.get("conflicts.noIssues")));
        issueList.setFocusTraversable(false); // Tab goes straight to each issue's buttons

        Tab conflictTab = new Tab();
        conflictTab.textProperty().bind(model.conflictCountProperty().map(n -> UiText.get("conflicts.tab", n)));
        conflictTab.setContent(conflictList);
        Tab issueTab = new Tab();
        issueTab.textProperty().bind(model.issueCountProperty().map(n -> UiText.get("conflicts.issuesTab", n)));
        issueTab.setContent(issueList);
        tabs = new TabPane(conflictTab, issueTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        Button close = new Button(UiText.get("conflicts.close"));
        close.setId("conflicts-close");
        close.setCancelButton(true);
        close.setOnAction(event -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10, 14, 12, 14));
        BorderPane root = new BorderPane(tabs);
        root.setBottom(buttons);
        root.getStyleClass().add("conflicts-dialog");

        Scene scene = new Scene(root, 640, 460);
        scene.getStylesheets().add(Objects.requireNonNull(
                ConflictsDialog.class.getResource("/dev/outpost/ui/outpost.css")).toExternalForm());
        stage.setScene(scene);
        stage.setTitle(UiText.get("conflicts.title"));
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            stage.getIcons().setAll(owner instanceof Stage ownerStage ? ownerStage.getIcons() : java.util.List.of());
        }
    }

    /** Opens the dialog without waiting for it, on the conflicts or on the issues. */
    public static ConflictsDialog open(Window owner, SyncViewModel model, boolean issues) {
        ConflictsDialog dialog = new ConflictsDialog(owner, model);
        dialog.tabs.getSelectionModel().select(issues ? 1 : 0);
        dialog.stage.show();
        return dialog;
    }

    /** Show record closes this dialog first: the record opens in the window beneath. */
    private IssueRow.Actions issueActions(SyncViewModel model) {
        return new IssueRow.Actions() {
            @Override
            public void retry(IssueItem item) {
                model.issueActions().retry(item);
            }

            @Override
            public void skip(IssueItem item) {
                model.issueActions().skip(item);
            }

            @Override
            public void show(IssueItem item) {
                stage.close();
                model.issueActions().show(item);
            }
        };
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(420);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private static final class ConflictCell extends ListCell<ConflictItem> {
        private final SyncViewModel model;

        ConflictCell(SyncViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(ConflictItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            Label title = new Label(item.title());
            title.getStyleClass().add(Styles.TEXT_BOLD);
            Label summary = new Label(item.summary());
            summary.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);

            GridPane fields = new GridPane();
            fields.setHgap(16);
            fields.setVgap(2);
            // The same column widths in every conflict, so the values line up down the list.
            fields.getColumnConstraints().addAll(column(120), column(200), column(200));
            if (!item.collisions().isEmpty()) {
                fields.addRow(0, heading("conflicts.field"), heading("conflicts.mine"), heading("conflicts.server"));
                int row = 1;
                for (FieldCollision collision : item.collisions()) {
                    fields.addRow(row++, new Label(collision.label()), value(collision.mine()), value(collision.server()));
                }
            }
            Button mine = new Button(UiText.get("conflicts.keepMine"));
            mine.getStyleClass().add("keep-mine");
            mine.setOnAction(event -> model.keepMine(item));
            Button server = new Button(UiText.get("conflicts.keepServer"));
            server.getStyleClass().add("keep-server");
            server.setOnAction(event -> model.keepServer(item));
            Button open = new Button(UiText.get("conflicts.open"));
            open.getStyleClass().addAll("open-conflict", Styles.ACCENT);
            open.setAccessibleHelp(UiText.get("conflicts.openHelp"));
            open.setOnAction(event -> model.conflictPrompt().open(getScene().getWindow(), item.row().id(),
                    model::conflictSettled, model::report));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox actions = new HBox(8, spacer, open, mine, server);
            VBox box = new VBox(4, title, summary, fields, actions);
            box.setPadding(new Insets(6, 4, 6, 4));
            setGraphic(box);
        }

        private static javafx.scene.layout.ColumnConstraints column(double width) {
            javafx.scene.layout.ColumnConstraints column = new javafx.scene.layout.ColumnConstraints();
            column.setPrefWidth(width);
            column.setMinWidth(60);
            return column;
        }

        private static Label heading(String key) {
            Label label = new Label(UiText.get(key));
            label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            return label;
        }

        private static Label value(String text) {
            Label label = new Label(text.isEmpty() ? UiText.get("conflicts.empty") : text);
            if (text.isEmpty()) {
                label.getStyleClass().add(Styles.TEXT_MUTED);
            }
            return label;
        }
    }

    private static final class IssueCell extends ListCell<IssueItem> {
        private final IssueRow.Actions actions;

        IssueCell(IssueRow.Actions actions) {
            this.actions = actions;
            setPrefWidth(0); // the row takes the list's width and its texts wrap, rather than scrolling sideways
        }

        @Override
        protected void updateItem(IssueItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            setGraphic(empty || item == null ? null : IssueRow.of(item, actions));
        }
    }
}
