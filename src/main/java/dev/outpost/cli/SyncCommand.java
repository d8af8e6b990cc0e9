package dev.outpost.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.model.RecordType;
import dev.outpost.outlook.SyncRound;
import dev.outpost.store.OfflineStore;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncReport;
import dev.outpost.sync.TypeOutcome;
import dev.outpost.sync.TypeReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sync", description = "Syncs the offline copy with the CRM, and with the Outlook mailbox when one is "
        + "connected. Exit 3 when conflicts wait for you, 4 when a sign-in is needed.")
final class SyncCommand extends StoreCommand {

    static final int CONFLICTS_WAITING = 3;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--dry-run", description = "Show what would be done, write nothing anywhere.")
    boolean dryRun;

    /** One pair's share of a run: the CRM's two passes add up to one line per type. */
    private record PairResult(String pair, List<TypeReport> types, String outcome, long durationMs, int passes,
                              int planned) {
    }

    @Override
    int run(OfflineStore store) throws Exception {
        SyncRound.Reports reports;
        PrintWriter err = spec.commandLine().getErr();
        // A note goes with the report: on stdout, except where stdout must hold only the JSON.
        try (CrmSession session = CrmSession.open(store, root.environment, err::println,
                json ? err::println : out()::println)) {
            reports = new SyncRound(new SyncEngine(store.sync())).run(session.crm, session.outlook,
                    dryRun ? RunOptions.preview() : RunOptions.normal());
        }
        List<PairResult> pairs = new ArrayList<>();
        List<SyncReport> crmPasses = new ArrayList<>(List.of(reports.crm()));
        reports.crmAgain().ifPresent(crmPasses::add);
        pairs.add(combined(crmPasses));
        reports.outlook().ifPresent(r -> pairs.add(combined(List.of(r))));
        String outcome = worst(reports.all().stream().map(SyncReport::outcome).toList());
        long durationMs = reports.all().stream().mapToLong(r -> r.duration().toMillis()).sum();
        if (json) {
            ObjectNode node = RecordJson.MAPPER.createObjectNode();
            // "pair" and "types" stay the CRM's, as before the mailbox; "pairs" has every pair.
            node.put("pair", "crm");
            node.put("outcome", outcome);
            node.put("startedAt", reports.crm().startedAt().toString());
            node.put("durationMs", durationMs);
            node.set("types", RecordJson.MAPPER.valueToTree(pairs.getFirst().types()));
            node.put("planned", reports.all().stream().mapToInt(r -> r.plan().size()).sum());
            ArrayNode all = node.putArray("pairs");
            for (PairResult pair : pairs) {
                ObjectNode p = all.addObject();
                p.put("pair", pair.pair());
                p.put("outcome", pair.outcome());
                p.put("durationMs", pair.durationMs());
                p.put("passes", pair.passes());
                p.put("planned", pair.planned());
                p.set("types", RecordJson.MAPPER.valueToTree(pair.types()));
            }
            out().println(RecordJson.MAPPER.writeValueAsString(node));
        } else {
            pairs.forEach(this::print);
            if (dryRun) {
                out().println(reports.all().stream().mapToInt(r -> r.plan().size()).sum()
                        + " action(s) planned; nothing was written.");
            } else {
                out().printf("Done in %.1f s.%n", durationMs / 1000.0);
            }
        }
        Optional<TypeReport> failed = pairs.stream().flatMap(p -> p.types().stream())
                .filter(t -> t.outcome() == TypeOutcome.FAILED).findFirst();
        if (failed.isPresent()) {
            spec.commandLine().getErr().println(failed.get().message().isEmpty() ? "The sync failed." : failed.get().message());
            return OutpostCommand.FAILED;
        }
        return store.sync().openConflicts(Optional.empty()).isEmpty() ? OutpostCommand.DONE : CONFLICTS_WAITING;
    }

    private static PairResult combined(List<SyncReport> passes) {
        Map<RecordType, TypeReport> types = new LinkedHashMap<>();
        for (SyncReport pass : passes) {
            for (TypeReport t : pass.types()) {
                types.merge(t.type(), t, SyncCommand::sum);
            }
        }
        return new PairResult(passes.getFirst().pair(), List.copyOf(types.values()),
                worst(passes.stream().map(SyncReport::outcome).toList()),
                passes.stream().mapToLong(r -> r.duration().toMillis()).sum(), passes.size(),
                passes.stream().mapToInt(r -> r.plan().size()).sum());
    }

    /** A type's two CRM passes as one: counts added; the later pass's outcome unless the first one failed. */
    private static TypeReport sum(TypeReport a, TypeReport b) {
        boolean firstWorse = a.outcome() == TypeOutcome.FAILED || a.outcome() == TypeOutcome.CANCELLED;
        TypeReport kept = firstWorse ? a : b;
        return new TypeReport(a.type(), kept.outcome(), a.pulledCreated() + b.pulledCreated(),
                a.pulledUpdated() + b.pulledUpdated(), a.pulledDeleted() + b.pulledDeleted(),
                a.pushedCreated() + b.pushedCreated(), a.pushedUpdated() + b.pushedUpdated(),
                a.pushedDeleted() + b.pushedDeleted(), a.merged() + b.merged(), a.conflicts() + b.conflicts(),
                a.issues() + b.issues(), b.pendingDeletes(), a.stoppedTracking() + b.stoppedTracking(), b.overLimit(),
                kept.message().isEmpty() ? a.message() : kept.message());
    }

    private static final List<String> SEVERITY = List.of("done", "conflicts", "needs-confirmation", "cancelled", "failed");

    private static String worst(List<String> outcomes) {
        return outcomes.stream().max(java.util.Comparator.comparingInt(SEVERITY::indexOf)).orElse("done");
    }

    private void print(PairResult pair) {
        out().println(pair.pair().equals("crm") ? "CRM" + (pair.passes() > 1 ? " (a second pass sent Outlook's changes on)" : "")
                : "Outlook");
        out().printf("  %-14s %-8s %-17s %-17s %6s %9s %6s%n", "TYPE", "RESULT", "PULLED (new/chg/del)",
                "PUSHED (new/chg/del)", "MERGED", "CONFLICTS", "ISSUES");
        for (TypeReport t : pair.types()) {
            out().printf("  %-14s %-8s %5d/%d/%-9d %5d/%d/%-9d %6d %9d %6d%n", t.type().plural(),
                    t.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'), t.pulledCreated(),
                    t.pulledUpdated(), t.pulledDeleted(), t.pushedCreated(), t.pushedUpdated(), t.pushedDeleted(),
                    t.merged(), t.conflicts(), t.issues());
            if (!t.message().isEmpty() && t.outcome() != TypeOutcome.FAILED) {
                out().println("    " + t.message());
            }
            // Never silently dropped: say what the pair's limit or a deletion there left out.
            if (t.overLimit() > 0) {
                out().printf("    %d %s not synced with %s: over the pair's limit (the closest and most recent go first)%n",
                        t.overLimit(), t.type().plural(), pair.pair().equals("crm") ? "the CRM" : "Outlook");
            }
            if (t.stoppedTracking() > 0) {
                out().printf("    %d %s deleted in %s: no longer synced there, kept here%n", t.stoppedTracking(),
                        t.type().plural(), pair.pair().equals("crm") ? "the CRM" : "Outlook");
            }
        }
    }
}
