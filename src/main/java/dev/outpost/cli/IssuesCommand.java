package dev.outpost.cli;

import java.util.List;
import java.util.Optional;

import dev.outpost.store.OfflineStore;
import dev.outpost.store.SyncIssue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "issues", description = "Lists records a sync could not handle, with the reason.")
final class IssuesCommand extends StoreCommand {

    @Option(names = "--json", description = "Print them as JSON.")
    boolean json;

    @Override
    int run(OfflineStore store) throws Exception {
        List<SyncIssue> open = store.sync().openIssues(Optional.empty());
        if (json) {
            out().println(RecordJson.MAPPER.writeValueAsString(open));
        } else if (open.isEmpty()) {
            out().println("No sync issues.");
        } else {
            for (SyncIssue issue : open) {
                out().printf("%d  %s %s (%d attempt%s): %s%n", issue.id(), issue.type().id(), issue.kind(), issue.attempts(),
                        issue.attempts() == 1 ? "" : "s", issue.reason());
            }
        }
        return OutpostCommand.DONE;
    }
}
