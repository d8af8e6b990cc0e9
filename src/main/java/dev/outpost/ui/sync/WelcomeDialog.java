package dev.outpost.ui.sync;

import java.util.Objects;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;

import dev.outpost.store.AdminSettings;
import dev.outpost.ui.UiText;
import dev.outpost.ui.settings.CrmAddressField;

/**
 * The first-run welcome, shown when the profile has no connection: explore with demo data, connect to
 * Dynamics 365 (its URL, checked as {@code outpost connect} checks it), or work offline for now.
 */
public final class WelcomeDialog {

    private final Stage stage = new Stage();
    private final Consumer<WelcomeChoice> onChoice;
    private boolean chosen;

    private WelcomeDialog(Window owner, AdminSettings admin, Consumer<WelcomeChoice> onChoice) {
        this.onChoice = onChoice;
        Label heading = new Label(UiText.get("welcome.heading"));
        heading.getStyleClass().add(Styles.TITLE_3);
        Label intro = paragraph(UiText.get("welcome.intro"));

        Button demo = new Button(UiText.get("welcome.demo"));
        demo.setId("welcome-demo");
        demo.getStyleClass().add(Styles.ACCENT);
        demo.setDefaultButton(true);
        demo.setMaxWidth(Double.MAX_VALUE);
        demo.setOnAction(event -> choose(new WelcomeChoice.Demo()));
        VBox demoBox = new VBox(6, demo, muted(UiText.get("welcome.demoDetail")));

        CrmAddressField address = new CrmAddressField(admin, SyncConnection::checkedUrl);
        TextField url = address.field();
        url.setId("welcome-url");
        url.setPrefColumnCount(24);
        address.setByItLine().setId("welcome-url-set-by-it");
        address.problemLine().setId("welcome-url-problem");
        HBox.setHgrow(url, Priority.ALWAYS);
        Button connect = new Button(UiText.get("welcome.connect"));
        connect.setId("welcome-connect");
        connect.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        connect.setOnAction(event -> address.checked().ifPresent(crm -> choose(new WelcomeChoice.Connect(crm))));
        url.setOnAction(event -> connect.fire());
        HBox urlRow = new HBox(8, url, connect);
        urlRow.setAlignment(Pos.CENTER_LEFT);
        VBox connectBox = new VBox(6, urlRow, address.setByItLine(), address.problemLine(),
                muted(UiText.get("welcome.connectDetail")));

        Button notNow = new Button(UiText.get("welcome.notNow"));
        notNow.setId("welcome-not-now");
        notNow.getStyleClass().add(Styles.FLAT);
        notNow.setCancelButton(true);
        notNow.setOnAction(event -> choose(new WelcomeChoice.NotNow()));
        HBox notNowRow = new HBox(10, notNow, muted(UiText.get("welcome.notNowDetail")));
        notNowRow.setAlignment(Pos.CENTER_LEFT);

        VBox root = new VBox(14, heading, intro, demoBox, new Separator(), connectBox, new Separator(), notNowRow);
        root.setPadding(new Insets(24, 28, 20, 28));
        root.getStyleClass().add("welcome");
        root.setPrefWidth(580);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(Objects.requireNonNull(
                WelcomeDialog.class.getResource("/dev/outpost/ui/outpost.css")).toExternalForm());
        stage.setScene(scene);
        stage.setTitle(UiText.get("welcome.title"));
        stage.setResizable(false);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            if (owner instanceof Stage ownerStage) {
                stage.getIcons().setAll(ownerStage.getIcons());
            }
        }
        stage.setOnHidden(event -> choose(new WelcomeChoice.NotNow())); // closing it is "not now"
    }

    /** Shows the welcome without waiting; {@code onChoice} gets exactly one choice on the FX thread. */
    public static WelcomeDialog open(Window owner, Consumer<WelcomeChoice> onChoice) {
        return open(owner, AdminSettings.NONE, onChoice);
    }

    /**
     * As {@link #open(Window, Consumer)}, the address filled in with the CRM IT set; where IT locked it, it cannot
     * be changed and a line says so.
     */
    public static WelcomeDialog open(Window owner, AdminSettings admin, Consumer<WelcomeChoice> onChoice) {
        WelcomeDialog dialog = new WelcomeDialog(owner, admin, onChoice);
        dialog.stage.show();
        return dialog;
    }

    private void choose(WelcomeChoice choice) {
        if (chosen) {
            return;
        }
        chosen = true;
        stage.close();
        onChoice.accept(choice);
    }

    private static Label paragraph(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    private static Label muted(String text) {
        Label label = paragraph(text);
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return label;
    }
}
