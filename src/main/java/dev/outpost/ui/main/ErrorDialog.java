package dev.outpost.ui.main;

import javafx.scene.control.Alert;
import javafx.scene.control.Alert.AlertType;
import javafx.stage.Window;

import dev.outpost.ui.UiText;

/** Tells the user in plain words that something failed. Never shows a stack trace: that is in the log. */
public final class ErrorDialog {

    private final Window owner;

    public ErrorDialog(Window owner) {
        this.owner = owner;
    }

    /** Shows the message without waiting for the user to close it. */
    public void show(String message) {
        Alert alert = new Alert(AlertType.ERROR);
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.setTitle(UiText.get("app.title"));
        alert.setHeaderText(UiText.get("error.heading"));
        alert.setContentText(message);
        alert.setResizable(true);
        alert.show();
    }
}
