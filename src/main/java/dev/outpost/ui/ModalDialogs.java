package dev.outpost.ui;

import java.util.Objects;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** What every dialog of the window does alike: the app's style sheet, a fixed size, modal to its owner, its icons. */
public final class ModalDialogs {

    private ModalDialogs() {
    }

    /** Puts {@code root} on {@code stage} as a dialog of {@code owner} (none: a window of its own). */
    public static void setUp(Stage stage, Parent root, String title, Window owner) {
        Scene scene = new Scene(root);
        scene.getStylesheets().add(Objects.requireNonNull(
                ModalDialogs.class.getResource("/dev/outpost/ui/outpost.css")).toExternalForm());
        stage.setScene(scene);
        stage.setTitle(title);
        stage.setResizable(false);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            if (owner instanceof Stage ownerStage) {
                stage.getIcons().setAll(ownerStage.getIcons());
            }
        }
    }
}
