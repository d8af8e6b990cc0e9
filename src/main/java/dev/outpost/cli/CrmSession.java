package dev.outpost.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.outpost.auth.AdminDefaults;
import dev.outpost.auth.AnotherUsersCopy;
import dev.outpost.auth.ProfileSignIn;
import dev.outpost.auth.SignIn;
import dev.outpost.auth.SignInFailedException;
import dev.outpost.auth.SignInRequiredException;
import dev.outpost.auth.SignInSettings;
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
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.StoreException;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.LockedSettings;
import dev.outpost.sync.PushLimit;
import dev.outpost.sync.SyncPair;

/**
 * The pairs of a connected profile: the CRM, and the Outlook mailbox when one is connected; tokens from the profile's
 * sign-in when it has one, else from environment variables.
 */
final class CrmSession implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CrmSession.class);

    /** Exit code when a sign-in (an access token) is needed. */
    static final int SIGN_IN_NEEDED = 4;

    private static final String DEMO_TOKEN = DemoOptions.DEMO_MODE_TOKEN;

    final SyncPair crm;
    final Optional<SyncPair> outlook;
    private final Optional<OutlookEndpoint> mailbox;
    private final Optional<DemoServer> demo;

    private CrmSession(SyncPair crm, Optional<OutlookEndpoint> mailbox, int outlookLimit, Optional<DemoServer> demo,
                       ConnectionSettings settings) {
        this.crm = crm;
        this.mailbox = mailbox;
        this.outlook = mailbox.map(endpoint -> OutlookPair.of(endpoint, outlookLimit,
                ConflictPolicy.forPair(settings.policy(OutlookPair.NAME), OutlookPair.DEFAULT_POLICY)));
        this.demo = demo;
    }

    /**
     * The pairs to run. Every token is checked before anything runs, so a run never does half of its work.
     *
     * @param warnings receives why IT's admin file is not used, if it is not (for stderr), whatever the profile's tokens
     * @param notes    receives what a locked value saved into the profile leaves for the user to do (a renamed category)
     * @throws SignInNeededException when a token is missing, for the CRM or for the mailbox
     */
    static CrmSession open(OfflineStore store, Function<String, String> environment, Consumer<String> warnings,
            Consumer<String> notes) {
        AdminDefaults admin = AdminDefaults.forThisInstallation();
        admin.warning().ifPresent(warnings);
        // What IT locked in the admin file is saved into the profile first, so this run syncs with it.
        ConnectionSettings settings = LockedSettings.apply(store.sync(), store.profile(), admin.connection(), notes)
                .orElseThrow(() -> new StoreException(
                        "This profile is not connected to a CRM. Connect it with: outpost connect --crm-url URL"));
        if (settings.demo()) {
            return demo(store.profile(), settings);
        }
        // The file's warning was given above; the sign-in tells only what it adds (a value of the user's IT overrode).
        Optional<SignIn> signIn = ProfileSignIn.of(store.profile(), settings, admin, environment, message -> {
            if (admin.warning().filter(message::equals).isEmpty()) {
                LOG.warn("{}", message);
            }
        });
        if (signIn.isPresent()) {
            refuseAnotherUsersCopy(store.profile(), signIn.get());
            return signedIn(signIn.get(), settings);
        }
        List<String> missing = new ArrayList<>();
        String crmToken = token(environment, settings.tokenVariable(), settings.crmUrl(), missing);
        Optional<String> graphToken = settings.mailbox().map(box -> token(environment, box.tokenVariable(),
                box.graphUrl(), missing));
        if (!missing.isEmpty()) {
            throw new SignInNeededException("No access token: set " + String.join(" and ", missing) + ", and run again.");
        }
        SyncPair crm = SyncPair.of("crm", new DataverseEndpoint(connection(settings.crmUrl(), crmToken),
                RetryPolicy.defaults(), settings.mineOnly()), crmPolicy(settings));
        String bearer = graphToken.orElse("");
        Optional<OutlookEndpoint> mailbox = settings.mailbox().map(box -> new OutlookEndpoint(
                outlookSettings(box.graphUrl(), () -> bearer, box.options())));
        int limit = settings.mailbox().map(box -> box.options().limit()).orElse(PushLimit.OUTLOOK_DEFAULT);
        return new CrmSession(crm, mailbox, limit, Optional.empty(), settings);
    }

    /**
     * The offline copy belongs to the user recorded at the last sign-in: never sync it under someone else's account
     * (their CRM would receive the first user's changes as theirs). {@code outpost login} as the new user offers the
     * reset; signing in as the recorded user again lets the sync go on.
     */
    private static void refuseAnotherUsersCopy(ProfileFolder profile, SignIn signIn) {
        Optional<AnotherUsersCopy> other = ProfileSignIn.anotherUsersCopy(profile, signIn);
        if (other.isPresent()) {
            String owner = other.get().owner();
            String now = other.get().signedIn();
            throw new StoreException("This profile holds the offline copy of " + owner + ", but " + now
                    + " is signed in. Sign in as " + owner + " (outpost login), or switch this profile to " + now
                    + ": outpost login --export FILE (or --discard-unsynced).");
        }
    }

    /**
     * A profile that signs in: a token for the CRM (and for Graph) from the sign-in's cache, renewed silently; each
     * request asks again, so a long sync outlives its first token.
     */
    private static CrmSession signedIn(SignIn signIn, ConnectionSettings settings) {
        String crmScope = SignInSettings.crmScope(settings.crmUrl());
        Optional<String> graphScope = settings.mailbox().map(box -> SignInSettings.graphScope(box.graphUrl()));
        try {
            signIn.token(crmScope);
            graphScope.ifPresent(signIn::token);
        } catch (SignInRequiredException e) {
            throw new SignInNeededException(e.reason() + ". Sign in first: outpost login");
        } catch (SignInFailedException e) {
            throw new StoreException(e.getMessage(), e);
        }
        SyncPair crm = SyncPair.of("crm", new DataverseEndpoint(CrmConnection.forSync(settings.crmUrl(),
                () -> signIn.token(crmScope)), RetryPolicy.defaults(), settings.mineOnly()), crmPolicy(settings));
        Optional<OutlookEndpoint> mailbox = settings.mailbox().map(box -> new OutlookEndpoint(
                outlookSettings(box.graphUrl(), () -> signIn.token(graphScope.orElseThrow()), box.options())));
        int limit = settings.mailbox().map(box -> box.options().limit()).orElse(PushLimit.OUTLOOK_DEFAULT);
        return new CrmSession(crm, mailbox, limit, Optional.empty(), settings);
    }

    /**
     * A demo-mode profile: the demo CRM and mailbox the window runs, started here on the profile's own demo data
     * (kept in its folder, so the window and the command line see one demo) for as long as the command runs.
     */
    private static CrmSession demo(ProfileFolder profile, ConnectionSettings settings) {
        DemoServer server;
        try {
            server = DemoServer.start(0, DemoOptions.demoMode(profile.path(), DemoOptions.DEMO_MODE_RECORDS));
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot start the demo CRM of this profile (" + e.getMessage() + "). Check that "
                    + profile.path() + " is writable, and try again.", e);
        }
        SyncPair crm = SyncPair.of("crm", new DataverseEndpoint(connection(server.url(), DEMO_TOKEN), RetryPolicy.defaults(),
                settings.mineOnly()), crmPolicy(settings));
        OutlookEndpoint mailbox = new OutlookEndpoint(OutlookSettings.of(server.graphUrl(), () -> DEMO_TOKEN));
        return new CrmSession(crm, Optional.of(mailbox), PushLimit.OUTLOOK_DEFAULT, Optional.of(server), settings);
    }

    /** How the CRM pair settles true conflicts: the profile's choice (the window's settings), else ask. */
    private static ConflictPolicy crmPolicy(ConnectionSettings settings) {
        return ConflictPolicy.forPair(settings.policy("crm"), ConflictPolicy.ASK);
    }

    /** The endpoint's settings from the options {@code outpost connect} saved. */
    static OutlookSettings outlookSettings(URI graphUrl, Supplier<String> token, ConnectionSettings.MailboxOptions options) {
        return OutlookSettings.of(graphUrl, token).choices(options.category(), options.daysBack(), options.daysAhead(),
                options.autocapture(), options.shareReplies());
    }

    private static String token(Function<String, String> environment, String variable, URI server, List<String> missing) {
        String token = environment.apply(variable);
        if (token == null || token.isBlank()) {
            missing.add("$" + variable + " to a bearer token for " + server);
            return "";
        }
        return token;
    }

    /** How the CLI talks to a CRM: Dataverse's largest pages, batches of 50 writes. {@code bench crm} uses it too. */
    static CrmConnection connection(URI crmUrl, String token) {
        return CrmConnection.forSync(crmUrl, TokenSource.fixed(token));
    }

    @Override
    public void close() {
        if (crm.endpoint() instanceof AutoCloseable client) {
            try {
                client.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not release the CRM connection", e);
            }
        }
        mailbox.ifPresent(OutlookEndpoint::close);
        demo.ifPresent(DemoServer::stop);
    }

    /** A sync that cannot start without a sign-in: exit code 4. */
    static final class SignInNeededException extends StoreException {
        SignInNeededException(String message) {
            super(message);
        }
    }
}
