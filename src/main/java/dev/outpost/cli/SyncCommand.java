package dev.outpost.cli;

import java.util.Optional;

import dev.outpost.store.OfflineStore;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncReport;
import dev.outpost.sync.TypeOutcome;
import dev.outpost.sync.TypeReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sync", description = "Syncs the offline copy with the CRM. Exit 3 when conflicts wait for you, 4 when a sign-in is needed.")
final class SyncCommand extends StoreCommand {

    static final int CONFLICTS_WAITING = 3;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--dry-run", description = "Show what would be done, write nothing anywhere.")
    boolean dryRun;

    @Override
    int run(OfflineStore store) throws Exception {
        SyncReport report = new SyncEngine(store.sync()).run(CrmSession.pair(store, root.environment),
                dryRun ? RunOptions.preview() : RunOptions.normal());
        if (json) {
            com.fasterxml.jackson.databind.node.ObjectNode node = RecordJson.MAPPER.createObjectNode();
            node.put("pair", report.pair());
            node.put("outcome", report.outcome());
            node.put("startedAt", report.startedAt().toString());
            node.put("durationMs", report.duration().toMillis());
            node.set("types", RecordJson.MAPPER.valueToTree(report.types()));
            node.put("planned", report.plan().size());
            out().println(RecordJson.MAPPER.writeValueAsString(node));
        } else {
            print(report);
        }
        if (report.types().stream().anyMatch(t -> t.outcome() == TypeOutcome.FAILED)) {
            spec.commandLine().getErr().println(report.types().stream().filter(t -> t.outcome() == TypeOutcome.FAILED)
                    .map(TypeReport::message).findFirst().orElse("The sync failed."));
            return OutpostCommand.FAILED;
        }
        return store.sync().openConflicts(Optional.of("crm")).isEmpty() ? OutpostCommand.DONE : CONFLICTS_WAITING;
    }

    private void print(SyncReport report) {
        out().printf("%-14s %-8s %-17s %-17s %6s %9s %6s%n", "TYPE", "RESULT", "PULLED (new/chg/del)",
                "PUSHED (new/chg/del)", "MERGED", "CONFLICTS", "ISSUES");
        for (TypeReport t : report.types()) {
            out().printf("%-14s %-8s %5d/%d/%-9d %5d/%d/%-9d %6d %9d %6d%n", t.type().plural(),
                    t.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), t.pulledCreated(),
                    t.pulledUpdated(), t.pulledDeleted(), t.pushedCreated(), t.pushedUpdated(), t.pushedDeleted(),
                    t.merged(), t.conflicts(), t.issues());
            if (!t.message().isEmpty() && t.outcome() != TypeOutcome.FAILED) {
                out().println("  " + t.message());
            }
        }
        if (dryRun) {
            out().println(report.plan().size() + " action(s) planned; nothing was written.");
        } else {
            out().printf("Done in %.1f s.%n", report.duration().toMillis() / 1000.0);
        }
    }
}
