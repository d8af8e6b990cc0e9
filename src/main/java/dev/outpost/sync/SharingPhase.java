package dev.outpost.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import dev.outpost.model.RecordType;
import dev.outpost.store.Link;

/**
 * After a type's push, tells the endpoint which records the user stopped or started tracking since: an untracked
 * record's copy there is released (Outlook: the category "Shared with CRM" comes off; nothing is deleted), and a
 * record tracked again after that is claimed (the category goes back). Each is recorded only once the endpoint
 * answered, in batches: both are harmless to repeat, so a crash in between costs one more request, never a wrong
 * state. A refusal is a sync issue, and the record is tried again at the next run.
 */
final class SharingPhase {

    static final String SHARING_FAILED = "sharing-failed";

    private final TypeRun run;

    SharingPhase(TypeRun run) {
        this.run = run;
    }

    void run() {
        if (run.options.dryRun() || run.pullOnly) {
            return;
        }
        String pair = run.pair.name();
        send(notSkipped(run.store.toRelease(pair, run.type)), run.pair.endpoint()::release, true,
                "could not be taken out of the records shared with this computer");
        send(notSkipped(run.store.toClaim(pair, run.type)), run.pair.endpoint()::claim, false,
                "could not be shared with this computer again");
    }

    /** Leaves out the records whose refused category change the user skipped (see {@link IssueResolver}). */
    private List<Link> notSkipped(List<Link> links) {
        return run.skippedSharing.isEmpty() ? links
                : links.stream().filter(l -> !run.skippedSharing.contains(l.recordId())).toList();
    }

    private void send(List<Link> links, BiFunction<RecordType, List<String>, List<WriteOutcome>> call,
                      boolean released, String problem) {
        int size = Math.max(1, run.pair.endpoint().batchSize());
        for (int from = 0; from < links.size(); from += size) {
            if (run.cancelled()) {
                return;
            }
            List<Link> batch = links.subList(from, Math.min(links.size(), from + size));
            List<WriteOutcome> outcomes = call.apply(run.type, batch.stream().map(Link::remoteId).toList());
            if (outcomes.size() != batch.size()) {
                throw new EndpointException(run.pair.endpoint().name() + " answered " + outcomes.size() + " of "
                        + batch.size() + " requests; the rest is asked again at the next sync.");
            }
            List<String> done = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Link link = batch.get(i);
                switch (outcomes.get(i)) {
                    case WriteOutcome.Written w -> done.add(link.recordId());
                    case WriteOutcome.RemoteGone g -> done.add(link.recordId()); // gone there: nothing left to share
                    case WriteOutcome.Deleted d -> done.add(link.recordId());
                    case WriteOutcome.RemoteChanged c -> {
                        // changed there meanwhile: asked again at the next sync
                    }
                    case WriteOutcome.Failed f -> {
                        run.store.raiseIssue(run.pair.name(), run.type, link.recordId(), link.remoteId(), SHARING_FAILED,
                                "The " + run.type.id() + " in " + run.pair.endpoint().name() + " " + problem + ": "
                                        + sentence(f.reason()) + " It is tried again at the next sync.");
                        run.tally.issues++;
                    }
                }
            }
            if (!done.isEmpty()) {
                run.store.inTransaction(() -> {
                    run.store.markReleased(run.pair.name(), done, released);
                    done.forEach(id -> run.store.resolveIssues(run.pair.name(), id, SHARING_FAILED, "done"));
                });
            }
        }
    }

    private static String sentence(String reason) {
        String trimmed = reason.strip();
        return trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?") ? trimmed : trimmed + ".";
    }
}
