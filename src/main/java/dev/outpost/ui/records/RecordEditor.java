package dev.outpost.ui.records;

import java.util.Locale;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.ui.UiText;

/**
 * The form on the right: a label, an input and a problem line per field of the record type, built from
 * the type's field descriptors, with Save, Discard changes and Delete below.
 */
public final class RecordEditor {

    private final RecordFormViewModel form;
    private final StackPane root = new StackPane();
    private final VBox rows = new VBox(14);
    private final Label placeholder = new Label();

    public RecordEditor(RecordFormViewModel form, Runnable onSave, Runnable onDelete) {
        this(form, onSave, onDelete, Optional.empty());
    }

    /**
     * @param recordLine shown under the heading, above the fields: e.g. whether the record is synced with Outlook
     */
    public RecordEditor(RecordFormViewModel form, Runnable onSave, Runnable onDelete, Optional<Node> recordLine) {
        this.form = form;

        Label heading = new Label();
        heading.setId("editor-heading");
        heading.getStyleClass().add(Styles.TITLE_3);
        heading.setWrapText(true);
        heading.textProperty().bind(form.headingProperty());
        Label subtitle = new Label();
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.textProperty().bind(Bindings.createStringBinding(() -> subtitle(form.typeProperty().get(),
                form.editingProperty().get()), form.typeProperty(), form.editingProperty()));
        Label recordProblem = problemLabel("record-problem");
        recordProblem.textProperty().bind(form.recordProblemProperty());
        VBox top = new VBox(2, heading, subtitle, recordProblem);
        recordLine.ifPresent(line -> {
            VBox.setMargin(line, new Insets(8, 0, 0, 0));
            top.getChildren().add(line);
        });
        top.setPadding(new Insets(0, 0, 12, 0));

        rows.getStyleClass().add("editor-fields");
        rows.setPadding(new Insets(4, 16, 16, 2));
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);

        Button save = new Button(UiText.get("editor.save"));
        save.setId("save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(false);
        save.disableProperty().bind(form.dirtyProperty().not().or(form.savingProperty()));
        save.setOnAction(event -> onSave.run());
        Button discard = new Button(UiText.get("editor.discard"));
        discard.setId("discard");
        discard.disableProperty().bind(form.dirtyProperty().not());
        discard.setOnAction(event -> form.revert());
        Button delete = new Button(UiText.get("editor.delete"));
        delete.setId("delete");
        delete.getStyleClass().addAll(Styles.DANGER, Styles.FLAT);
        delete.visibleProperty().bind(form.editingProperty().isNotNull());
        delete.setOnAction(event -> onDelete.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, save, discard, spacer, delete);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(12, 0, 0, 0));

        BorderPane editor = new BorderPane(scroll, top, null, buttons, null);
        editor.setId("editor");
        editor.visibleProperty().bind(form.openProperty());

        placeholder.setId("editor-placeholder");
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.setWrapText(true);
        placeholder.visibleProperty().bind(form.openProperty().not());
        StackPane.setAlignment(placeholder, Pos.CENTER);

        root.getStyleClass().add("record-editor");
        root.getChildren().addAll(placeholder, editor);
        form.fields().addListener((ListChangeListener<FieldViewModel>) change -> buildRows());
        form.typeProperty().addListener((obs, old, type) -> updatePlaceholder(type));
        buildRows();
    }

    public Node node() {
        return root;
    }

    /** Shows the placeholder for a type when no record is open. */
    public void updatePlaceholder(RecordType type) {
        if (type != null) {
            placeholder.setText(UiText.get("editor.placeholder", type.pluralLabel().toLowerCase(Locale.ROOT)));
        }
    }

    /** Puts the cursor in the first field with a problem, else in the first field. */
    public void focusFirstProblem() {
        String name = form.firstProblem().or(() -> form.fields().stream().findFirst())
                .map(f -> f.field().name()).orElse("");
        Node input = rows.lookup("#field-" + name);
        if (input != null) {
            input.requestFocus();
        }
    }

    private void buildRows() {
        rows.getChildren().clear();
        for (FieldViewModel field : form.fields()) {
            rows.getChildren().add(row(field));
        }
    }

    private Node row(FieldViewModel field) {
        Control input = FieldInput.of(field);
        Label problem = problemLabel("problem-" + field.field().name());
        problem.textProperty().bind(field.problemProperty());
        problem.accessibleTextProperty().bind(field.problemProperty());
        input.accessibleHelpProperty().bind(field.problemProperty());
        field.problemProperty().addListener((obs, old, now) ->
                input.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
        VBox row = new VBox(4);
        row.getStyleClass().add("field-row");
        if (!(input instanceof CheckBox)) {
            Label label = new Label(field.field().required()
                    ? UiText.get("editor.requiredLabel", field.field().label()) : field.field().label());
            label.getStyleClass().add("field-label");
            label.setLabelFor(input);
            row.getChildren().add(label);
        }
        row.getChildren().addAll(input, problem);
        return row;
    }

    private static Label problemLabel(String id) {
        Label problem = new Label();
        problem.setId(id);
        problem.getStyleClass().addAll("field-problem", Styles.DANGER);
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        return problem;
    }

    private static String subtitle(RecordType type, Record editing) {
        if (type == null) {
            return "";
        }
        return editing == null ? UiText.get("editor.unsavedSubtitle", type.label())
                : UiText.get("editor.savedSubtitle", type.label());
    }
}
