package dev.outpost.ui.reset;

import java.net.URI;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;

import dev.outpost.store.AdminSettings;
import dev.outpost.ui.ModalDialogs;
import dev.outpost.ui.UiText;
import dev.outpost.ui.settings.CrmAddressField;
import dev.outpost.ui.sync.SyncConnection;

/**
 * <em>Connect to another CRM…</em>: asks for the new organization URL, checked as {@code outpost connect} checks
 * it. Nothing is switched here: the caller decides whether the change needs the reset warning first.
 */
public final class ConnectDialog {

    private final Stage stage = new Stage();

    private ConnectDialog(Window owner, String current, AdminSettings admin, Consumer<URI> onConnect) {
        Label heading = new Label(UiText.get("connect.heading"));
        heading.getStyleClass().add(Styles.TITLE_3);
        Label now = new Label(UiText.get("connect.current", current));
        now.setId("connect-current");
        now.setWrapText(true);
        now.setMinHeight(Region.USE_PREF_SIZE);
        CrmAddressField address = new CrmAddressField(admin, SyncConnection::checkedUrl);
        TextField url = address.field();
        url.setId("connect-url");
        url.setAccessibleText(UiText.get("connect.urlLabel"));
        url.setPrefColumnCount(30);
        address.setByItLine().setId("connect-set-by-it");
        address.problemLine().setId("connect-problem");
        Label detail = new Label(UiText.get("connect.detail"));
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);

        Button connect = new Button(UiText.get("connect.ok"));
        connect.setId("connect-ok");
        connect.setDefaultButton(true);
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setOnAction(event -> address.checked().ifPresent(checked -> {
            stage.close();
            onConnect.accept(checked);
        }));
        Button cancel = new Button(UiText.get("reset.cancel"));
        cancel.setId("connect-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, connect, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(12, heading, now, url, address.setByItLine(), address.problemLine(), detail, buttons);
        root.setPadding(new Insets(24, 28, 20, 28));
        root.setPrefWidth(560);
        ModalDialogs.setUp(stage, root, UiText.get("connect.title"), owner);
    }

    /**
     * Shows the dialog without waiting, the address filled in with the CRM IT set; where IT locked it, it cannot be
     * changed and a line says so.
     *
     * @param current   what the profile syncs with now, in the user's words
     * @param onConnect gets the checked new URL, on the FX thread, when the user confirms
     */
    public static void open(Window owner, String current, AdminSettings admin, Consumer<URI> onConnect) {
        new ConnectDialog(owner, current, admin, onConnect).stage.show();
    }
}
