package dev.outpost.ui.sync;

import java.util.List;
import java.util.Optional;

import dev.outpost.model.RecordType;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.Endpoint;
import dev.outpost.sync.ForwardingEndpoint;
import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.WriteOutcome;

/**
 * An endpoint that tells the progress which type the engine works on and how many records moved: the
 * engine's step observer says that a page or a batch went by, not of which type.
 */
final class ObservedEndpoint extends ForwardingEndpoint {

    private final SyncProgress progress;
    private final Runnable changed;

    ObservedEndpoint(Endpoint inner, SyncProgress progress, Runnable changed) {
        super(inner);
        this.progress = progress;
        this.changed = changed;
    }

    @Override
    public ChangePage changes(RecordType type, Optional<String> from) {
        progress.working(inner.name(), type);
        changed.run();
        ChangePage page = inner.changes(type, from);
        progress.received(type, page.changes().size());
        changed.run();
        return page;
    }

    @Override
    public List<WriteOutcome> write(RecordType type, List<RemoteWrite> batch) {
        progress.working(type);
        changed.run();
        List<WriteOutcome> outcomes = inner.write(type, batch);
        progress.sent(type, batch.size());
        changed.run();
        return outcomes;
    }
}
