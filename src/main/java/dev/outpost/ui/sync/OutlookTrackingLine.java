package dev.outpost.ui.sync;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import atlantafx.base.theme.Styles;

import dev.outpost.ui.ScreenFit;

/**
 * The editor's Outlook line: "Synced with Outlook" and a button to stop it (or the reverse), with a note once the
 * choice is saved that Outlook gets it at the next sync. Absent for records Outlook does not get.
 */
public final class OutlookTrackingLine {

    private final VBox root;

    public OutlookTrackingLine(OutlookTrackingViewModel model) {
        Label state = new Label();
        state.setId("outlook-tracking-state");
        state.getStyleClass().add("outlook-tracking-state");
        state.setWrapText(true);
        state.setMinWidth(120);
        state.textProperty().bind(model.stateTextProperty());
        model.stateProperty().addListener((obs, old, now) -> style(state, now));
        style(state, model.stateProperty().get());
        HBox.setHgrow(state, Priority.ALWAYS);
        state.setMaxWidth(Double.MAX_VALUE);

        Button action = new Button();
        action.setId("outlook-tracking-action");
        action.getStyleClass().add(Styles.SMALL);
        action.setMinWidth(Button.USE_PREF_SIZE);
        action.textProperty().bind(model.actionTextProperty());
        action.disableProperty().bind(model.busyProperty());
        action.setOnAction(event -> model.toggle());
        Tooltip help = new Tooltip();
        help.textProperty().bind(model.actionHelpProperty());
        help.setWrapText(true);
        help.setPrefWidth(360); // a width up front, so the wrapped height is known when the tooltip is placed
        help.setShowDelay(Duration.millis(400));
        action.setTooltip(help);
        ScreenFit.keepOnScreen(help, action);
        // A screen reader hears the state with the button, since the two only make sense together.
        action.accessibleTextProperty().bind(model.actionTextProperty());
        action.accessibleHelpProperty().bind(Bindings.concat(model.stateTextProperty(), ". ", model.actionHelpProperty()));
        state.setLabelFor(action);

        HBox line = new HBox(10, state, action);
        line.setAlignment(Pos.CENTER_LEFT);

        Label note = new Label();
        note.setId("outlook-tracking-note");
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        note.setWrapText(true);
        note.textProperty().bind(model.noteTextProperty());
        note.accessibleTextProperty().bind(model.noteTextProperty());
        note.visibleProperty().bind(model.noteTextProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());

        root = new VBox(4, line, note);
        root.setId("outlook-tracking");
        root.getStyleClass().add("outlook-tracking");
        root.visibleProperty().bind(model.shownProperty());
        root.managedProperty().bind(root.visibleProperty());
    }

    public Node node() {
        return root;
    }

    private static void style(Label label, OutlookTrackingViewModel.State state) {
        label.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.TEXT_MUTED);
        switch (state) {
            case SYNCED -> label.getStyleClass().add(Styles.SUCCESS);
            case OVER_LIMIT -> label.getStyleClass().add(Styles.WARNING);
            case NOT_SYNCED -> label.getStyleClass().add(Styles.TEXT_MUTED);
            case HIDDEN -> { }
        }
    }
}
