package dev.outpost.ui.main;

import java.util.Objects;
import java.util.Optional;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.store.RecordRepository;
import dev.outpost.ui.ErrorReporter;
import dev.outpost.ui.UiText;
import dev.outpost.ui.concurrent.BackgroundTasks;
import dev.outpost.ui.records.RecordEditor;
import dev.outpost.ui.records.RecordFormViewModel;
import dev.outpost.ui.records.RecordTable;
import dev.outpost.ui.settings.SettingsFile;
import dev.outpost.ui.settings.Theme;
import dev.outpost.ui.settings.UiSettings;
import dev.outpost.ui.sync.OutlookTrackingLine;
import dev.outpost.ui.sync.OutlookTrackingViewModel;
import dev.outpost.ui.sync.SignInBanner;
import dev.outpost.ui.sync.SyncControls;
import dev.outpost.ui.sync.HeldRecordLine;
import dev.outpost.ui.sync.HeldRecordViewModel;
import dev.outpost.ui.sync.SyncNotification;
import dev.outpost.ui.sync.SyncStatusLine;
import dev.outpost.ui.sync.SyncViewModel;
import dev.outpost.ui.sync.WelcomeChoice;
import dev.outpost.ui.sync.WelcomeDialog;

/**
 * The main window: record types on the left, the table in the middle, the form on the right, the undo
 * offer and the status bar below. It turns clicks and shortcuts into calls on {@link MainWindowViewModel}.
 */
public final class MainWindow {

    private final MainWindowViewModel model;
    private final RecordFormViewModel form;
    private final TypeNavigation navigation;
    private final RecordTable table;
    private final RecordEditor editor;
    private final BorderPane root = new BorderPane();
    private final Optional<SyncViewModel> sync;
    private HBox header;

    public MainWindow(MainWindowViewModel model, Validation validation) {
        this(model, validation, Optional.empty());
    }

