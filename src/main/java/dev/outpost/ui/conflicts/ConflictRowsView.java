package dev.outpost.ui.conflicts;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import atlantafx.base.theme.Styles;

import dev.outpost.ui.UiText;

/**
 * The grid Field | Last synced | Mine | Server's, one row per field. The Mine and Server's cells are the row's two
 * radio buttons, so choosing a value is choosing its cell; a value changed since the last sync is highlighted and
 * its accessible text says "changed".
 */
final class ConflictRowsView {

    private ConflictRowsView() {
    }

    static GridPane of(String id, List<ConflictFieldViewModel> rows) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.getStyleClass().add("conflict-grid");
        grid.setHgap(6);
        grid.setVgap(4);
        grid.getColumnConstraints().addAll(column(16), column(22), column(31), column(31));
        grid.addRow(0, heading("conflict.column.field", false), heading("conflict.column.base", true),
                heading("conflict.column.mine", true), heading("conflict.column.server", true));
        int index = 1;
        for (ConflictFieldViewModel row : rows) {
            Label field = new Label(row.label());
            field.setId("conflict-" + row.name() + "-field");
            field.getStyleClass().addAll("conflict-field", Styles.TEXT_BOLD);
            field.setWrapText(true);
            Label base = new Label(row.base());
            base.setId("conflict-" + row.name() + "-base");
            base.getStyleClass().add("conflict-cell");
            base.setWrapText(true);
            base.setMaxWidth(Double.MAX_VALUE);
            base.setAccessibleText(row.accessibleText(UiText.get("conflict.column.base"), row.base(), false));
            ToggleGroup group = new ToggleGroup();
            RadioButton mine = choice(row, Side.MINE, group);
            RadioButton server = choice(row, Side.SERVER, group);
            grid.addRow(index++, field, base, mine, server);
        }
        return grid;
    }

    private static RadioButton choice(ConflictFieldViewModel row, Side side, ToggleGroup group) {
        boolean mine = side == Side.MINE;
        String value = mine ? row.mine() : row.server();
        boolean changed = mine ? row.mineChanged() : row.serverChanged();
        RadioButton button = new RadioButton(value);
        button.setId("conflict-" + row.name() + (mine ? "-mine" : "-server"));
        button.setUserData(side);
        button.setToggleGroup(group);
        button.setWrapText(true);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setMaxHeight(Double.MAX_VALUE);
        button.getStyleClass().add("conflict-cell");
        if (changed) {
            button.getStyleClass().add("conflict-changed");
        }
        button.setAccessibleText(row.accessibleText(UiText.get(mine ? "conflict.column.mine" : "conflict.column.server"),
                value, changed));
        button.setAccessibleHelp(UiText.get("conflict.choiceHelp", row.label()));
        button.setSelected(row.choice() == side);
        button.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                row.choiceProperty().set(side);
            }
        });
        row.choiceProperty().addListener((obs, was, now) -> button.setSelected(now == side));
        return button;
    }

    /** A column's heading; over values, indented like the value cells' text. */
    static Node heading(String key, boolean overValues) {
        Label label = new Label(UiText.get(key));
        label.getStyleClass().addAll(overValues ? "conflict-value-heading" : "conflict-column-heading", Styles.TEXT_SMALL,
                Styles.TEXT_MUTED);
        return label;
    }

    static ColumnConstraints column(double percent) {
        ColumnConstraints column = new ColumnConstraints();
        column.setPercentWidth(percent);
        column.setFillWidth(true);
        column.setHgrow(Priority.ALWAYS);
        return column;
    }
}
