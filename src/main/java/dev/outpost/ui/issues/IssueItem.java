package dev.outpost.ui.issues;

import java.util.Optional;

import dev.outpost.model.Record;
import dev.outpost.store.SyncIssue;

/**
 * One sync issue as the issues list shows it: the record it is about (when this computer has it), and its texts in
 * the user's words, all read off the FX thread.
 *
 * @param record   the local record, live or deleted; empty for a row the server holds that was never stored here
 * @param heading  "Anna Berg · Contact"
 * @param kind     "Not sent", "Possible duplicate", …
 * @param next     what happens next: "Your change stays on this computer and is tried again at every sync.", or the
 *                 skip's note
 * @param when     "First happened 21 Nov 10:42, 3 attempts, last 11:15"
 */
public record IssueItem(SyncIssue issue, Optional<Record> record, String heading, String kind, String next,
                        String when) {

    /** Whether <em>Show record</em> has a record to open: a live one here. */
    public boolean canShow() {
        return record.filter(r -> !r.deleted()).isPresent();
    }

    /** The whole row in one sentence, for screen readers. */
    public String accessibleText() {
        return dev.outpost.ui.UiText.get("issues.accessible", heading, kind, issue.reason() + " " + next + " " + when);
    }
}
