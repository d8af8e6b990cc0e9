package dev.outpost.ui.history;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;
import javafx.util.Callback;

import atlantafx.base.theme.Styles;

import dev.outpost.ui.UiText;

/**
 * The History view: a table of the sync runs, newest first. A run that failed shows its error in the Result
 * column's tooltip and as its accessible text, so the reason is one hover (or one screen-reader line) away.
 */
public final class HistoryView {

    private final TableView<HistoryRow> table = new TableView<>();
    private final VBox root;

    public HistoryView(HistoryViewModel model) {
        table.setId("history-table");
        table.setItems(model.rows());
        table.setPlaceholder(new Label(UiText.get("history.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("history.column.when", HistoryRow::when, 150));
        table.getColumns().add(column("history.column.with", HistoryRow::with, 80));
        table.getColumns().add(column("history.column.took", HistoryRow::took, 70));
        TableColumn<HistoryRow, String> result = column("history.column.result", HistoryRow::result, 140);
        result.setCellFactory(explained());
        table.getColumns().add(result);
        TableColumn<HistoryRow, String> changes = column("history.column.changes", HistoryRow::changes, 420);
        changes.setCellFactory(wrapped());
        table.getColumns().add(changes);
        Label heading = new Label(UiText.get("history.title"));
        heading.getStyleClass().add(Styles.TITLE_3);
        Label problem = new Label();
        problem.setId("history-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(10, heading, problem, table);
        root.getStyleClass().add("history-view");
    }

    public Node node() {
        return root;
    }

    private static TableColumn<HistoryRow, String> column(String key, java.util.function.Function<HistoryRow, String> value,
                                                          double width) {
        TableColumn<HistoryRow, String> column = new TableColumn<>(UiText.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false); // newest first is the order that answers "what happened last"
        return column;
    }

    /** What moved can name all six types: the cell wraps rather than cut it off. */
    private static Callback<TableColumn<HistoryRow, String>, TableCell<HistoryRow, String>> wrapped() {
        return column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty ? null : new Tooltip(text)); // all of it, when six types do not fit two lines
                setWrapText(true);
                setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        };
    }

    private static Callback<TableColumn<HistoryRow, String>, TableCell<HistoryRow, String>> explained() {
        return column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                HistoryRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                boolean failed = row != null && !row.problem().isEmpty();
                setTooltip(failed ? new Tooltip(row.problem()) : null);
                setAccessibleText(failed ? text + ": " + row.problem() : text);
                pseudoClassStateChanged(Styles.STATE_DANGER, failed);
            }
        };
    }
}
