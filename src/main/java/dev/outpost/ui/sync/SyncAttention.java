package dev.outpost.ui.sync;

import dev.outpost.ui.UiText;

/**
 * What a sync left for the user that was not there before: new conflicts and new sync issues. The window tells
 * the user once per sync that made some, never after a clean sync, never twice for the same ones.
 *
 * @param conflicts conflicts this sync recorded
 * @param issues    sync issues this sync recorded
 */
public record SyncAttention(int conflicts, int issues) {

    /** "2 conflicts need your decision", "1 sync issue needs a look", or both in one sentence. */
    public String text() {
        if (issues == 0) {
            return UiText.get("everyday.attention.conflicts", conflicts);
        }
        if (conflicts == 0) {
            return UiText.get("everyday.attention.issues", issues);
        }
        return UiText.get("everyday.attention.both", conflicts, issues);
    }

    /** Whether <em>Show</em> opens the sync issues rather than the conflicts. */
    public boolean showsIssues() {
        return conflicts == 0;
    }
}
