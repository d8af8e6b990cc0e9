package dev.outpost.app;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.stage.Stage;

import atlantafx.base.theme.Styles;

import dev.outpost.model.Validation;
import dev.outpost.ui.ErrorReporter;
import dev.outpost.ui.concurrent.FxBackgroundTasks;
import dev.outpost.ui.main.ErrorDialog;
import dev.outpost.ui.main.MainWindow;
import dev.outpost.ui.reset.AccountMenu;
import dev.outpost.ui.UiText;
import dev.outpost.ui.history.HistoryViewModel;
import dev.outpost.ui.history.HistoryWindow;
import dev.outpost.ui.settings.ProfileConnectionOptions;
import dev.outpost.ui.settings.SettingsDialog;
import dev.outpost.ui.settings.SettingsFile;
import dev.outpost.ui.settings.SettingsViewModel;
import dev.outpost.ui.settings.SyncSchedule;
import dev.outpost.ui.sync.SyncViewModel;

/**
 * The JavaFX application: shows the main window on resources {@link DesktopApp} has already opened, and shows it
 * again on a new session when the user switches to another CRM.
 *
 * <p>Hand-off: {@code Application.launch} creates this class itself, so it cannot take constructor
 * arguments. {@link #launch(Startup)} parks the opened resources in {@link #HANDOFF} just before
 * launching, {@link #init()} takes them out, and the field is cleared when launch returns. Nothing else
 * reads it; the resources stay owned (and are closed) by {@link DesktopApp}.
 */
public final class OutpostApplication extends Application {

    private static final AtomicReference<Startup> HANDOFF = new AtomicReference<>();

    private Startup startup;

    /**
     * What the window works on, opened before JavaFX starts so no blocking open runs on the FX thread.
     *
     * @param session   the current session; a switch to another CRM replaces it
     * @param settings  the profile's window settings, already loaded
     * @param syncTasks the sync's own worker, kept across sessions
     * @param environment where access tokens are read (System::getenv outside tests)
     */
    record Startup(AtomicReference<Session> session, SettingsFile settings, FxBackgroundTasks syncTasks,
                   java.util.function.Function<String, String> environment) {
    }

    /** Starts JavaFX with the window on these resources; returns when the window has closed. */
    static void launch(Startup startup) {
        if (!HANDOFF.compareAndSet(null, Objects.requireNonNull(startup))) {
            throw new IllegalStateException("The window is already open");
        }
        try {
            Application.launch(OutpostApplication.class);
        } finally {
            HANDOFF.set(null);
        }
    }

    @Override
    public void init() {
        startup = Objects.requireNonNull(HANDOFF.get(), "Start the window through DesktopApp.start");
    }

    @Override
    public void start(Stage stage) {
        ErrorReporter unexpected = new ErrorDialog(stage)::show;
        Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> unexpected.report(failure));
        TrainingRun.quitAfterFirstSyncIfAsked(show(stage, startup));
    }

    /** Builds the window on the startup's current session; with the Account menu that can switch it. */
    static MainWindow show(Stage stage, Startup startup) {
        Session session = startup.session().get();
        MainWindow window = MainWindow.showIn(stage, session.store().records(), session.tasks(), startup.settings(),
                errors -> {
                    SyncViewModel sync = new SyncViewModel(session.connection(), session.store().sync(),
                            startup.syncTasks(), errors, Validation.inSystemZone(), ZoneId.systemDefault(),
                            Optional.of(SyncViewModel.EVERY));
                    follow(sync, startup.settings().current().schedule());
                    return sync;
                });
        ErrorReporter errors = new ErrorDialog(stage)::show;
        ProfileSwitcher switcher = new ProfileSwitcher(stage, startup, window);
        window.addToHeader(historyButton(stage, session));
        window.addToHeader(settingsButton(stage, startup, session, window));
        window.addToHeader(new AccountMenu(switcher, startup.syncTasks(), errors, () -> stage).node());
        return window;
    }

    private static void follow(SyncViewModel sync, SyncSchedule schedule) {
        sync.schedule(schedule.minutes() == 0 ? Optional.empty() : Optional.of(Duration.ofMinutes(schedule.minutes())),
                schedule.onStart());
    }

    private static Button settingsButton(Stage stage, Startup startup, Session session, MainWindow window) {
        Button button = new Button(UiText.get("settings.title"));
        button.setId("settings-button");
        button.getStyleClass().add(Styles.FLAT);
        button.setOnAction(event -> SettingsDialog.open(stage, new SettingsViewModel(startup.settings(),
                new ProfileConnectionOptions(session.store().profile(), session.store().sync(), session.connection()::reload,
                        session.connection()::admin),
                session.tasks(), window.model().themeProperty(), schedule -> window.sync().ifPresent(s -> follow(s, schedule)))));
        return button;
    }

    private static Button historyButton(Stage stage, Session session) {
        Button button = new Button(UiText.get("history.title"));
        button.setId("history-button");
        button.getStyleClass().add(Styles.FLAT);
        button.setOnAction(event -> HistoryWindow.open(stage, new HistoryViewModel(session.store().sync(),
                session.tasks(), ZoneId.systemDefault())));
        return button;
    }
}
