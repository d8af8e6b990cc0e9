package dev.outpost.ui.sync;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import dev.outpost.ui.UiText;

/**
 * The bar under the header when the sync needs a sign-in: why, and <em>Sign in</em>. Hidden otherwise. Its colours
 * are AtlantaFX's warning colours, as its {@code Message} control uses them, so it follows the light and dark theme.
 */
public final class SignInBanner {

    private final HBox root;

    public SignInBanner(SyncViewModel model) {
        Label title = new Label(UiText.get("signin.title"));
        title.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.WARNING);
        Label text = new Label();
        text.setId("signin-text");
        text.setWrapText(true);
        text.textProperty().bind(model.signInTextProperty());
        VBox words = new VBox(2, title, text);
        HBox.setHgrow(words, Priority.ALWAYS);

        Button signIn = new Button(UiText.get("signin.button"));
        signIn.setId("signin-button");
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.setMinWidth(Button.USE_PREF_SIZE);
        signIn.setTooltip(new Tooltip(UiText.get("signin.buttonHelp")));
        signIn.setAccessibleText(UiText.get("signin.button"));
        signIn.accessibleHelpProperty().bind(model.signInTextProperty());
        signIn.disableProperty().bind(model.runningProperty());
        signIn.setOnAction(event -> model.signIn());

        root = new HBox(12, words, signIn);
        root.setId("signin-banner");
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(8, 12, 8, 12));
        root.getStyleClass().add("signin-banner");
        // AtlantaFX's looked-up colours: the theme's own warning look in light and dark.
        root.setStyle("-fx-background-color: -color-warning-subtle; -fx-border-color: -color-warning-muted; "
                + "-fx-border-width: 0 0 1 0;");
        root.visibleProperty().bind(model.signInNeededProperty());
        root.managedProperty().bind(root.visibleProperty());
    }

    public Node node() {
        return root;
    }
}
