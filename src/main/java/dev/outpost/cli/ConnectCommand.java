package dev.outpost.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.outpost.auth.AdminDefaults;
import dev.outpost.auth.SignInSettings;
import dev.outpost.model.RecordType;
import dev.outpost.outlook.OutlookSettings;
import dev.outpost.store.AdminSettings;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.ConnectionSettings.MailboxOptions;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileIdentity;
import dev.outpost.store.StoreException;
import dev.outpost.sync.LockedSettings;
import dev.outpost.sync.SettingsChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "connect", description = "Sets the CRM this profile syncs with, and optionally an Outlook mailbox. "
        + "Connecting the same mailbox again keeps the mailbox options not given.")
final class ConnectCommand extends StoreCommand {

    @Option(names = "--crm-url", paramLabel = "URL", description = "The organization URL, e.g. "
            + "https://contoso.crm.dynamics.com (default: the one this profile is connected to; for a new profile, "
            + "the one in IT's " + AdminDefaults.FILE_NAME + ").")
    String crmUrl;

    @Option(names = "--access-token-env", paramLabel = "VAR", defaultValue = "OUTPOST_ACCESS_TOKEN",
            description = "The environment variable that holds the bearer token at each sync (default: ${DEFAULT-VALUE}).")
    String tokenVariable;

    @Option(names = "--all-records", paramLabel = "TYPES", split = ",",
            description = "Types to sync whole, e.g. accounts,contacts. By default every type syncs the records you own, "
                    + "plus the accounts, contacts and opportunities they refer to (or as IT's " + AdminDefaults.FILE_NAME
                    + " says).")
    List<String> syncedWhole = List.of();

    @Option(names = "--graph-url", paramLabel = "URL", description = "An Outlook mailbox to sync too: Microsoft Graph's "
            + "root, e.g. https://graph.microsoft.com/v1.0. Without it the profile syncs no mailbox.")
    String graphUrl;

    @Option(names = "--graph-token-env", paramLabel = "VAR", defaultValue = ConnectionSettings.DEFAULT_GRAPH_TOKEN_VARIABLE,
            description = "The environment variable that holds the bearer token for Graph at each sync (default: ${DEFAULT-VALUE}).")
    String graphTokenVariable;

    @Option(names = "--category", paramLabel = "NAME", description = "The Outlook category that shares an item with "
            + "the CRM (default: \"" + MailboxOptions.DEFAULT_CATEGORY + "\").")
    String category;

    @Option(names = "--calendar-window", paramLabel = "DAYS_BACK,DAYS_AHEAD", description = "Which Outlook events sync: "
            + "those from DAYS_BACK days ago to DAYS_AHEAD days ahead (default: 30,180).")
    String calendarWindow;

    @Option(names = "--outlook-limit", paramLabel = "N", description = "At most N contacts, tasks and appointments "
            + "together are sent to Outlook, the closest and most recent first (default: 5000; 1 to 100000).")
    Integer outlookLimit;

    @Option(names = "--autocapture", negatable = true, description = "Sync every Outlook event in the calendar window, "
            + "shared or not (default: off).")
    Boolean autocapture;

    @Option(names = "--share-replies", negatable = true, description = "Share replies in a conversation that holds a "
            + "shared e-mail (default: off).")
    Boolean shareReplies;

    @Option(names = "--client-id", paramLabel = "ID", description = "Sign in with Microsoft Entra ID (outpost login) "
            + "instead of reading tokens from environment variables: the application id of Outpost's app registration "
            + "(default: the one in IT's " + AdminDefaults.FILE_NAME + ").")
    String clientId;

    @Option(names = "--authority", paramLabel = "URL", description = "Where to sign in (default: "
            + "https://login.microsoftonline.com/organizations/, or IT's choice).")
    String authority;

    @Option(names = "--tenant", paramLabel = "TENANT", description = "Sign in at this tenant (its id or domain): short "
            + "for --authority https://login.microsoftonline.com/TENANT/.")
    String tenant;

    @Option(names = "--export", paramLabel = "FILE", description = "When this moves the profile to another CRM: save "
            + "the changes not yet synchronized to FILE (JSON; outpost import FILE brings them back) before the offline "
            + "copy of the old CRM is removed.")
    Path exportTo;

