package dev.outpost.cli;

import java.util.List;
import java.util.Optional;

import dev.outpost.store.OfflineStore;
import dev.outpost.store.SyncIssue;
import dev.outpost.sync.IssueResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "issues", description = {"Lists records a sync could not handle, with the reason.",
        "  issues retry ID   tries the record again at the next sync (a possible duplicate: sends it, keeping both)",
        "  issues skip ID    stops sending the record's change; it stays here, listed as skipped, until you edit "
                + "the record or retry it"})
final class IssuesCommand extends StoreCommand {

    enum Action { retry, skip }

    @Option(names = "--json", description = "Print them as JSON.")
    boolean json;

    @Parameters(index = "0", arity = "0..1", paramLabel = "retry|skip", description = "What to do with one issue.")
    Action action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "The issue's number, from 'outpost issues'.")
    Long id;

    @Override
    int run(OfflineStore store) throws Exception {
        if (action != null) {
            return decide(store);
        }
        List<SyncIssue> open = store.sync().openIssues(Optional.empty());
        if (json) {
            out().println(RecordJson.MAPPER.writeValueAsString(open));
        } else if (open.isEmpty()) {
            out().println("No sync issues.");
        } else {
            for (SyncIssue issue : open) {
                out().printf("%d  %s %s (%d attempt%s%s): %s%n", issue.id(), issue.type().id(), issue.kind(), issue.attempts(),
                        issue.attempts() == 1 ? "" : "s", issue.skipped() ? ", skipped" : "", issue.reason());
            }
        }
        return OutpostCommand.DONE;
    }

    private int decide(OfflineStore store) {
        if (id == null) {
            throw new ParameterException(spec.commandLine(), "Say which issue: outpost issues " + action
                    + " ID (the number from 'outpost issues').");
        }
        IssueResolver resolver = new IssueResolver(store.sync());
        switch (action) {
            case retry -> {
                resolver.retry(id);
                out().println("Issue " + id + ": the record is tried again at the next sync (outpost sync).");
            }
            case skip -> {
                resolver.skip(id);
                out().println("Issue " + id + " skipped: the change stays on this computer and is not sent; it stays "
                        + "listed. Edit the record, or run 'outpost issues retry " + id + "', to send it.");
            }
        }
        return OutpostCommand.DONE;
    }
}
