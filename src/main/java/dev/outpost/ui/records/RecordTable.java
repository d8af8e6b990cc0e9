package dev.outpost.ui.records;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import dev.outpost.model.Field;
import dev.outpost.model.FieldFormat;
import dev.outpost.model.FieldKind;
import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.ui.UiText;

/**
 * The records of one type as a sortable table under a search field. A row the user picks is handed to
 * {@link #setOnPick}; rows the list replaces after a search or a save are not picks.
 */
public final class RecordTable {

    private final RecordListViewModel list;
    private final FieldFormat format;
    private final VBox root = new VBox();
    private final Label title = new Label();
    private final Button newButton = new Button();
    private final TextField search = new TextField();
    private final TableView<Record> table = new TableView<>();
    private Consumer<Record> onPick = record -> { };
    private String selectedId;
    private boolean selecting;

    public RecordTable(RecordListViewModel list, FieldFormat format, Runnable onNew) {
        this.list = list;
        this.format = format;

        title.getStyleClass().add(Styles.TITLE_3);
        newButton.getStyleClass().add(Styles.ACCENT);
        newButton.setId("new-record");
        newButton.setOnAction(event -> onNew.run());
        newButton.setTooltip(new Tooltip(UiText.get("table.newTooltip")));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, spacer, newButton);
        header.setAlignment(Pos.CENTER_LEFT);

        search.setId("search");
        search.textProperty().bindBidirectional(list.searchTextProperty());
        search.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                event.consume();
            }
        });

        table.setId("records");
        table.getStyleClass().add(Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label placeholder = new Label();
        placeholder.setId("empty-message");
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(list.emptyMessageProperty());
        table.setPlaceholder(placeholder);
        SortedList<Record> sorted = new SortedList<>(list.records());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, picked) -> {
            if (!selecting && !list.isReplacing() && picked != null && !picked.id().equals(selectedId)) {
                onPick.accept(picked);
            }
        });
        // Registered after the table's own listener, so it runs once the table has taken the new rows.
        list.records().addListener((ListChangeListener<Record>) change -> select(selectedId));
        VBox.setVgrow(table, Priority.ALWAYS);

        root.getStyleClass().add("record-table");
        root.setSpacing(10);
        root.getChildren().addAll(header, search, table);
        list.typeProperty().addListener((obs, old, type) -> showType(type));
        showType(list.typeProperty().get());
    }

    /** Called with the record the user picked (click or arrow keys). */
    public void setOnPick(Consumer<Record> onPick) {
        this.onPick = onPick;
    }

    /** Selects the row of a record, if shown; null clears the selection. Not a pick. */
    public void select(String id) {
        selectedId = id;
        selecting = true;
        try {
            Record row = id == null ? null
                    : table.getItems().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
            }
        } finally {
            selecting = false;
        }
    }

    public Node node() {
        return root;
    }

    public TextField searchField() {
        return search;
    }

    public TableView<Record> tableView() {
        return table;
    }

    private void showType(RecordType type) {
        String plural = type.pluralLabel().toLowerCase(Locale.ROOT);
        title.setText(type.pluralLabel());
        newButton.setText(UiText.get("table.new", type.label().toLowerCase(Locale.ROOT)));
        search.setPromptText(UiText.get("table.searchPrompt", plural));
        List<TableColumn<Record, ?>> columns = new ArrayList<>();
        if (type == RecordType.CONTACT) {
            columns.add(nameColumn());
        }
        RecordColumns.of(type).forEach(field -> columns.add(column(field)));
        table.getColumns().setAll(columns);
        table.getSortOrder().setAll(List.of(columns.getFirst()));
    }

    private TableColumn<Record, String> column(Field field) {
        TableColumn<Record, String> column = new TableColumn<>(field.label());
        column.setId("column-" + field.name());
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(shown(field, cell.getValue())));
        double forValues = switch (field.kind()) {
            case EMAIL, EMAIL_LIST, URL -> 200;
            case TEXT -> 160;
            case DATE_TIME, PHONE -> 140;
            default -> 100;
        };
        // Wide enough for the header where the window allows, so "Business phone" is not cut to "Busin...".
        column.setPrefWidth(Math.max(forValues, headerWidth(field.label())));
        column.setMinWidth(60);
        if (field.kind() == FieldKind.MONEY || field.kind() == FieldKind.PERCENT) {
            column.setComparator(Comparator.comparing(RecordTable::amount));
            column.setStyle("-fx-alignment: CENTER-RIGHT;");
        } else {
            column.setComparator(String.CASE_INSENSITIVE_ORDER);
        }
        return column;
    }

    /** Contacts are listed by full name and sorted by last name, then first name. */
    private static TableColumn<Record, Record> nameColumn() {
        TableColumn<Record, Record> column = new TableColumn<>(UiText.get("table.nameColumn"));
        column.setId("column-name");
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(view -> new TableCell<>() {
            @Override
            protected void updateItem(Record record, boolean empty) {
                super.updateItem(record, empty);
                setText(empty || record == null ? null : record.title());
            }
        });
        column.setComparator(Comparator.comparing((Record r) -> r.get("lastName").toLowerCase(Locale.ROOT))
                .thenComparing(r -> r.get("firstName").toLowerCase(Locale.ROOT)));
        column.setPrefWidth(180);
        column.setMinWidth(60);
        return column;
    }

    private static double headerWidth(String label) {
        return 32 + 8.5 * label.length();
    }

    private String shown(Field field, Record record) {
        String value = record.get(field.name());
        if (field.kind() == FieldKind.YES_NO) {
            return value.equals("true") ? UiText.get("value.yes") : value.isEmpty() ? "" : UiText.get("value.no");
        }
        return format.display(field, value);
    }

    private static BigDecimal amount(String text) {
        try {
            return text.isEmpty() ? BigDecimal.valueOf(-1) : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(-1);
        }
    }
}
