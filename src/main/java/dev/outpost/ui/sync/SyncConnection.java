package dev.outpost.ui.sync;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.outpost.auth.AdminDefaults;
import dev.outpost.auth.AnotherUsersCopy;
import dev.outpost.auth.Browser;
import dev.outpost.auth.ProfileSignIn;
import dev.outpost.auth.SignIn;
import dev.outpost.auth.SignInOutcome;
import dev.outpost.auth.SignInRequiredException;
import dev.outpost.auth.SignInSettings;
import dev.outpost.auth.SignedInUser;
import dev.outpost.crm.CrmConnection;
import dev.outpost.crm.DataverseEndpoint;
import dev.outpost.crm.RetryPolicy;
import dev.outpost.crm.TokenSource;
import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.outlook.OutlookEndpoint;
import dev.outpost.outlook.OutlookPair;
import dev.outpost.outlook.OutlookSettings;
import dev.outpost.store.AdminSettings;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.ProfileIdentity;
import dev.outpost.store.StoreException;
import dev.outpost.store.SyncStore;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.LockedSettings;
import dev.outpost.sync.SyncPair;

/**
 * What the window syncs with: the profile's connection settings (a CRM, and an Outlook mailbox when one is
 * connected), and in demo mode the demo server it runs in-process, which serves both. Tokens come from the profile's
 * sign-in when it has one (renewed silently; each request asks again, as {@code outpost sync} does), else from
 * environment variables. Every method that may block (starting the demo server, writing the settings, signing in) is
 * meant for a background thread; the fields are volatile because the window reads them from the FX thread.
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
    private final Optional<Browser> browser;
    private volatile Consumer<String> signInNotices = message -> { };
    private volatile AdminSettings admin;
    private SignIn signIn; // guarded by this, made for signInSettings
    private ConnectionSettings signInSettings;

    /**
     * @param environment where the access token is read (System::getenv outside tests)
     * @param demoRecords how many sample records a new demo CRM is seeded with
     */
    public SyncConnection(ProfileFolder profile, Function<String, String> environment, int demoRecords) {
        this(profile, environment, demoRecords, Optional.empty());
    }

    /**
     * @param browser opens the sign-in page: empty for the system's browser, a test's own in tests
     */
    public SyncConnection(ProfileFolder profile, Function<String, String> environment, int demoRecords,
                          Optional<Browser> browser) {
        this.profile = profile;
        this.environment = environment;
        this.demoRecords = demoRecords;
        this.browser = browser;
        Optional<ConnectionSettings> read;
        try {
            read = ConnectionSettings.read(profile);
        } catch (StoreException e) {
            LOG.warn("Ignoring unreadable connection settings: {}", e.getMessage());
            read = Optional.empty();
        }
        this.settings = read;
        AdminDefaults it = AdminDefaults.forThisInstallation();
        // Names the file and its wrong keys, never a value of a record or a token.
        it.warning().ifPresent(why -> LOG.warn("{}", why));
        this.admin = it.connection();
    }

    /** What IT set for this installation's connections, as read when the window opened or last synced. */
    public AdminSettings admin() {
        return admin;
    }

    /**
     * Reads IT's admin file again and saves what it locked into the profile, so the next run syncs with it (see
     * {@link LockedSettings}). Blocks; meant for the sync thread, before {@link #pair()}.
     *
     * @return what the change leaves for the user to do (a category IT renamed), once, when it was saved
     * @throws StoreException when the profile is connected to another CRM than the one IT locked
     */
    public synchronized Optional<String> applyLockedSettings(SyncStore store) {
        admin = AdminDefaults.forThisInstallation().connection();
        List<String> notes = new ArrayList<>();
        if (settings.isPresent()) {
            settings = LockedSettings.apply(store, profile, admin, notes::add);
        }
        return notes.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", notes));
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

    /** Reads the connection settings again after something else saved them (the settings dialog). Blocks. */
    public synchronized void reload() {
        try {
            settings = ConnectionSettings.read(profile);
        } catch (StoreException e) {
            LOG.warn("Ignoring unreadable connection settings: {}", e.getMessage());
        }
    }

    /**
     * Saves a real CRM's address, with IT's sync filters; the token is read from OUTPOST_ACCESS_TOKEN at each sync,
     * unless the profile signs in. Blocks.
     *
     * @throws IllegalArgumentException when IT locked another CRM, saying so
     */
    public synchronized void connectTo(URI crmUrl) {
        AdminDefaults it = AdminDefaults.forThisInstallation();
        admin = it.connection();
        it.connection().crmRefusal(crmUrl).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        ConnectionSettings wanted = it.connection().enforce(new ConnectionSettings(checkedUrl(crmUrl.toString()),
                "OUTPOST_ACCESS_TOKEN").syncingWhole(it.connection().newAllRecords()));
        // As outpost connect: where IT's admin file names a client id, the profile signs in (the bar offers it).
        if (it.clientId().isPresent()) {
            wanted = wanted.withSignIn(Optional.of(new ConnectionSettings.SignInChoice(Optional.empty(), Optional.empty())));
        }
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
     * @throws SignInNeededException  when no access token is available, or another user than the copy's is signed in
     * @throws StoreException         when the profile is connected to another CRM than the one IT locked (so the
     *                                reset warning does not offer to sync with it first)
     */
    public SyncPair pair() throws IOException {
        ConnectionSettings current = settings.orElseThrow(NotConnectedException::new);
        LockedSettings.refuseAnotherCrm(current, admin);
        URI url;
        TokenSource token;
        if (current.demo()) {
            startDemoIfNeeded();
            url = demo.url();
            token = TokenSource.fixed(DEMO_TOKEN);
        } else {
            url = current.crmUrl();
            Optional<SignIn> signedIn = signIn(current);
            if (signedIn.isPresent()) {
                SignIn in = signedIn.get();
                ProfileSignIn.anotherUsersCopy(profile, in).ifPresent(copy -> {
                    throw SignInNeededException.anotherUser(copy);
                });
                String scope = SignInSettings.crmScope(url);
                silentToken(in, scope);
                token = () -> in.token(scope); // each request asks: a long sync outlives its first token
            } else {
                token = TokenSource.fixed(variable(current.tokenVariable()));
            }
        }
        return SyncPair.of(PAIR, new DataverseEndpoint(CrmConnection.forSync(url, token),
                RetryPolicy.defaults(), current.mineOnly()), ConflictPolicy.forPair(current.policy(PAIR), ConflictPolicy.ASK));
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
        java.util.function.Supplier<String> token;
        ConnectionSettings.MailboxOptions options;
        if (current.demo()) {
            startDemoIfNeeded();
            url = demo.graphUrl();
            token = () -> DEMO_TOKEN;
            options = ConnectionSettings.MailboxOptions.DEFAULTS; // the demo mailbox is made for the defaults
        } else {
            ConnectionSettings.Mailbox box = current.mailbox().get();
            url = box.graphUrl();
            Optional<SignIn> signedIn = signIn(current);
            if (signedIn.isPresent()) {
                SignIn in = signedIn.get();
                String scope = SignInSettings.graphScope(url);
                silentToken(in, scope);
                token = () -> in.token(scope);
            } else {
                String bearer = variable(box.tokenVariable());
                token = () -> bearer;
            }
            options = box.options();
        }
        // As the command line builds it (CrmSession), so the window and `outpost sync` sync the same items.
        OutlookSettings outlook = OutlookSettings.of(url, token).choices(options.category(), options.daysBack(),
                options.daysAhead(), options.autocapture(), options.shareReplies());
        return Optional.of(OutlookPair.of(new OutlookEndpoint(outlook), options.limit(),
                ConflictPolicy.forPair(current.policy(OutlookPair.NAME), OutlookPair.DEFAULT_POLICY)));
    }

    /** Whether the profile signs in (rather than reading its tokens from environment variables). */
    public boolean signsIn() {
        ConnectionSettings current = settings.orElse(null);
        return current != null && !current.demo() && current.signIn().isPresent();
    }

    /**
     * Signs in in the browser for the CRM; blocks until the browser comes back (or the sign-in fails). Records
     * nothing: the caller decides whose copy the profile holds.
     *
     * @throws dev.outpost.auth.SignInFailedException when the sign-in did not complete, saying why
     * @throws StoreException                         when the profile's sign-in settings cannot be used
     */
    public SignInOutcome signInInBrowser() {
        ConnectionSettings current = settings.orElseThrow(NotConnectedException::new);
        SignIn in = signIn(current).orElseThrow(() -> new IllegalStateException("This profile does not sign in"));
        return in.signInInBrowser(Set.of(SignInSettings.crmScope(current.crmUrl())));
    }

    /** Whether the profile holds the offline copy of another user than {@code now}. Reads the profile. */
    public Optional<AnotherUsersCopy> anotherUsersCopy(SignedInUser now) {
        return ProfileSignIn.anotherUsersCopy(profile, now);
    }

    /** Records that the profile's data belongs to {@code now} on the connected CRM. Writes the profile. */
    public void recordIdentity(SignedInUser now) {
        ConnectionSettings current = settings.orElseThrow(NotConnectedException::new);
        new ProfileIdentity(current.crmUrl(), now.user(), now.tenant()).write(profile);
    }

    /**
     * Receives what the system browser has to tell the user (no browser: the address to open), on the thread that
     * signs in.
     */
    public void onSignInNotice(Consumer<String> notices) {
        this.signInNotices = notices;
    }

    /** The profile's sign-in for these settings, made once (MSAL's client keeps the cache in memory between syncs). */
    private synchronized Optional<SignIn> signIn(ConnectionSettings current) {
        if (current.demo() || current.signIn().isEmpty()) {
            return Optional.empty();
        }
        if (signIn == null || !current.equals(signInSettings)) {
            Consumer<String> tell = message -> signInNotices.accept(message);
            signIn = ProfileSignIn.of(profile, current, environment, message -> LOG.warn("{}", message),
                    browser.orElseGet(() -> Browser.system(tell))).orElseThrow();
            signInSettings = current;
        }
        return Optional.of(signIn);
    }

    /** Asks for a token before the run starts, so a run never does half of its work. */
    private static void silentToken(SignIn in, String scope) {
        try {
            in.token(scope);
        } catch (SignInRequiredException e) {
            throw SignInNeededException.signIn(e.reason());
        }
    }

    private String variable(String name) {
        String token = environment.apply(name);
        if (token == null || token.isBlank()) {
            throw SignInNeededException.setVariable(name);
        }
        return token;
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
