package dev.outpost.app;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Application;
import javafx.stage.Stage;

import dev.outpost.model.Validation;
import dev.outpost.store.RecordRepository;
import dev.outpost.store.SyncStore;
import dev.outpost.ui.ErrorReporter;
import dev.outpost.ui.concurrent.BackgroundTasks;
import dev.outpost.ui.main.ErrorDialog;
import dev.outpost.ui.main.MainWindow;
import dev.outpost.ui.settings.SettingsFile;
import dev.outpost.ui.sync.SyncConnection;
import dev.outpost.ui.sync.SyncViewModel;

/**
 * The JavaFX application: shows the main window on resources {@link DesktopApp} has already opened.
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
     * @param records  the offline store's records
     * @param settings the profile's window settings, already loaded
     * @param tasks    runs store calls off the FX thread
     * @param sync     the sync's store, connection and own background thread
     */
    record Startup(RecordRepository records, SettingsFile settings, BackgroundTasks tasks, Sync sync) {
    }

    /**
     * What the window syncs with.
     *
     * @param store      the offline store's sync tables
     * @param connection the CRM or the in-process demo server
     * @param tasks      runs the sync, apart from the store calls of the table and the form
     */
    record Sync(SyncStore store, SyncConnection connection, BackgroundTasks tasks) {
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
        Sync sync = startup.sync();
        MainWindow.showIn(stage, startup.records(), startup.tasks(), startup.settings(),
                errors -> new SyncViewModel(sync.connection(), sync.store(), sync.tasks(), errors,
                        Validation.inSystemZone(), ZoneId.systemDefault(), Optional.of(SyncViewModel.EVERY)));
    }
}
