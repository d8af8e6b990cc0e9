package dev.outpost.ui.settings;

import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;

import dev.outpost.model.RecordType;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.ui.ModalDialogs;
import dev.outpost.ui.UiText;

/**
 * The settings dialog: no OK button, because every change is saved as it is made (a text field when the user
 * presses Enter or leaves it). A value that does not pass says why under its section and is not saved.
 */
public final class SettingsDialog {

    private final Stage stage = new Stage();

    private SettingsDialog(Window owner, SettingsViewModel model) {
        Label heading = new Label(UiText.get("settings.heading"));
        heading.getStyleClass().add(Styles.TITLE_3);

        TextField minutes = field("settings-minutes", model.minutesProperty(), 5, model::applySchedule);
        minutes.setAccessibleText(UiText.get("settings.everyLabel") + " " + UiText.get("settings.minutes"));
        HBox every = new HBox(8, new Label(UiText.get("settings.everyLabel")), minutes, muted(UiText.get("settings.minutes")));
        every.setAlignment(Pos.CENTER_LEFT);
        CheckBox onStart = check("settings-on-start", UiText.get("settings.onStart"));
        onStart.selectedProperty().bindBidirectional(model.onStartProperty());
        VBox when = section(UiText.get("settings.syncSection"), every, onStart,
                problem("settings-schedule-problem", model.scheduleProblemProperty()));

        GridPane types = new GridPane();
        types.setHgap(24);
        types.setVgap(6);
        int i = 0;
        for (RecordType type : RecordType.values()) {
            CheckBox all = check("settings-all-" + type.id(), UiText.get("settings.allRecords", type.pluralLabel()));
            all.selectedProperty().bindBidirectional(model.wholeProperty(type));
            types.add(all, i % 2, i / 2);
            i++;
        }
        types.disableProperty().bind(model.connectedProperty().not().or(model.filtersLockedProperty()));
        Label filtersSetByIt = setByIt("settings-filters-set-by-it", UiText.get("settings.filtersSetByIt"),
                model.filtersLockedProperty(), model);
        Label notConnected = muted(UiText.get("settings.notConnected"));
        notConnected.visibleProperty().bind(model.connectedProperty().not().and(model.loadedProperty()));
        notConnected.managedProperty().bind(notConnected.visibleProperty());
        VBox what = section(UiText.get("settings.whatSection"), muted(UiText.get("settings.whatDetail")), types,
                filtersSetByIt, notConnected);

        GridPane policies = new GridPane();
        policies.setHgap(10);
        policies.setVgap(6);
        ChoiceBox<ConflictPolicy> crmPolicy = policyChoice("settings-policy-crm", "crm", SettingsViewModel.CRM_POLICIES,
                model.crmPolicyProperty());
        ChoiceBox<ConflictPolicy> outlookPolicy = policyChoice("settings-policy-outlook", "outlook",
                SettingsViewModel.OUTLOOK_POLICIES, model.outlookPolicyProperty());
        outlookPolicy.disableProperty().bind(model.hasMailboxProperty().not());
        addRow(policies, 0, "settings.policyCrm", crmPolicy);
        addRow(policies, 1, "settings.policyOutlook", outlookPolicy);
        policies.disableProperty().bind(model.connectedProperty().not());
        VBox conflicts = section(UiText.get("settings.conflictSection"), policies);

        GridPane outlook = new GridPane();
        outlook.setHgap(10);
        outlook.setVgap(6);
        Runnable applyMailbox = model::applyMailbox;
        TextField category = field("settings-category", model.categoryProperty(), 18, applyMailbox);
        category.disableProperty().bind(model.categoryLockedProperty());
        row(outlook, 0, "settings.category", category);
        outlook.add(besideField(setByIt("settings-category-set-by-it", UiText.get("settings.setByIt"),
                model.categoryLockedProperty(), model)), 2, 0);
        row(outlook, 1, "settings.daysBack", field("settings-days-back", model.daysBackProperty(), 5, applyMailbox));
        row(outlook, 2, "settings.daysAhead", field("settings-days-ahead", model.daysAheadProperty(), 5, applyMailbox));
        TextField limit = field("settings-limit", model.limitProperty(), 7, applyMailbox);
        limit.disableProperty().bind(model.limitLockedProperty());
        row(outlook, 3, "settings.limit", limit);
        outlook.add(besideField(setByIt("settings-limit-set-by-it", UiText.get("settings.setByIt"),
                model.limitLockedProperty(), model)), 2, 3);
        CheckBox autocapture = check("settings-autocapture", UiText.get("settings.autocapture"));
        autocapture.selectedProperty().bindBidirectional(model.autocaptureProperty());
        CheckBox replies = check("settings-share-replies", UiText.get("settings.shareReplies"));
        replies.selectedProperty().bindBidirectional(model.shareRepliesProperty());
        VBox outlookBox = new VBox(6, outlook, autocapture, replies);
        outlookBox.disableProperty().bind(model.mailboxEditableProperty().not());
        Label outlookNote = muted("");
        outlookNote.textProperty().bind(javafx.beans.binding.Bindings.when(model.connectedProperty())
                .then(UiText.get("settings.outlookDemo")).otherwise(UiText.get("settings.outlookNone")));
        outlookNote.visibleProperty().bind(model.mailboxEditableProperty().not().and(model.loadedProperty()));
        outlookNote.managedProperty().bind(outlookNote.visibleProperty());
        VBox mailbox = section(UiText.get("settings.outlookSection"), outlookNote, outlookBox,
                problem("settings-outlook-problem", model.mailboxProblemProperty()));

        CheckBox dark = check("settings-dark", UiText.get("settings.dark"));
        dark.setSelected(model.themeProperty().get() == Theme.DARK);
        dark.selectedProperty().addListener((obs, was, on) -> model.themeProperty().set(on ? Theme.DARK : Theme.LIGHT));
        VBox appearance = section(UiText.get("settings.appearanceSection"), dark);

        Label message = new Label();
        message.setId("settings-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Button close = new Button(UiText.get("settings.close"));
        close.setId("settings-close");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(event -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bottom = new HBox(8, message, spacer, close);
        bottom.setAlignment(Pos.CENTER_LEFT);

        VBox sections = new VBox(12, heading, when, new Separator(), what, new Separator(), conflicts, new Separator(),
                mailbox, new Separator(), appearance);
        sections.setPadding(new Insets(20, 24, 8, 24));
        // All of Settings is taller than a 768-pixel laptop screen: the sections scroll there, and the bottom row
        // with Close stays in view below them.
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setId("settings-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        bottom.setPadding(new Insets(8, 24, 16, 24));
        VBox root = new VBox(scroll, bottom);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.setPrefWidth(620);
        ModalDialogs.setUp(stage, root, UiText.get("settings.title"), owner);
        stage.setOnShown(event -> fitOnScreen());
        // A problem or a saved note adds a line: grow the window so Close never slides out of it.
        for (var text : java.util.List.of(model.messageProperty(), model.scheduleProblemProperty(), model.mailboxProblemProperty())) {
            text.addListener((obs, old, now) -> javafx.application.Platform.runLater(() -> {
                stage.sizeToScene();
                fitOnScreen();
            }));
        }
        // Leaving the dialog is leaving the fields: what was typed last is checked and saved too.
        stage.setOnHiding(event -> {
            model.applySchedule();
            model.applyMailbox();
        });
    }

    /** No taller than the screen it is on, and wholly on it: the sections then scroll. */
    private void fitOnScreen() {
        Rectangle2D screen = Screen.getScreensForRectangle(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())
                .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        if (stage.getHeight() > screen.getHeight()) {
            stage.setHeight(screen.getHeight());
        }
        if (stage.getY() < screen.getMinY() || stage.getY() + stage.getHeight() > screen.getMaxY()) {
            stage.setY(screen.getMinY() + Math.max(0, (screen.getHeight() - stage.getHeight()) / 2));
        }
    }

    /** Opens the dialog without waiting and loads the settings in the background. */
    public static void open(Window owner, SettingsViewModel model) {
        SettingsDialog dialog = new SettingsDialog(owner, model);
        dialog.stage.show();
        model.load();
    }

    private static TextField field(String id, StringProperty value, int columns, Runnable apply) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(value);
        field.setOnAction(event -> apply.run());
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                apply.run();
            }
        });
        return field;
    }

    private static ChoiceBox<ConflictPolicy> policyChoice(String id, String pair, java.util.List<ConflictPolicy> options,
                                                          javafx.beans.property.ObjectProperty<ConflictPolicy> value) {
        ChoiceBox<ConflictPolicy> choice = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(options));
        choice.setId(id);
        choice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ConflictPolicy policy) {
                return policy == null ? "" : SettingsViewModel.policyLabel(pair, policy);
            }

            @Override
            public ConflictPolicy fromString(String text) {
                throw new UnsupportedOperationException("picked from the list, never typed");
            }
        });
        choice.valueProperty().bindBidirectional(value);
        return choice;
    }

    private static void addRow(GridPane grid, int row, String labelKey, javafx.scene.control.Control control) {
        Label label = new Label(UiText.get(labelKey));
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setLabelFor(control);
        control.setAccessibleText(UiText.get(labelKey));
        grid.add(label, 0, row);
        grid.add(control, 1, row);
    }

    private static void row(GridPane grid, int row, String labelKey, TextField field) {
        Label label = new Label(UiText.get(labelKey));
        label.setMinWidth(Region.USE_PREF_SIZE); // the field gives way, never the label
        label.setLabelFor(field);
        field.setAccessibleText(UiText.get(labelKey));
        grid.add(label, 0, row);
        grid.add(field, 1, row);
    }

    private static CheckBox check(String id, String text) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        return box;
    }

    private static VBox section(String title, Node... content) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        VBox box = new VBox(8, label);
        box.getChildren().addAll(content);
        return box;
    }

    private static Label problem(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        label.textProperty().bind(text);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        return label;
    }

    /**
     * The line beside a control IT locked: a disabled control shows no tooltip, so the line carries it (where IT set
     * it).
     */
    private static Label setByIt(String id, String text, javafx.beans.value.ObservableBooleanValue locked,
                                 SettingsViewModel model) {
        Label label = muted(text);
        label.setId(id);
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(model.setByItProperty());
        label.setTooltip(tip);
        label.visibleProperty().bind(locked);
        label.managedProperty().bind(locked);
        return label;
    }

    /** A short note beside a field: on one line, the field gives way. */
    private static Label besideField(Label note) {
        note.setWrapText(false);
        note.setMinWidth(Region.USE_PREF_SIZE);
        return note;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return label;
    }
}
