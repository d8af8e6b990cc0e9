package dev.outpost.ui.records;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.util.StringConverter;

import dev.outpost.model.Field;
import dev.outpost.ui.UiText;

/** Builds the control that edits one field, chosen by the field's kind, bound to its view model. */
final class FieldInput {

    private FieldInput() {
    }

    static Control of(FieldViewModel model) {
        Field field = model.field();
        Control control = switch (field.kind()) {
            case LONG_TEXT -> textArea(model);
            case YES_NO -> checkBox(model);
            case CHOICE -> choice(model);
            case DATE -> datePicker(model);
            case REFERENCE -> reference(model);
            case EMAIL -> textField(model, UiText.get("prompt.email"));
            case EMAIL_LIST -> textField(model, UiText.get("prompt.emailList"));
            case URL -> textField(model, UiText.get("prompt.url"));
            case DATE_TIME -> textField(model, UiText.get("prompt.dateTime"));
            case MONEY -> textField(model, UiText.get("prompt.money"));
            case PERCENT -> textField(model, UiText.get("prompt.percent"));
            case TEXT, PHONE -> textField(model, "");
        };
        control.setId("field-" + field.name());
        control.setMaxWidth(Double.MAX_VALUE);
        control.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                model.touch();
            }
        });
        return control;
    }

    private static TextField textField(FieldViewModel model, String prompt) {
        TextField input = new TextField();
        input.setPromptText(prompt);
        input.textProperty().bindBidirectional(model.textProperty());
        return input;
    }

    private static TextInputControl textArea(FieldViewModel model) {
        TextArea input = new TextArea();
        input.setWrapText(true);
        input.setPrefRowCount(4);
        input.textProperty().bindBidirectional(model.textProperty());
        return input;
    }

    private static CheckBox checkBox(FieldViewModel model) {
        CheckBox input = new CheckBox(model.field().label());
        input.setSelected("true".equals(model.getText()));
        input.selectedProperty().addListener((obs, was, selected) -> {
            if (selected != "true".equals(model.getText())) {
                model.setText(selected ? "true" : "false");
            }
        });
        model.textProperty().addListener((obs, old, text) -> input.setSelected("true".equals(text)));
        return input;
    }

    private static ComboBox<String> choice(FieldViewModel model) {
        List<String> values = new ArrayList<>();
        values.add("");
        values.addAll(model.field().choices());
        ComboBox<String> input = new ComboBox<>();
        input.getItems().setAll(values);
        input.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? "" : value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        input.valueProperty().bindBidirectional(model.textProperty());
        return input;
    }

    private static DatePicker datePicker(FieldViewModel model) {
        DatePicker input = new DatePicker();
        input.setPromptText(UiText.get("prompt.date"));
        // Typed text goes to the view model as is, so a wrong date is reported rather than dropped.
        input.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : date.toString();
            }

            @Override
            public LocalDate fromString(String text) {
                return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
            }
        });
        input.getEditor().textProperty().bindBidirectional(model.textProperty());
        model.textProperty().addListener((obs, old, text) -> syncDate(input, text));
        syncDate(input, model.getText());
        return input;
    }

    private static void syncDate(DatePicker input, String text) {
        if (text.isBlank()) {
            input.setValue(null);
            return;
        }
        try {
            input.setValue(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            // Keep the text while it is being typed; validation says what is wrong.
        }
    }

    private static ComboBox<ReferenceOption> reference(FieldViewModel model) {
        ComboBox<ReferenceOption> input = new ComboBox<>(model.options());
        input.setPromptText(UiText.get("reference.none"));
        boolean[] syncing = {false};
        Runnable showText = () -> {
            syncing[0] = true;
            try {
                String id = model.getText();
                input.setValue(model.options().stream().filter(o -> o.id().equals(id)).findFirst().orElse(null));
            } finally {
                syncing[0] = false;
            }
        };
        input.valueProperty().addListener((obs, old, option) -> {
            if (!syncing[0]) {
                model.setText(option == null ? "" : option.id());
            }
        });
        model.textProperty().addListener((obs, old, text) -> showText.run());
        model.options().addListener((ListChangeListener<ReferenceOption>) change -> showText.run());
        showText.run();
        return input;
    }
}
