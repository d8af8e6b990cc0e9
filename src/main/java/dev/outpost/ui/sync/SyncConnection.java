package dev.outpost.ui.sync;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.outpost.crm.CrmConnection;
import dev.outpost.crm.DataverseEndpoint;
import dev.outpost.crm.RetryPolicy;
import dev.outpost.crm.TokenSource;
import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.outlook.OutlookEndpoint;
import dev.outpost.outlook.OutlookPair;
import dev.outpost.outlook.OutlookSettings;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.StoreException;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.SyncPair;

/**
 * What the window syncs with: the profile's connection settings (a CRM, and an Outlook mailbox when one is
 * connected), and in demo mode the demo server it runs in-process, which serves both. Every method that may
 * block (starting the demo server, writing the settings) is meant for a background thread; the fields are
 * volatile because the window reads them from the FX thread.
 */
public final class SyncConnection implements AutoCloseable {

    /** The pair's name, the same as the CLI's, so {@code outpost conflicts} sees what the window made. */
    public static final String PAIR = "crm";
    static final String DEMO_TOKEN = DemoOptions.DEMO_MODE_TOKEN;

    private static final Logger LOG = LoggerFactory.getLogger(SyncConnection.class);

    private final ProfileFolder profile;
    private final Function<String, String> environment;
    private final int demoRecords;
    private volatile Optional<ConnectionSettings> settings;
    private volatile DemoServer demo;

    /**
     * @param environment where the access token is read (System::getenv outside tests)
     * @param demoRecords how many sample records a new demo CRM is seeded with
     */
    public SyncConnection(ProfileFolder profile, Function<String, String> environment, int demoRecords) {
        this.profile = profile;
        this.environment = environment;
        this.demoRecords = demoRecords;
        Optional<ConnectionSettings> read;
        try {
            read = ConnectionSettings.read(profile);
        } catch (StoreException e) {
            LOG.warn("Ignoring unreadable connection settings: {}", e.getMessage());
            read = Optional.empty();
        }
        this.settings = read;
    }

    /** Whether the profile has a CRM (or the demo) to sync with; false shows the welcome. */
    public boolean isConfigured() {
        return settings.isPresent();
    }

    public boolean isDemo() {
        return settings.map(ConnectionSettings::demo).orElse(false);
    }

    public Optional<ConnectionSettings> settings() {
        return settings;
    }

    /** Starts the demo server when the profile is in demo mode and it is not running yet. Blocks. */
    public synchronized void startDemoIfNeeded() throws IOException {
        if (isDemo() && demo == null) {
            long started = System.nanoTime();
            demo = DemoServer.start(0, DemoOptions.demoMode(profile.path(), demoRecords));
            LOG.info("Demo server on {} after {} ms", demo.url(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Puts the profile in demo mode and starts the demo server. Blocks. */
    public synchronized void switchToDemo() throws IOException {
        ConnectionSettings demoMode = ConnectionSettings.demoMode();
        demoMode.write(profile);
        settings = Optional.of(demoMode);
        startDemoIfNeeded();
    }

    /** Saves a real CRM's address; the token is read from OUTPOST_ACCESS_TOKEN at each sync. Blocks. */
    public synchronized void connectTo(URI crmUrl) {
        ConnectionSettings wanted = new ConnectionSettings(checkedUrl(crmUrl.toString()), "OUTPOST_ACCESS_TOKEN");
        wanted.write(profile);
        settings = Optional.of(wanted);
    }

    /**
     * Checks a typed CRM address as {@code outpost connect} does: https, except for this computer.
     *
     * @throws IllegalArgumentException saying what is wrong, in words for the user
     */
    public static URI checkedUrl(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Enter the organization URL, e.g. https://contoso.crm.dynamics.com");
        }
        URI url;
        try {
            url = ConnectionSettings.normalize(URI.create(trimmed));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("That is not a server address; expected something like "
                    + "https://contoso.crm.dynamics.com");
        }
        if (!"https".equals(url.getScheme()) && !ConnectionSettings.isLoopback(url)) {
            throw new IllegalArgumentException("The CRM must be reached over https (only a server on this computer "
                    + "may use http).");
        }
        return url;
    }

    /**
     * The CRM pair to run now.
     *
     * @throws NotConnectedException  when the profile has no CRM
     * @throws SignInNeededException  when no access token is available
     */
    public SyncPair pair() throws IOException {
        ConnectionSettings current = settings.orElseThrow(NotConnectedException::new);
        URI url;
        String token;
        if (current.demo()) {
            startDemoIfNeeded();
            url = demo.url();
            token = DEMO_TOKEN;
        } else {
            url = current.crmUrl();
            token = environment.apply(current.tokenVariable());
            if (token == null || token.isBlank()) {
                throw new SignInNeededException(current.tokenVariable());
            }
        }
        return SyncPair.of(PAIR, new DataverseEndpoint(CrmConnection.forSync(url, TokenSource.fixed(token)),
                RetryPolicy.defaults(), current.mineOnly()), ConflictPolicy.ASK);
    }

    /** Whether a mailbox is synced too: always in demo mode, else when {@code outpost connect --graph-url} set one. */
    public boolean hasMailbox() {
        return settings.flatMap(ConnectionSettings::mailbox).isPresent();
    }

    /**
     * The Outlook pair to run now, when a mailbox is connected; close its endpoint after the run.
     *
     * @throws SignInNeededException when no token for Graph is available
     */
    public Optional<SyncPair> outlookPair() throws IOException {
        ConnectionSettings current = settings.orElseThrow(NotConnectedException::new);
        if (current.mailbox().isEmpty()) {
            return Optional.empty();
        }
        URI url;
        String token;
        ConnectionSettings.MailboxOptions options;
        if (current.demo()) {
            startDemoIfNeeded();
            url = demo.graphUrl();
            token = DEMO_TOKEN;
            options = ConnectionSettings.MailboxOptions.DEFAULTS; // the demo mailbox is made for the defaults
        } else {
            ConnectionSettings.Mailbox box = current.mailbox().get();
            url = box.graphUrl();
            token = environment.apply(box.tokenVariable());
            if (token == null || token.isBlank()) {
                throw new SignInNeededException(box.tokenVariable());
            }
            options = box.options();
        }
        String bearer = token;
        // As the command line builds it (CrmSession), so the window and `outpost sync` sync the same items.
        OutlookSettings outlook = OutlookSettings.of(url, () -> bearer).choices(options.category(), options.daysBack(),
                options.daysAhead(), options.autocapture(), options.shareReplies());
        return Optional.of(OutlookPair.of(new OutlookEndpoint(outlook), options.limit()));
    }

    /** The running demo server's address, if one runs. */
    public Optional<URI> demoUrl() {
        DemoServer running = demo;
        return running == null ? Optional.empty() : Optional.of(running.url());
    }

    /** Stops the demo server, if one runs; its data stays in the profile. */
    @Override
    public synchronized void close() {
        if (demo != null) {
            demo.stop();
            demo = null;
        }
    }
}
