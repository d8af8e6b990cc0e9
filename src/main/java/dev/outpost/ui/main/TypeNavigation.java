package dev.outpost.ui.main;

import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;

import dev.outpost.model.RecordType;
import dev.outpost.ui.UiText;

/** The list of record types on the left, each with its count of records. */
final class TypeNavigation {

    private final ListView<RecordType> list = new ListView<>();
    private final VBox root;
    private boolean selecting;

    TypeNavigation(MainWindowViewModel model, Consumer<RecordType> onPick) {
        list.setId("navigation");
        list.getItems().setAll(RecordType.values());
        list.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        list.setCellFactory(view -> new TypeCell(model));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, picked) -> {
            if (!selecting && picked != null && picked != model.recordTypeProperty().get()) {
                onPick.accept(picked);
            }
        });
        model.recordTypeProperty().addListener((obs, old, type) -> select(type));
        select(model.recordTypeProperty().get());
        VBox.setVgrow(list, Priority.ALWAYS);

        Label heading = new Label(UiText.get("navigation.heading"));
        heading.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "navigation-heading");
        root = new VBox(heading, list);
        root.getStyleClass().add("navigation");
        root.setMinWidth(170);
        root.setPrefWidth(190);
    }

    Node node() {
        return root;
    }

    /** Shows a type as selected without treating it as the user's pick. */
    void select(RecordType type) {
        selecting = true;
        try {
            list.getSelectionModel().select(type);
        } finally {
            selecting = false;
        }
    }

    private static final class TypeCell extends ListCell<RecordType> {
        private final MainWindowViewModel model;
        private final Label name = new Label();
        private final Label count = new Label();
        private final HBox content;

        TypeCell(MainWindowViewModel model) {
            this.model = model;
            count.getStyleClass().addAll(Styles.TEXT_SMALL, "navigation-count");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            content = new HBox(8, name, spacer, count);
            content.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(RecordType type, boolean empty) {
            super.updateItem(type, empty);
            count.textProperty().unbind();
            if (empty || type == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(type.pluralLabel());
            count.textProperty().bind(model.countProperty(type).asString());
            setText(null);
            setGraphic(content);
        }
    }
}
