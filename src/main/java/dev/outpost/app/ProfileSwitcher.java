package dev.outpost.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.outpost.store.AdminSettings;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.ProfileIdentity;
import dev.outpost.store.ProfileReset;
import dev.outpost.store.SecretVault;
import dev.outpost.store.UnsyncedExport;
import dev.outpost.store.UnsyncedWork;
import dev.outpost.ui.UiText;
import dev.outpost.ui.concurrent.FxBackgroundTasks;
import dev.outpost.ui.main.MainWindow;
import dev.outpost.ui.reset.OfflineCopy;
import dev.outpost.ui.reset.ProfileSwitching;
import dev.outpost.ui.reset.Unsynced;
import dev.outpost.ui.sync.SignInNeededException;
import dev.outpost.ui.sync.SyncConnection;
import dev.outpost.ui.sync.SyncViewModel;

/**
 * Switches the window's profile to another CRM. Removing the old copy closes the session the window runs on,
 * wipes the old identity's data (database, key, token cache, logs), writes the new connection and opens a new
 * session; the window is then shown again on it. The sync's worker runs the removal, so no sync runs beside it.
 */
final class ProfileSwitcher implements ProfileSwitching {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileSwitcher.class);

    private final Stage stage;
    private final OutpostApplication.Startup startup;
    private final MainWindow window;

    ProfileSwitcher(Stage stage, OutpostApplication.Startup startup, MainWindow window) {
        this.stage = stage;
        this.startup = startup;
        this.window = window;
    }

    private Session session() {
        return startup.session().get();
    }

    @Override
    public String current() {
        Optional<ConnectionSettings> settings = session().connection().settings();
        if (settings.isEmpty()) {
            return UiText.get("account.notConnected");
        }
        return settings.get().demo() ? UiText.get("account.demo") : settings.get().crmUrl().toString();
    }

    @Override
    public AdminSettings admin() {
        return session().connection().admin();
    }

    @Override
    public boolean isCurrent(URI crmUrl) {
        return session().connection().settings().filter(s -> !s.demo())
                .map(s -> s.crmUrl().equals(ConnectionSettings.normalize(crmUrl))).orElse(false);
    }

    @Override
    public boolean needsReset(URI crmUrl) {
        OfflineStore store = session().store();
        return store.sync().linkCount("crm") > 0 || store.sync().linkCount("outlook") > 0
                || store.records().status().totalPending() > 0;
    }

    @Override
    public void connect(URI crmUrl) {
        window.sync().ifPresent(sync -> sync.connectTo(crmUrl));
    }

    @Override
    public OfflineCopy offlineCopy(URI crmUrl) {
        return new OfflineCopy() {
            @Override
            public Unsynced unsynced() {
                UnsyncedWork work = session().store().unsyncedWork();
                return new Unsynced(work.localChanges(), work.openConflicts(), work.openSyncIssues());
            }

            @Override
            public boolean canSyncFirst() {
                SyncConnection connection = session().connection();
                if (!connection.isConfigured()) {
                    return false;
                }
                try {
                    if (connection.pair().endpoint() instanceof AutoCloseable client) {
                        client.close();
                    }
                    return true;
                } catch (SignInNeededException e) {
                    return false;
                } catch (Exception e) {
                    LOG.info("The CRM being left cannot be synced with: {}", e.getClass().getSimpleName());
                    return false;
                }
            }

            @Override
            public Unsynced syncFirst() throws Exception {
                SyncViewModel sync = window.sync().orElseThrow();
                sync.syncOnThisThread();
                return unsynced();
            }

            @Override
            public int export(Path file) {
                return UnsyncedExport.write(session().store(), file).changes();
            }

            @Override
            public void remove() throws Exception {
                removeAndOpen(crmUrl);
            }
        };
    }

    /** Runs on the sync's worker: closes the session, wipes it, and opens the next one. */
    private void removeAndOpen(URI crmUrl) throws Exception {
        onFxThread(() -> window.sync().ifPresent(SyncViewModel::stop));
        Session old = session();
        ProfileFolder profile = old.store().profile();
        SecretVault secrets = old.store().secrets(); // where this store's key and tokens really are
        // Leaving a real CRM, its settings go on with the new address: token, filters, mailbox, sign-in.
        Optional<ConnectionSettings> carried = old.connection().settings().filter(s -> !s.demo())
                .map(s -> new ConnectionSettings(crmUrl, s.tokenVariable()).syncingWhole(s.syncedWhole())
                        .withMailbox(s.mailbox()).withSignIn(s.signIn()));
        old.close();
        boolean removed = false;
        try {
            // the database, key, token cache, logs, identity and connection
            ProfileReset.of(profile, secrets).remove();
            carried.ifPresent(settings -> settings.write(profile));
            new ProfileIdentity(crmUrl, "", "").write(profile); // the user is known at the first sign-in
            removed = true;
        } finally {
            // Whatever happened, the window must go on with an open store: the new one, or the old one reopened.
            Session next = open(profile, startup.environment());
            startup.session().set(next);
            if (removed && carried.isEmpty()) {
                connectAsTheWelcomeDoes(next.connection(), crmUrl);
            }
            onFxThread(() -> OutpostApplication.show(stage, startup));
        }
        LOG.info("Switched the profile to another CRM");
    }

    /**
     * Leaving the demo (or nothing), the new CRM is connected as the welcome and {@link #connect} connect one: with
     * what IT set for new connections (filters, sign-in). Should IT refuse it, the window opens unconnected and its
     * welcome offers IT's CRM.
     */
    private static void connectAsTheWelcomeDoes(SyncConnection connection, URI crmUrl) {
        try {
            connection.connectTo(crmUrl);
        } catch (RuntimeException e) {
            LOG.warn("The new CRM could not be connected after the removal: {}", e.getMessage());
        }
    }

    private static Session open(ProfileFolder profile, java.util.function.Function<String, String> environment) {
        OfflineStore store = OfflineStore.open(profile);
        return new Session(store, DesktopApp.openConnection(profile, false, environment), new FxBackgroundTasks());
    }

    private static void onFxThread(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get();
    }
}
