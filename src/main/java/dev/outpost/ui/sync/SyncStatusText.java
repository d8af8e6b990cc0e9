package dev.outpost.ui.sync;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import dev.outpost.store.SyncRun;
import dev.outpost.ui.UiText;

/** The status bar's words for the last sync, from the run the engine kept in the history. */
final class SyncStatusText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private SyncStatusText() {
    }

    /** "Last sync: 10:42 — done", "… — 2 conflicts", "… — failed: reason", or "Not synced yet". */
    static String lastSync(Optional<SyncRun> run, int openConflicts, ZoneId zone) {
        if (run.isEmpty()) {
            return UiText.get("sync.never");
        }
        SyncRun last = run.get();
        String time = TIME.format(last.startedAt().atZone(zone));
        String result = switch (last.outcome()) {
            case "failed" -> UiText.get("sync.result.failed", last.message().isBlank()
                    ? UiText.get("sync.result.unknownFailure") : last.message());
            case "cancelled" -> UiText.get("sync.result.cancelled");
            case "needs-confirmation" -> UiText.get("sync.result.needsConfirmation");
            default -> openConflicts > 0 ? UiText.get("sync.result.conflicts", openConflicts) : UiText.get("sync.result.done");
        };
        return UiText.get("sync.last", time, result);
    }

    /** Whether the last run reached the server: a failed run means the window works offline. */
    static boolean reachedServer(Optional<SyncRun> run) {
        return run.map(r -> !"failed".equals(r.outcome())).orElse(true);
    }
}
