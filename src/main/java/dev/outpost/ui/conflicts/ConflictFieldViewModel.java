package dev.outpost.ui.conflicts;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import dev.outpost.ui.UiText;

/**
 * One row of the conflict dialog: a field, its last synced value, mine and the server's, which of them changed,
 * and which one to keep. Rows of fields changed on one side only start on that side; rows of fields changed on
 * both sides start with no choice, so the user decides each of them.
 */
public final class ConflictFieldViewModel {

    private final FieldDifference difference;
    private final String base;
    private final String mine;
    private final String server;
    private final ObjectProperty<Side> choice = new SimpleObjectProperty<>(this, "choice");

    ConflictFieldViewModel(FieldDifference difference, ValueText text) {
        this.difference = difference;
        this.base = text.of(difference.field(), difference.base());
        this.mine = text.of(difference.field(), difference.mine());
        this.server = text.of(difference.field(), difference.server());
        if (!difference.collision()) {
            choice.set(difference.mineChanged() ? Side.MINE : Side.SERVER);
        }
    }

    /** The field's name in the store, e.g. {@code jobTitle}. */
    public String name() {
        return difference.field().name();
    }

    /** The field's name as a person reads it, e.g. "Job title". */
    public String label() {
        return difference.field().label();
    }

    public String base() {
        return base;
    }

    public String mine() {
        return mine;
    }

    public String server() {
        return server;
    }

    public boolean mineChanged() {
        return difference.mineChanged();
    }

    public boolean serverChanged() {
        return difference.serverChanged();
    }

    /** Changed on both sides to different values. */
    public boolean collision() {
        return difference.collision();
    }

    /** Which value to keep; null while the user has not chosen. */
    public ObjectProperty<Side> choiceProperty() {
        return choice;
    }

    public Side choice() {
        return choice.get();
    }

    /** What a screen reader says for a cell, e.g. "Job title, mine: CEO, changed". */
    public String accessibleText(String column, String value, boolean changed) {
        return UiText.get(changed ? "conflict.cellChanged" : "conflict.cell", label(), column, value);
    }
}
