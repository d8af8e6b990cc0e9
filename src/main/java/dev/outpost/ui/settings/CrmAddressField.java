package dev.outpost.ui.settings;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;

import atlantafx.base.theme.Styles;

import dev.outpost.store.AdminSettings;
import dev.outpost.ui.UiText;

/**
 * The CRM address a user types to connect (the first-run welcome, <em>Connect to another CRM…</em>): filled in with
 * the CRM IT set; where IT locked it, read-only with a line saying so; a refused address says why under it. The
 * dialogs place the three nodes and give them their ids.
 */
public final class CrmAddressField {

    private final TextField field = new TextField();
    private final Label setByIt;
    private final Label problem = new Label();
    private final Function<String, URI> check;

    /**
     * @param admin what IT set for this installation
     * @param check turns the typed text into the address, or throws IllegalArgumentException saying what is wrong
     *              in the user's words ({@code SyncConnection::checkedUrl}, as {@code outpost connect} checks it)
     */
    public CrmAddressField(AdminSettings admin, Function<String, URI> check) {
        this.check = check;
        field.setPromptText(UiText.get("welcome.urlPrompt"));
        admin.crmUrl().ifPresent(crm -> field.setText(crm.toString())); // IT's CRM: one click to connect
        boolean locked = admin.boundCrmUrl().isPresent();
        field.setEditable(!locked);
        setByIt = new Label(UiText.get("welcome.crmSetByIt", admin.file()));
        setByIt.setWrapText(true);
        setByIt.setMinHeight(Region.USE_PREF_SIZE); // wraps onto more lines instead of ending in "..."
        setByIt.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        setByIt.setVisible(locked);
        setByIt.setManaged(locked);
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        field.textProperty().addListener((obs, old, text) -> { // typing again clears the last refusal
            problem.setText("");
            field.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        });
    }

    /** The checked address; empty when it is refused: the problem line then says why and the field has the focus. */
    public Optional<URI> checked() {
        try {
            return Optional.of(check.apply(field.getText()));
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
            field.pseudoClassStateChanged(Styles.STATE_DANGER, true);
            field.requestFocus();
            return Optional.empty();
        }
    }

    public TextField field() {
        return field;
    }

    /** "IT has set the CRM…", shown only where IT locked it. */
    public Label setByItLine() {
        return setByIt;
    }

    /** Why the typed address was refused; takes no room while there is nothing to say. */
    public Label problemLine() {
        return problem;
    }
}
