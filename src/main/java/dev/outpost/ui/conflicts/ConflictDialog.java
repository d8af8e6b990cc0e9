package dev.outpost.ui.conflicts;

import java.util.Objects;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;

import dev.outpost.ui.ModalDialogs;
import dev.outpost.ui.UiText;

/**
 * The conflict dialog (issue 7): a record changed here and on the server. A row per field changed on both sides
 * with the last synced value, mine and the server's; the fields merged automatically below, collapsed; Keep mine,
 * Keep server's, Merge, Keep both, Decide later. Escape and closing the window are Decide later; there is no
 * default button, so a stray Enter decides nothing.
 */
public final class ConflictDialog {

    private static final double MAX_ROWS_HEIGHT = 460;

    private final Stage stage = new Stage();
    private final ConflictViewModel model;

    private ConflictDialog(Window owner, ConflictViewModel model) {
        this.model = model;
        Label heading = paragraph(model.heading(), "conflict-heading-text");
        heading.getStyleClass().add(Styles.TITLE_4);
        Label mineWhen = paragraph(model.mineWhen(), "conflict-mine-when");
        Label serverWhen = paragraph(model.serverWhen(), "conflict-server-when");
        mineWhen.getStyleClass().add(Styles.TEXT_MUTED);
        serverWhen.getStyleClass().add(Styles.TEXT_MUTED);
        VBox top = new VBox(4, heading, mineWhen, serverWhen);

        VBox body = new VBox(12);
        if (model.collisions().isEmpty()) {
            body.getChildren().add(paragraph(UiText.get("conflict.noCollisions"), "conflict-no-collisions"));
        } else {
            body.getChildren().addAll(paragraph(UiText.get("conflict.intro"), "conflict-intro"),
                    ConflictRowsView.of("conflict-collisions", model.collisions()));
        }
        if (!model.automatic().isEmpty()) {
            TitledPane automatic = new TitledPane(UiText.get("conflict.automatic", model.automatic().size()),
                    ConflictRowsView.of("conflict-automatic-rows", model.automatic()));
            automatic.setId("conflict-automatic");
            automatic.setExpanded(false);
            automatic.setAnimated(false);
            automatic.getStyleClass().add(Styles.DENSE);
            automatic.setAccessibleText(automatic.getText());
            body.getChildren().add(automatic);
        }
        ScrollPane scroll = new ScrollPane(body);
        scroll.setId("conflict-scroll");
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        scroll.getStyleClass().add("edge-to-edge");
        // As tall as the rows, up to a limit; then it scrolls.
        scroll.prefViewportHeightProperty().bind(Bindings.min(MAX_ROWS_HEIGHT, body.heightProperty()));
        body.heightProperty().addListener((obs, was, now) -> {
            if (stage.isShowing()) {
                Platform.runLater(stage::sizeToScene); // e.g. the merged fields unfolded: the window grows with them
            }
        });
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button keepMine = button("conflict-keep-mine", "conflict.keepMine", UiText.get("conflict.keepMineHelp"));
        keepMine.setOnAction(event -> model.keepMine());
        Button keepServer = button("conflict-keep-server", "conflict.keepServer", UiText.get("conflict.keepServerHelp"));
        keepServer.setOnAction(event -> model.keepServer());
        Button merge = button("conflict-merge", "conflict.merge", UiText.get("conflict.mergeHelp"));
        merge.getStyleClass().add(Styles.ACCENT);
        merge.setOnAction(event -> model.merge());
        Button keepBoth = button("conflict-keep-both", "conflict.keepBoth", UiText.get("conflict.keepBothHelp",
                model.typeLabel().toLowerCase(java.util.Locale.ROOT)));
        keepBoth.setOnAction(event -> model.keepBoth());
        Button later = button("conflict-later", "conflict.later", UiText.get("conflict.laterHelp"));
        later.setCancelButton(true);
        later.setOnAction(event -> model.decideLater());

        VBox bottom = new VBox(10);
        CheckBox others = new CheckBox(model.applyToOthersText());
        others.setId("conflict-apply-to-others");
        others.selectedProperty().bindBidirectional(model.applyToOthersProperty());
        others.setAccessibleText(model.applyToOthersText());
        others.setAccessibleHelp(model.applyToOthersHelp());
        others.setTooltip(new Tooltip(model.applyToOthersHelp()));
        others.getTooltip().setWrapText(true);
        others.getTooltip().setMaxWidth(420);
        others.setVisible(model.othersCount() > 0);
        others.setManaged(model.othersCount() > 0);
        bottom.getChildren().add(others);

        Label message = paragraph("", "conflict-message");
        message.textProperty().bind(Bindings.when(model.messageProperty().isNotEmpty()).then(model.messageProperty())
                .otherwise(model.mergeHintProperty()));
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        message.getStyleClass().add(Styles.TEXT_SMALL);
        bottom.getChildren().add(message);

        var busy = model.busyProperty();
        keepMine.disableProperty().bind(busy);
        keepServer.disableProperty().bind(busy);
        merge.disableProperty().bind(busy.or(Bindings.not(model.allChosenProperty())).or(others.selectedProperty()));
        keepBoth.disableProperty().bind(busy.or(others.selectedProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, keepMine, keepServer, merge, keepBoth, spacer, later);
        buttons.setAlignment(Pos.CENTER_LEFT);
        bottom.getChildren().add(buttons);

        VBox root = new VBox(16, top, scroll, bottom);
        root.setPadding(new Insets(22, 24, 18, 24));
        root.setPrefWidth(900);
        root.getStyleClass().add("conflict-dialog");
        setUp(stage, root, model.windowTitle(), owner, model.busyProperty(), model.outcomeProperty(), model::decideLater);
        stage.setResizable(true);
        // Start where the decisions are: the first row's Mine, else Merge (nothing to choose).
        stage.setOnShown(event -> Platform.runLater(() -> {
            if (model.collisions().isEmpty()) {
                (merge.isDisabled() ? later : merge).requestFocus();
            } else {
                root.lookup("#conflict-" + model.collisions().getFirst().name() + "-mine").requestFocus();
            }
        }));
    }

    /** Opens the dialog without waiting; it closes itself once the model has an outcome. */
    public static ConflictDialog open(Window owner, ConflictViewModel model) {
        ConflictDialog dialog = new ConflictDialog(owner, model);
        dialog.stage.show();
        return dialog;
    }

    /** The dialog's window, e.g. to wait for it to close. */
    public Stage stage() {
        return stage;
    }

    /**
     * What both conflict dialogs do alike: the dialog style sheet; closing the window is Decide later, except while
     * the decision is being saved; and the window closes itself once there is an outcome.
     */
    static void setUp(Stage stage, Parent root, String title, Window owner, ObservableBooleanValue busy,
                      ObservableObjectValue<?> outcome, Runnable decideLater) {
        ModalDialogs.setUp(stage, root, title, owner);
        stage.getScene().getStylesheets().add(Objects.requireNonNull(
                ConflictDialog.class.getResource("conflict-dialog.css")).toExternalForm());
        stage.setOnCloseRequest(event -> {
            if (busy.get()) {
                event.consume(); // the decision is being saved: the outcome closes the window
            } else {
                decideLater.run();
            }
        });
        outcome.addListener((obs, was, now) -> {
            if (now != null) {
                stage.close();
            }
        });
    }

    static Label paragraph(String text, String id) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    static Button button(String id, String key, String help) {
        Button button = new Button(UiText.get(key));
        button.setId(id);
        button.setAccessibleHelp(help);
        Tooltip tooltip = new Tooltip(help);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(380);
        button.setTooltip(tooltip);
        return button;
    }
}
