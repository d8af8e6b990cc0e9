package dev.outpost.sync;

import java.util.ArrayList;
import java.util.List;

import dev.outpost.store.Link;
import dev.outpost.store.PendingRecord;
import dev.outpost.store.PendingScan;

/**
 * The push phase of a one-way type ({@link PairRules#pullOnly()}): sends nothing, and brings the pair's links
 * level with the local records so local edits are not pending for the pair. An edit stays in the link's base
 * as the endpoint's values, so the endpoint's next change still merges with it field by field. A record deleted
 * here is untracked for the pair: the copy there stays, and its later changes are not taken back in.
 */
final class PullOnlyCatchUp {

    private final TypeRun run;

    PullOnlyCatchUp(TypeRun run) {
        this.run = run;
    }

    void run() {
        if (run.options.dryRun()) {
            return;
        }
        run.refreshHeld();
        PendingScan scan = run.store.pending(run.pair.name(), run.type, run.state.syncedRevs());
        List<Link> caughtUp = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (PendingRecord pending : scan.records()) {
            String id = pending.local().record().id();
            if (pending.link().isEmpty()) {
                continue; // never came from the endpoint: a one-way type is never created there
            }
            if (run.held.containsKey(id)) {
                waiting.add(id);
            } else if (pending.local().record().deleted()) {
                deleted.add(id);
            } else {
                Link link = pending.link().get();
                caughtUp.add(link.withVersion(link.remoteVersion(), link.base(), pending.local().record().rev()));
            }
        }
        run.store.inTransaction(() -> {
            run.store.putLinks(run.type, caughtUp);
            deleted.forEach(id -> run.store.untrack(run.pair.name(), id));
            run.store.markPushed(run.pair.name(), run.type, scan.scannedRev(), waiting);
        });
    }
}
