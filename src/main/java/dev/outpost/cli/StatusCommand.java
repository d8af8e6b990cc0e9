package dev.outpost.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.auth.AdminDefaults;
import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileIdentity;
import dev.outpost.store.StoreStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", description = "Shows how many records are kept offline and how many local changes wait to be synced.")
final class StatusCommand extends StoreCommand {

    @Option(names = "--json", description = "Print the counts as JSON.")
    boolean json;

    @Override
    int run(OfflineStore store) throws Exception {
        StoreStatus status = store.records().status();
        AdminDefaults admin = AdminDefaults.forThisInstallation();
        if (json) {
            ObjectNode node = RecordJson.MAPPER.createObjectNode();
            node.put("profile", store.profile().path().toString());
            ObjectNode records = node.putObject("records");
            ObjectNode pending = node.putObject("pending");
            for (RecordType type : RecordType.values()) {
                records.put(type.id(), status.records().get(type));
                pending.put(type.id(), status.pending().get(type));
            }
            node.put("totalRecords", status.totalRecords());
            node.put("totalPending", status.totalPending());
            node.put("secrets", store.secretsDescription());
            node.put("secretsInOsKeyStore", store.keyInOsKeyStore());
            ProfileIdentity.read(store.profile()).ifPresent(identity -> {
                ObjectNode who = node.putObject("identity");
                who.put("crmUrl", identity.crmUrl().toString());
                who.put("user", identity.user());
                who.put("tenant", identity.tenant());
            });
            new AdminFileStatus(admin).putInto(node);
            out().println(RecordJson.MAPPER.writeValueAsString(node));
            return OutpostCommand.DONE;
        }
        out().println("Profile: " + store.profile().path());
        ProfileIdentity.read(store.profile()).ifPresent(identity -> out().println("Offline copy of: " + identity.crmUrl()
                + (identity.user().isEmpty() ? "" : " as " + identity.user() + " (tenant " + identity.tenant() + ")")));
        out().println("Store key and sign-in kept in: " + store.secretsDescription());
        new AdminFileStatus(admin).lines().forEach(out()::println);
        if (!store.keyInOsKeyStore()) {
            // DESIGN.md: where no OS key store exists, the key is in a 0600 file and the app says so.
            out().println("Warning: no OS key store is used, so anyone who can read your files as you can read "
                    + "the offline copy and use your sign-in. Keep the profile folder on an encrypted disk.");
        }
        out().printf("%-15s %8s %8s%n", "TYPE", "RECORDS", "PENDING");
        for (RecordType type : RecordType.values()) {
            out().printf("%-15s %8d %8d%n", type.plural(), status.records().get(type), status.pending().get(type));
        }
        out().printf("%-15s %8d %8d%n", "total", status.totalRecords(), status.totalPending());
        out().println(status.totalPending() == 0 ? "Nothing waits to be synced."
                : status.totalPending() + " local change" + (status.totalPending() == 1 ? "" : "s") + " not yet synced.");
        return OutpostCommand.DONE;
    }
}