    @Option(names = "--discard-unsynced", description = "When this moves the profile to another CRM: remove the offline "
            + "copy of the old CRM even though it holds changes not yet synchronized. They are lost.")
    boolean discardUnsynced;

    @Override
    int run(OfflineStore store) {
        Optional<ConnectionSettings> current = ConnectionSettings.read(store.profile());
        Optional<ConnectionSettings.Mailbox> currentBox = current.flatMap(ConnectionSettings::mailbox);
        AdminDefaults admin = AdminDefaults.forThisInstallation();
        admin.warning().ifPresent(out()::println);
        AdminSettings it = admin.connection();
        ConnectionSettings wanted;
        try {
            ConnectionSettings given = new ConnectionSettings(crm(it, current), tokenVariable).syncingWhole(allRecords(it))
                    .withMailbox(Optional.ofNullable(graphUrl).map(url -> mailbox(url, currentBox, it)));
            wanted = it.enforce(given.withSignIn(signIn(current, given.crmUrl(), admin)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (graphUrl == null && givesMailboxOptions()) {
            throw new ParameterException(spec.commandLine(), "--category, --calendar-window, --outlook-limit, "
                    + "--[no-]autocapture and --[no-]share-replies set how a mailbox syncs: give --graph-url URL too.");
        }
        boolean loopback = "127.0.0.1".equals(wanted.crmUrl().getHost()) || "localhost".equals(wanted.crmUrl().getHost());
        if (!"https".equals(wanted.crmUrl().getScheme()) && !loopback) {
            throw new ParameterException(spec.commandLine(), "The CRM must be reached over https (only a server on this "
                    + "computer, like the demo server, may use http).");
        }
        boolean otherServer = current.isPresent() && !ProfileIdentity.normalize(current.get().crmUrl())
                .equals(ProfileIdentity.normalize(wanted.crmUrl()));
        Optional<URI> currentMailbox = current.flatMap(ConnectionSettings::mailbox).map(ConnectionSettings.Mailbox::graphUrl);
        boolean otherMailbox = currentMailbox.isPresent() && wanted.mailbox().isPresent()
                && !currentMailbox.get().equals(wanted.mailbox().get().graphUrl());
        if (otherMailbox && store.sync().linkCount("outlook") > 0) {
            // The links name another mailbox's items; like a CRM switch, this needs the reset flow first.
            throw new StoreException("This profile syncs with the mailbox at " + currentMailbox.get() + ". Switching to "
                    + "another mailbox is not supported yet; use a new profile with --profile DIR.");
        }
        if (otherServer && ProfileSwitch.holdsData(store)) {
            // The offline copy is the old server's: it goes (after the export asked for), then connect anew.
            new ProfileSwitch(out()).removeCopyOf(store, current.get().crmUrl().toString(), exportTo, discardUnsynced,
                    LockedSettings.syncRefusal(current.get(), it));
            try (OfflineStore fresh = OfflineStore.open(store.profile())) {
                return run(fresh);
            }
        }
        // A type whose scope changed is listed again in full at the next sync (SettingsChange says why).
        SettingsChange.apply(store.sync(), current, wanted);
        String renamed = SettingsChange.renameNote(store.sync(), current, wanted).map(note -> " " + note).orElse("");
        wanted.write(store.profile());
        ProfileIdentity kept = ProfileIdentity.read(store.profile()).filter(was -> !otherServer)
                .orElse(new ProfileIdentity(wanted.crmUrl(), "", "")); // the user is known at the first sign-in
        new ProfileIdentity(wanted.crmUrl(), kept.user(), kept.tenant()).write(store.profile());
        boolean signsIn = wanted.signIn().isPresent();
        out().println("Connected to " + wanted.crmUrl() + ". " + (signsIn ? "Tokens come from your sign-in (outpost "
                + "login). " : "The access token is read from $" + tokenVariable + " at each sync. ")
                + filterSummary(wanted) + wanted.mailbox().map(box -> " Outlook mailbox: "
                + box.graphUrl() + (signsIn ? "" : ", token from $" + box.tokenVariable()) + "; "
                + optionsSummary(box.options()))
                .orElse(currentMailbox.isPresent()
                        ? " The Outlook mailbox is no longer synced (give --graph-url to keep it)." : "")
                + renamed + " Run: outpost sync");
        return OutpostCommand.DONE;
    }

    /**
     * How the profile gets its tokens. Sign-in options given: a sign-in, checked now as it will be made (with IT's
     * defaults). None given: the sign-in this profile already has for the same CRM is kept, unless --access-token-env
     * asks for tokens from the environment; a new connection signs in when IT's admin file names a client id.
     */
    private Optional<ConnectionSettings.SignInChoice> signIn(Optional<ConnectionSettings> current, URI crm,
            AdminDefaults admin) {
        if (authority != null && tenant != null) {
            throw new ParameterException(spec.commandLine(), "--authority and --tenant both say where to sign in: give one.");
        }
        try {
            Optional<URI> where = Optional.ofNullable(authority).map(a -> URI.create(a.strip()))
                    .or(() -> Optional.ofNullable(tenant).map(SignInSettings::tenantAuthority));
            if (clientId != null || where.isPresent()) {
                ConnectionSettings.SignInChoice choice = new ConnectionSettings.SignInChoice(
                        Optional.ofNullable(clientId).map(String::strip), where);
                AdminDefaults.Resolution resolved = admin.resolve(choice.clientId(), choice.authority());
                // The file overruling an option given here means IT bound that value: refused, not saved.
                if (!resolved.overruled().isEmpty()) {
                    throw new IllegalArgumentException(resolved.overruled().stream().map(setting -> refusal(setting, admin))
                            .collect(Collectors.joining(" ")));
                }
                SignInSettings settings = resolved.settings().orElseThrow(() -> new IllegalArgumentException(
                        "Signing in needs a client id: give --client-id ID (the application id of Outpost's app "
                                + "registration; ask IT)"));
                out().println("Sign-in: client id " + settings.clientId() + " at " + settings.authority() + ".");
                return Optional.of(choice);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--access-token-env")) {
            return Optional.empty();
        }
        Optional<ConnectionSettings.SignInChoice> kept = current.filter(c -> c.crmUrl().equals(crm))
                .flatMap(ConnectionSettings::signIn);
        if (kept.isPresent() || admin.clientId().isEmpty()) {
            return kept;
        }
        return Optional.of(new ConnectionSettings.SignInChoice(Optional.empty(), Optional.empty()));
    }

    /** Why a sign-in option given here was refused, and what to do: IT bound that setting to another value. */
    private String refusal(AdminSettings.Setting setting, AdminDefaults admin) {
        String given = setting == AdminSettings.Setting.CLIENT_ID ? "--client-id " + clientId.strip()
                : authority != null ? "--authority " + authority.strip() : "--tenant " + tenant.strip();
        String itsValue = setting == AdminSettings.Setting.CLIENT_ID ? admin.clientId().orElseThrow()
                : admin.authority().orElseThrow().toString();
        return admin.connection().setByIt(setting) + ": " + itsValue + ". " + given + " was refused and nothing was saved. "
                + "Run the command again without " + given.substring(0, given.indexOf(' ')) + " to use IT's.";
    }

    /**
     * The CRM to connect to: --crm-url; else the one IT locked; else the profile's own (IT's unlocked CRM is the
     * default of a new connection only: taking it here would move a connected profile to another CRM, and remove its
     * offline copy, without being asked); else the one IT set. Where IT locked the CRM, another one is refused.
     */
    private URI crm(AdminSettings it, Optional<ConnectionSettings> current) {
        if (crmUrl == null) {
            return it.boundCrmUrl()
                    .or(() -> current.filter(settings -> !settings.demo()).map(ConnectionSettings::crmUrl))
                    .or(it::crmUrl)
                    .orElseThrow(() -> new IllegalArgumentException("Give the CRM to connect to: --crm-url URL, "
                            + "e.g. https://contoso.crm.dynamics.com (IT's " + AdminDefaults.FILE_NAME + " names none)."));
        }
        URI given = URI.create(crmUrl.strip());
        it.crmRefusal(given).ifPresent(why -> {
            throw new IllegalArgumentException(why + " Leave out --crm-url to connect to it.");
        });
        return given;
    }

    /** The types synced whole: --all-records, else IT's sync filters. Where IT locked them, others are refused. */
    private Set<RecordType> allRecords(AdminSettings it) {
        if (!spec.commandLine().getParseResult().hasMatchedOption("--all-records")) {
            return it.newAllRecords();
        }
        Set<RecordType> whole = EnumSet.noneOf(RecordType.class);
        syncedWhole.forEach(name -> whole.add(RecordType.parse(name)));
        if (it.binds(AdminSettings.Setting.SYNC_FILTERS) && !whole.equals(it.newAllRecords())) {
            throw new IllegalArgumentException(it.setByIt(AdminSettings.Setting.SYNC_FILTERS) + ": all records of "
                    + (it.newAllRecords().isEmpty() ? "no type"
                    : it.newAllRecords().stream().map(RecordType::plural).collect(Collectors.joining(", ")))
                    + ". Leave out --all-records.");
        }
        return whole;
    }

    /**
     * The mailbox option checked as the connector will use it: https (http only to this computer), Graph's /v1.0.
     * Connecting the same mailbox again keeps the options set before, except those given now: an option left out
     * is not a wish to reset it (a reset would silently re-list the mailbox, or send up to 5000 records to it).
     * Another mailbox, or one connected anew, starts from the defaults (IT's category and limit, where it set them).
     */
    private ConnectionSettings.Mailbox mailbox(String url, Optional<ConnectionSettings.Mailbox> current,
            AdminSettings it) {
        URI graph = URI.create(url.strip());
        if (graph.getPath() == null || graph.getPath().isEmpty() || graph.getPath().equals("/")) {
            graph = URI.create(url.strip().replaceAll("/+$", "") + "/v1.0"); // the service root was meant
        }
        OutlookSettings.of(graph, () -> ""); // throws, saying what is wrong
        URI normalized = ConnectionSettings.normalize(graph);
        MailboxOptions options = current.filter(box -> box.graphUrl().equals(normalized))
                .map(ConnectionSettings.Mailbox::options).orElse(it.newMailboxOptions());
        if (category != null && it.binds(AdminSettings.Setting.CATEGORY)
                && !category.strip().equalsIgnoreCase(it.category().orElseThrow())) {
            throw new IllegalArgumentException(it.setByIt(AdminSettings.Setting.CATEGORY) + ": \""
                    + it.category().orElseThrow() + "\". Leave out --category.");
        }
        if (outlookLimit != null && it.binds(AdminSettings.Setting.OUTLOOK_LIMIT)
                && !outlookLimit.equals(it.outlookLimit().orElseThrow())) {
            throw new IllegalArgumentException(it.setByIt(AdminSettings.Setting.OUTLOOK_LIMIT) + ": "
                    + it.outlookLimit().orElseThrow() + ". Leave out --outlook-limit.");
        }
        if (category != null) {
            options = options.category(category);
        }
        if (calendarWindow != null) {
            String[] days = calendarWindow.split(",", -1);
            try {
                if (days.length != 2) {
                    throw new NumberFormatException();
                }
                options = options.calendarWindow(Integer.parseInt(days[0].strip()), Integer.parseInt(days[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--calendar-window takes two whole numbers of days, back and ahead, "
                        + "e.g. 30,180; not '" + calendarWindow + "'");
            }
        }
        if (outlookLimit != null) {
            options = options.limit(outlookLimit);
        }
        if (autocapture != null) {
            options = options.autocapture(autocapture);
        }
        if (shareReplies != null) {
            options = options.shareReplies(shareReplies);
        }
        return new ConnectionSettings.Mailbox(graph, graphTokenVariable, options);
    }

    private boolean givesMailboxOptions() {
        return category != null || calendarWindow != null || outlookLimit != null || autocapture != null
                || shareReplies != null;
    }

    private static String optionsSummary(MailboxOptions o) {
        return "items in the category \"" + o.category() + "\" sync; calendar " + o.daysBack() + " days back, "
                + o.daysAhead() + " ahead; at most " + o.limit() + " contacts, tasks and appointments sent to Outlook; "
                + "autocapture " + (o.autocapture() ? "on" : "off") + "; sharing of replies "
                + (o.shareReplies() ? "on" : "off") + ".";
    }

    private static String filterSummary(ConnectionSettings settings) {
        if (settings.syncedWhole().isEmpty()) {
            return "Syncing the records you own and those they refer to.";
        }
        return "Syncing all " + settings.syncedWhole().stream().map(RecordType::plural).collect(Collectors.joining(", "))
                + (settings.mineOnly().isEmpty() ? "." : "; of the other types, the records you own and those they refer to.");
    }
}
