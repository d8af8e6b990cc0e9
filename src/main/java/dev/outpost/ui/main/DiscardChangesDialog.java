package dev.outpost.ui.main;

import javafx.scene.control.Alert;
import javafx.scene.control.Alert.AlertType;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;

import dev.outpost.ui.UiText;

/** Asks whether to throw away unsaved changes before opening something else. */
final class DiscardChangesDialog {

    private final Window owner;

    DiscardChangesDialog(Window owner) {
        this.owner = owner;
    }

    /** @return true when the user chose to discard the changes */
    boolean confirm(String recordName) {
        ButtonType discard = new ButtonType(UiText.get("discard.discard"), ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(UiText.get("discard.keep"), ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(AlertType.CONFIRMATION, UiText.get("discard.message", recordName), discard, keep);
        alert.initOwner(owner);
        alert.setTitle(UiText.get("app.title"));
        alert.setHeaderText(UiText.get("discard.heading"));
        // Enter keeps the work; throwing it away takes a deliberate click.
        Button discardButton = (Button) alert.getDialogPane().lookupButton(discard);
        discardButton.setDefaultButton(false);
        discardButton.getStyleClass().add(Styles.DANGER);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        return alert.showAndWait().filter(discard::equals).isPresent();
    }
}
