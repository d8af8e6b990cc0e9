package dev.outpost.ui.records;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.outpost.model.Field;

/**
 * One field of the record form: the text as the user typed it and what is wrong with it. A problem is
 * only shown once the user has left the field or tried to save, so a fresh form is not all red.
 */
public final class FieldViewModel {

    private final Field field;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ObservableList<ReferenceOption> options = FXCollections.observableArrayList();
    private String initialText = "";
    private String foundProblem = "";
    private boolean revealed;

    FieldViewModel(Field field) {
        this.field = field;
    }

    public Field field() {
        return field;
    }

    /** The text as typed (date-times as shown to the user, yes/no as true/false, references as ids). */
    public StringProperty textProperty() {
        return text;
    }

    public String getText() {
        return text.get();
    }

    public void setText(String value) {
        text.set(value);
    }

    /** What is wrong with the value, in words, or "" when it is fine or not shown yet. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String getProblem() {
        return problem.get();
    }

    /** For a reference field: the records it may point at, "no record" first. */
    public ObservableList<ReferenceOption> options() {
        return options;
    }

    /** The user left the field: from now on its problems show as they type. */
    public void touch() {
        revealed = true;
        problem.set(foundProblem);
    }

    public boolean changed() {
        return !text.get().equals(initialText);
    }

    void reveal() {
        touch();
    }

    void reset(String value) {
        initialText = value;
        revealed = false;
        foundProblem = "";
        problem.set("");
        text.set(value);
    }

    void found(String message) {
        foundProblem = message;
        problem.set(revealed ? message : "");
    }
}
