package dev.outpost.ui.sync;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.outpost.model.RecordType;
import dev.outpost.outlook.OutlookPair;
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

    /**
     * The CRM's part of the last run: its CRM pass, or when Outlook's changes were sent on in a second CRM pass, the
     * worse of the two (a second pass that went well must not hide a type the first one failed).
     *
     * @param latestFirst the history, latest run first, dry runs left out
     */
    static Optional<SyncRun> crmOfLastRound(List<SyncRun> latestFirst) {
        List<SyncRun> crm = latestFirst.stream().filter(r -> r.pair().equals(SyncConnection.PAIR)).toList();
        if (crm.isEmpty()) {
            return Optional.empty();
        }
        SyncRun last = crm.getFirst();
        int at = latestFirst.indexOf(last);
        boolean secondPass = crm.size() > 1 && at + 2 < latestFirst.size()
                && latestFirst.get(at + 1).pair().equals(OutlookPair.NAME) && latestFirst.get(at + 2) == crm.get(1);
        if (secondPass && SEVERITY.indexOf(crm.get(1).outcome()) > SEVERITY.indexOf(last.outcome())) {
            return Optional.of(crm.get(1));
        }
        return Optional.of(last);
    }

    private static final List<String> SEVERITY = List.of("done", "conflicts", "needs-confirmation", "cancelled", "failed");

    /** "Outlook: 10:42", "Outlook: 10:42 — failed: reason" or "Outlook: not synced yet": the mailbox pair's last run. */
    static String outlook(Optional<SyncRun> run, ZoneId zone) {
        if (run.isEmpty()) {
            return UiText.get("sync.outlook.never");
        }
        String time = TIME.format(run.get().startedAt().atZone(zone));
        return "failed".equals(run.get().outcome())
                ? UiText.get("sync.outlook.failed", time, run.get().message().isBlank()
                        ? UiText.get("sync.result.unknownFailure") : run.get().message())
                : UiText.get("sync.outlook.last", time);
    }

    /** "Outlook: 12 over the limit", or empty when the limit leaves nothing out. */
    static String overLimit(Map<RecordType, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return total == 0 ? "" : UiText.get("sync.outlook.overLimit", total);
    }

    /** The tooltip: the limit, what it left out per type, that nothing is deleted, and how to send one anyway. */
    static String overLimitHelp(Map<RecordType, Integer> counts, int limit) {
        if (counts.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            return "";
        }
        String perType = counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> UiText.get("sync.outlook.overLimitType", e.getValue(),
                        e.getKey().label().toLowerCase(Locale.ROOT), e.getKey().pluralLabel().toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(", "));
        return UiText.get("sync.outlook.overLimitHelp", limit, perType);
    }

    /** Whether the last run reached the server: a failed run means the window works offline. */
    static boolean reachedServer(Optional<SyncRun> run) {
        return run.map(r -> !"failed".equals(r.outcome())).orElse(true);
    }
}
