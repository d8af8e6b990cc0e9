package dev.outpost.cli;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.outpost.model.RecordType;
import dev.outpost.outlook.OutlookSettings;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "connect", description = "Sets the CRM this profile syncs with, and optionally an Outlook mailbox.")
final class ConnectCommand extends StoreCommand {

    @Option(names = "--crm-url", required = true, paramLabel = "URL", description = "The organization URL, e.g. https://contoso.crm.dynamics.com")
    String crmUrl;

    @Option(names = "--access-token-env", paramLabel = "VAR", defaultValue = "OUTPOST_ACCESS_TOKEN",
            description = "The environment variable that holds the bearer token at each sync (default: ${DEFAULT-VALUE}).")
    String tokenVariable;

    @Option(names = "--all-records", paramLabel = "TYPES", split = ",",
            description = "Types to sync whole, e.g. accounts,contacts. By default every type syncs the records you own, "
                    + "plus the accounts, contacts and opportunities they refer to.")
    List<String> syncedWhole = List.of();

    @Option(names = "--graph-url", paramLabel = "URL", description = "An Outlook mailbox to sync too: Microsoft Graph's "
            + "root, e.g. https://graph.microsoft.com/v1.0. Without it the profile syncs no mailbox.")
    String graphUrl;

    @Option(names = "--graph-token-env", paramLabel = "VAR", defaultValue = ConnectionSettings.DEFAULT_GRAPH_TOKEN_VARIABLE,
            description = "The environment variable that holds the bearer token for Graph at each sync (default: ${DEFAULT-VALUE}).")
    String graphTokenVariable;

    @Override
    int run(OfflineStore store) {
        ConnectionSettings wanted;
        try {
            Set<RecordType> whole = EnumSet.noneOf(RecordType.class);
            syncedWhole.forEach(name -> whole.add(RecordType.parse(name)));
            wanted = new ConnectionSettings(URI.create(crmUrl), tokenVariable).syncingWhole(whole)
                    .withMailbox(Optional.ofNullable(graphUrl).map(this::mailbox));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        boolean loopback = "127.0.0.1".equals(wanted.crmUrl().getHost()) || "localhost".equals(wanted.crmUrl().getHost());
        if (!"https".equals(wanted.crmUrl().getScheme()) && !loopback) {
            throw new ParameterException(spec.commandLine(), "The CRM must be reached over https (only a server on this "
                    + "computer, like the demo server, may use http).");
        }
        Optional<ConnectionSettings> current = ConnectionSettings.read(store.profile());
        boolean otherServer = current.isPresent() && !current.get().crmUrl().equals(wanted.crmUrl());
        Optional<URI> currentMailbox = current.flatMap(ConnectionSettings::mailbox).map(ConnectionSettings.Mailbox::graphUrl);
        boolean otherMailbox = currentMailbox.isPresent() && wanted.mailbox().isPresent()
                && !currentMailbox.get().equals(wanted.mailbox().get().graphUrl());
        if (otherMailbox && store.sync().linkCount("outlook") > 0) {
            // The links name another mailbox's items; like a CRM switch, this needs the reset flow first.
            throw new StoreException("This profile syncs with the mailbox at " + currentMailbox.get() + ". Switching to "
                    + "another mailbox is not supported yet; use a new profile with --profile DIR.");
        }
        if (otherServer && (store.sync().linkCount("crm") > 0 || store.records().status().totalPending() > 0)) {
            // Switching servers must wipe the offline copy after a warning: that flow is not built yet.
            throw new StoreException("This profile holds data of " + current.get().crmUrl() + ". Switching to another "
                    + "server is not supported yet; use a new profile with --profile DIR.");
        }
        // A type whose filter changed is listed again in full at the next sync: rows that left the filter are
        // then reported out of scope (unlinked here, deleted nowhere), rows that entered it come down.
        for (RecordType type : RecordType.values()) {
            boolean wasWhole = current.map(c -> c.syncedWhole().contains(type)).orElse(false);
            if (current.isPresent() && !otherServer && wasWhole != wanted.syncedWhole().contains(type)) {
                store.sync().clearAnchor("crm", type);
            }
        }
        wanted.write(store.profile());
        out().println("Connected to " + wanted.crmUrl() + ". The access token is read from $" + tokenVariable
                + " at each sync. " + filterSummary(wanted) + wanted.mailbox().map(box -> " Outlook mailbox: "
                + box.graphUrl() + ", token from $" + box.tokenVariable() + "; items in the category \""
                + OutlookSettings.DEFAULT_CATEGORY + "\" sync.").orElse(currentMailbox.isPresent()
                        ? " The Outlook mailbox is no longer synced (give --graph-url to keep it)." : "")
                + " Run: outpost sync");
        return OutpostCommand.DONE;
    }

    /** The mailbox option checked as the connector will use it: https (http only to this computer), Graph's /v1.0. */
    private ConnectionSettings.Mailbox mailbox(String url) {
        URI graph = URI.create(url.strip());
        if (graph.getPath() == null || graph.getPath().isEmpty() || graph.getPath().equals("/")) {
            graph = URI.create(url.strip().replaceAll("/+$", "") + "/v1.0"); // the service root was meant
        }
        OutlookSettings.of(graph, () -> ""); // throws, saying what is wrong
        return new ConnectionSettings.Mailbox(graph, graphTokenVariable);
    }

    private static String filterSummary(ConnectionSettings settings) {
        if (settings.syncedWhole().isEmpty()) {
            return "Syncing the records you own and those they refer to.";
        }
        return "Syncing all " + settings.syncedWhole().stream().map(RecordType::plural).collect(Collectors.joining(", "))
                + (settings.mineOnly().isEmpty() ? "." : "; of the other types, the records you own and those they refer to.");
    }
}
