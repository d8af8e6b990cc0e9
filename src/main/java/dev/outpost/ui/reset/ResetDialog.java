package dev.outpost.ui.reset;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiFunction;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;

import dev.outpost.ui.ModalDialogs;
import dev.outpost.ui.UiText;

/**
 * The reset warning (DESIGN.md, "Profile and reset"): what switching would lose, and <em>Sync first</em>,
 * <em>Export unsynced changes…</em>, <em>Remove and continue</em>, <em>Cancel</em>. Cancel is the default and
 * Escape's button, so a stray Enter never removes anything; Remove is marked as the dangerous one.
 */
public final class ResetDialog {

    private final Stage stage = new Stage();
    private final ResetViewModel model;
    private final VBox losses = new VBox(4);

    /**
     * @param chooseFile asks where to export, given the window and a suggested file name; the system's file
     *                   chooser outside tests
     */
    private ResetDialog(Window owner, ResetViewModel model, BiFunction<Window, String, Optional<Path>> chooseFile) {
        this.model = model;
        Label heading = new Label(model.heading());
        heading.setId("reset-heading");
        heading.getStyleClass().add(Styles.TITLE_3);
        heading.setWrapText(true);
        Label explanation = paragraph(model.explanation());
        explanation.setId("reset-explanation");
        losses.setId("reset-losses");
        losses.setAccessibleText(UiText.get("reset.willBeLost"));

        Label message = paragraph("");
        message.setId("reset-message");
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        model.messageIsProblemProperty().addListener((obs, was, problem) -> style(message, problem));
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(18, 18);
        working.visibleProperty().bind(model.busyProperty());
        working.managedProperty().bind(working.visibleProperty()); // no empty gap before the message when idle
        working.setAccessibleText(UiText.get("reset.counting"));

        Button syncFirst = button("reset-sync-first", "reset.syncFirst", "reset.syncFirstTip");
        syncFirst.disableProperty().bind(model.busyProperty().or(model.syncFirstPossibleProperty().not()));
        syncFirst.setOnAction(event -> model.syncFirst());
        Button export = button("reset-export", "reset.export", "reset.exportTip");
        export.disableProperty().bind(model.busyProperty());
        export.setOnAction(event -> chooseFile.apply(stage, model.suggestedFileName(LocalDate.now()))
                .ifPresent(model::export));
        Button remove = button("reset-remove", "reset.remove", "reset.removeTip");
        remove.getStyleClass().add(Styles.DANGER);
        remove.disableProperty().bind(model.busyProperty());
        remove.setOnAction(event -> model.remove());
        Button cancel = button("reset-cancel", "reset.cancel", "reset.cancelTip");
        cancel.setCancelButton(true);
        cancel.setDefaultButton(true);
        cancel.setOnAction(event -> model.cancel());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, syncFirst, export, spacer, remove, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox status = new HBox(8, working, message);
        status.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(14, heading, explanation, losses, status, buttons);
        root.setPadding(new Insets(24, 28, 20, 28));
        root.setPrefWidth(640);
        model.unsyncedProperty().addListener((obs, old, now) -> showLosses());
        showLosses();

        ModalDialogs.setUp(stage, root, UiText.get("reset.title"), owner);
        // Closing the window is Cancel, unless a step is running: then it waits for it.
        stage.setOnCloseRequest(event -> {
            if (!model.cancel()) {
                event.consume();
            }
        });
        stage.setOnShown(event -> cancel.requestFocus());
    }

    /** Opens the warning without waiting and starts counting; the model's outcome callback closes it. */
    public static ResetDialog open(Window owner, ResetViewModel model) {
        return open(owner, model, ResetDialog::chooseWithSystemDialog);
    }

    /** As {@link #open(Window, ResetViewModel)}, with another way to pick the export file (tests). */
    public static ResetDialog open(Window owner, ResetViewModel model, BiFunction<Window, String, Optional<Path>> chooseFile) {
        ResetDialog dialog = new ResetDialog(owner, model, chooseFile);
        dialog.stage.show();
        model.load();
        return dialog;
    }

    /** Closes the window; the caller does it when the model says it is done. */
    public void close() {
        stage.close();
    }

    private void showLosses() {
        losses.getChildren().clear();
        if (model.unsyncedProperty().get() == null) {
            losses.getChildren().add(muted(UiText.get("reset.counting")));
            return;
        }
        var lines = model.lossLines();
        if (lines.isEmpty()) {
            Label none = paragraph(UiText.get("reset.nothingLost"));
            none.setId("reset-nothing-lost");
            losses.getChildren().add(none);
            return;
        }
        Label intro = paragraph(UiText.get("reset.willBeLost"));
        intro.getStyleClass().add(Styles.TEXT_BOLD);
        losses.getChildren().add(intro);
        for (int i = 0; i < lines.size(); i++) {
            Label line = paragraph("\u2022 " + lines.get(i));
            line.setId("reset-loss-" + i);
            line.setAccessibleText(lines.get(i));
            losses.getChildren().add(line);
        }
    }

    private static Optional<Path> chooseWithSystemDialog(Window owner, String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(UiText.get("reset.exportChooserTitle"));
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath);
    }

    private static Button button(String id, String textKey, String tipKey) {
        Button button = new Button(UiText.get(textKey));
        button.setId(id);
        button.setTooltip(new Tooltip(UiText.get(tipKey)));
        button.setAccessibleHelp(UiText.get(tipKey));
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    private static void style(Label message, boolean problem) {
        message.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        message.getStyleClass().add(problem ? Styles.DANGER : Styles.SUCCESS);
    }

    private static Label paragraph(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE); // wraps onto more lines instead of ending in "..."
        return label;
    }

    private static Label muted(String text) {
        Label label = paragraph(text);
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return label;
    }
}