    /** The window with sync: *Sync now* in the header, its status in the status bar. */
    public MainWindow(MainWindowViewModel model, Validation validation, Optional<SyncViewModel> sync) {
        this.model = model;
        this.sync = sync;
        this.form = model.form();
        navigation = new TypeNavigation(model, this::pickType);
        table = new RecordTable(model.list(), validation.format(), this::newRecord);
        Optional<OutlookTrackingViewModel> tracking = sync.map(s -> s.outlookTracking(model.tasks()));
        Optional<HeldRecordViewModel> held = sync.map(s -> s.heldRecord(model.tasks()));
        // Under the form: whether the record waits for a conflict decision, then its Outlook tracking.
        editor = new RecordEditor(form, this::save, this::delete, sync.map(s -> new javafx.scene.layout.VBox(8,
                new HeldRecordLine(held.orElseThrow(), s).node(), new OutlookTrackingLine(tracking.orElseThrow()).node())));
        tracking.ifPresent(t -> form.editingProperty().addListener((obs, old, record) -> t.show(record)));
        held.ifPresent(h -> form.editingProperty().addListener((obs, old, record) -> h.show(record)));
        table.setOnPick(this::pickRecord);
        table.tableView().setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE) {
                delete();
                event.consume();
            }
        });
        form.editingProperty().addListener((obs, old, record) -> table.select(record == null ? null : record.id()));
        model.recordTypeProperty().addListener((obs, old, type) -> editor.updatePlaceholder(type));
        editor.updatePlaceholder(model.recordTypeProperty().get());

        table.node().getStyleClass().add("pane-content");
        editor.node().getStyleClass().add("pane-content");
        SplitPane split = new SplitPane(table.node(), editor.node());
        split.setDividerPositions(0.62);
        SplitPane.setResizableWithParent(editor.node(), false);
        header = topBar();
        root.setTop(sync.<Parent>map(s -> new VBox(header, new SignInBanner(s).node())).orElse(header));
        root.setLeft(navigation.node());
        root.setCenter(sync.<javafx.scene.Node>map(s -> new SyncNotification(s, () -> root.getScene().getWindow())
                .over(split)).orElse(split));
        root.setBottom(new VBox(new UndoBar(model).node(), new StatusBar(model, sync, () -> root.getScene().getWindow()).node()));
        root.getStyleClass().add("main-window");
    }

    /**
     * Builds the window on a stage with the view models wired to the store, and shows it.
     *
     * @param records  the store's records
     * @param tasks    runs store calls off the FX thread
     * @param settings where the window's place, size and theme are remembered
     */
    public static MainWindow showIn(Stage stage, RecordRepository records, BackgroundTasks tasks, SettingsFile settings) {
        return showIn(stage, records, tasks, settings, null);
    }

    /**
     * As {@link #showIn(Stage, RecordRepository, BackgroundTasks, SettingsFile)}, with sync: builds the sync
     * view model from {@code syncModel} (given the window's error reporter), shows the welcome on a profile
     * without a connection, else syncs right away.
     */
    public static MainWindow showIn(Stage stage, RecordRepository records, BackgroundTasks tasks, SettingsFile settings,
                                    java.util.function.Function<ErrorReporter, SyncViewModel> syncModel) {
        ErrorDialog errorDialog = new ErrorDialog(stage);
        ErrorReporter errors = errorDialog::show;
        Validation validation = Validation.inSystemZone();
        UiSettings initial = settings.current();
        MainWindowViewModel model = new MainWindowViewModel(records, tasks, errors, validation,
                initial.recordType(), initial.theme());
        Optional<SyncViewModel> sync = Optional.ofNullable(syncModel).map(make -> make.apply(errors));
        MainWindow window = new MainWindow(model, validation, sync);
        window.show(stage, settings);
        model.start();
        sync.ifPresent(s -> {
            s.setOnSynced(model::refresh);
            s.issueActions().setOnShowRecord(record -> { // a sync issue's Show record
                model.showType(record.type());
                model.open(record);
            });
            stage.showingProperty().addListener((obs, was, showing) -> {
                if (!showing) {
                    s.stop();
                }
            });
            s.start();
            if (s.needsWelcome()) {
                Platform.runLater(() -> WelcomeDialog.open(stage, s.admin(), choice -> window.welcomed(choice)));
            }
        });
        return window;
    }

    /** Puts the window on the stage as remembered and keeps the settings up to date. */
    public void show(Stage stage, SettingsFile settings) {
        UiSettings initial = settings.current();
        Scene scene = new Scene(root, initial.window().width(), initial.window().height());
        scene.getStylesheets().add(Objects.requireNonNull(
                MainWindow.class.getResource("/dev/outpost/ui/outpost.css")).toExternalForm());
        installShortcuts(scene);
        applyTheme(model.themeProperty().get());
        model.themeProperty().addListener((obs, old, theme) -> {
            applyTheme(theme);
            settings.update(s -> s.withTheme(theme));
        });
        model.recordTypeProperty().addListener((obs, old, type) -> settings.update(s -> s.withRecordType(type)));

        stage.setTitle(UiText.get("app.title"));
        stage.getIcons().setAll(WindowIcons.load());
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        stage.setScene(scene);
        WindowPlacementTracker.restore(stage, initial.window());
        WindowPlacementTracker.track(stage, initial.window(), placement -> settings.update(s -> s.withWindow(placement)));
        stage.setOnCloseRequest(event -> {
            if (!confirmLeave()) {
                event.consume();
            }
        });
        stage.show();
        table.tableView().requestFocus();
    }

    /** Puts a control in the header, left of the theme switch (the app's <em>Account</em> menu). */
    public void addToHeader(javafx.scene.Node control) {
        header.getChildren().add(header.getChildren().size() - 1, control);
    }

    public Parent root() {
        return root;
    }

    public MainWindowViewModel model() {
        return model;
    }

    /** The sync's view model, when the window syncs. */
    public Optional<SyncViewModel> sync() {
        return sync;
    }

    private void welcomed(WelcomeChoice choice) {
        SyncViewModel syncing = sync.orElseThrow();
        switch (choice) {
            case WelcomeChoice.Demo demo -> syncing.exploreDemo();
            case WelcomeChoice.Connect connect -> syncing.connectTo(connect.crmUrl());
            case WelcomeChoice.NotNow notNow -> { } // works offline; the welcome shows again at the next start
        }
        table.tableView().requestFocus();
    }

    private HBox topBar() {
        Label brand = new Label(UiText.get("app.title"));
        brand.getStyleClass().addAll(Styles.TITLE_4, "brand");
        brand.setGraphicTextGap(8);
        WindowIcons.sized(32).ifPresent(icon -> {
            ImageView view = new ImageView(icon);
            view.setFitWidth(22);
            view.setFitHeight(22);
            view.setSmooth(true);
            brand.setGraphic(view);
        });
        ToggleButton dark = new ToggleButton(UiText.get("theme.dark"));
        dark.setId("theme-toggle");
        dark.setTooltip(new Tooltip(UiText.get("theme.tooltip")));
        dark.setSelected(model.themeProperty().get() == Theme.DARK);
        dark.selectedProperty().addListener((obs, was, selected) -> model.themeProperty().set(selected ? Theme.DARK : Theme.LIGHT));
        model.themeProperty().addListener((obs, old, theme) -> dark.setSelected(theme == Theme.DARK));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, brand, spacer);
        sync.ifPresent(s -> bar.getChildren().add(new SyncControls(s).node()));
        bar.getChildren().add(dark);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private void installShortcuts(Scene scene) {
        var shortcuts = scene.getAccelerators();
        shortcuts.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::newRecord);
        shortcuts.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            table.searchField().requestFocus();
            table.searchField().selectAll();
        });
        shortcuts.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::save);
        shortcuts.put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), this::delete);
        shortcuts.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), model::undoDelete);
        sync.ifPresent(s -> shortcuts.put(new KeyCodeCombination(KeyCode.F5), s::syncNow));
        // Quit as desktop apps do (and as scripts and IT's tools can, with no window manager to send a close):
        // the same check for unsaved edits as closing the window.
        shortcuts.put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
            if (confirmLeave()) {
                scene.getWindow().hide();
            }
        });
    }

    private void newRecord() {
        if (confirmLeave()) {
            model.newRecord();
            Platform.runLater(editor::focusFirstProblem);
        }
    }

    private void save() {
        if (!model.save() && form.isOpen() && !form.validProperty().get()) {
            editor.focusFirstProblem();
        }
    }

    private void delete() {
        if (model.delete()) {
            table.tableView().requestFocus();
        }
    }

    private void pickRecord(Record record) {
        if (confirmLeave()) {
            model.open(record);
        } else {
            Record open = form.editingProperty().get();
            Platform.runLater(() -> table.select(open == null ? null : open.id()));
        }
    }

    private void pickType(RecordType type) {
        if (confirmLeave()) {
            model.showType(type);
        } else {
            Platform.runLater(() -> navigation.select(model.recordTypeProperty().get()));
        }
    }

    private boolean confirmLeave() {
        return !form.isDirty()
                || new DiscardChangesDialog(root.getScene().getWindow()).confirm(form.headingProperty().get());
    }

    private static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}
