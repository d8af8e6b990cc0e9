package dev.outpost.sync;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.outpost.model.Field;
import dev.outpost.store.Link;
import dev.outpost.store.LocalRecord;
import dev.outpost.store.SyncIssue;

/**
 * The {@code unreadable-remote} issues of one type's run: raised for a row the endpoint holds but cannot be
 * read or stored, closed by itself once a later change of that row reads fine. Repeats count as attempts of
 * the same issue (the store matches an open issue by record, else by remote id), so a row that stays broken
 * is one issue however often it is pulled. Its local record is not pushed meanwhile: a conditional write
 * against a version this side cannot read would only fail, and the local edit waits to be merged instead.
 */
final class UnreadableIssues {

    private final TypeRun run;
    /** Remote id to the linked local record (null when none), read at first need: most runs meet none. */
    private Map<String, String> open;

    UnreadableIssues(TypeRun run) {
        this.run = run;
    }

    /** A row the endpoint could not read; the local copy and its link stay as they are. */
    void raise(Effects effects, RemoteChange.Unreadable row, Optional<Link> link, Optional<LocalRecord> local) {
        String field = run.type.field(row.field()).map(Field::label).orElse(row.field());
        String endpoint = run.pair.endpoint().name();
        String record = local.map(l -> "'" + l.record().title() + "'")
                .orElse(row.idKnown() ? "The " + run.type.id() + " " + row.remoteId() : "One " + run.type.id());
        String kept = local.isPresent() ? " The copy here stays as it was." : "";
        raise(effects, row.remoteId(), link, record + " cannot be read from " + endpoint + ": its field '" + field
                + "' is " + row.reason() + "." + kept + " Fix the value in " + endpoint
                + "; Outpost will pick it up at the next sync.");
    }

    /** A row that was read but cannot be stored; {@code reason} says why in plain words. */
    void raise(Effects effects, String remoteId, Optional<Link> link, String reason) {
        String recordId = link.map(Link::recordId).orElse(null);
        effects.also(() -> run.store.raiseIssue(run.pair.name(), run.type, recordId, remoteId,
                PullPhase.UNREADABLE_REMOTE, reason));
        open().put(remoteId, recordId);
        run.tally.issues++;
    }

    /** The row reads fine now: its open issue, if any, is settled. */
    void readable(Effects effects, String remoteId) {
        if (open().containsKey(remoteId)) {
            open.remove(remoteId);
            effects.also(() -> run.store.resolveIssues(run.pair.name(), remoteId, PullPhase.UNREADABLE_REMOTE,
                    "readable"));
        }
    }

    /** Whether the local record waits for its row to be readable again before it is pushed. */
    boolean holds(String recordId) {
        return open().containsValue(recordId);
    }

    private Map<String, String> open() {
        if (open == null) {
            open = new HashMap<>();
            for (SyncIssue issue : run.store.openIssues(Optional.of(run.pair.name()))) {
                if (issue.kind().equals(PullPhase.UNREADABLE_REMOTE) && issue.type() == run.type
                        && issue.remoteId() != null) {
                    open.put(issue.remoteId(), issue.recordId());
                }
            }
        }
        return open;
    }
}
