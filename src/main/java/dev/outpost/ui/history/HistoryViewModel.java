package dev.outpost.ui.history;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outpost.model.RecordType;
import dev.outpost.store.ConflictRow;
import dev.outpost.store.DecidedConflict;
import dev.outpost.store.LocalRecord;
import dev.outpost.store.SyncRun;
import dev.outpost.store.SyncStore;
import dev.outpost.ui.UiText;
import dev.outpost.ui.concurrent.BackgroundTasks;

/** The History view: the latest sync runs, newest first, each with what moved per type and direction. */
public final class HistoryViewModel {

    /** Enough for a few days of runs every 15 minutes; older ones stay in the store. */
    static final int SHOWN = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SyncStore store;
    private final BackgroundTasks tasks;
    private final ZoneId zone;
    private final ObservableList<HistoryRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public HistoryViewModel(SyncStore store, BackgroundTasks tasks, ZoneId zone) {
        this.store = store;
        this.tasks = tasks;
        this.zone = zone;
    }

    /** Reads the history again, in the background: the runs, and the conflicts decided between them. */
    public void refresh() {
        tasks.run(this::read, read -> {
                    rows.setAll(read);
                    problem.set("");
                }, failure -> problem.set(UiText.get("history.readFailed", failure.getMessage())));
    }

    private List<HistoryRow> read() {
        record Dated(java.time.Instant at, HistoryRow row) {
        }
        List<Dated> all = new ArrayList<>();
        store.latestRuns(SHOWN).stream().filter(run -> !run.dryRun()).forEach(run -> all.add(new Dated(run.startedAt(), row(run))));
        List<DecidedConflict> decided = store.decidedConflicts(SHOWN);
        // One read for the titles of all the decided records, not one per line.
        Map<String, LocalRecord> records = store.records(decided.stream().map(d -> d.conflict().recordId()).distinct().toList());
        decided.forEach(d -> all.add(new Dated(d.decidedAt(), row(d, Optional.ofNullable(records.get(d.conflict().recordId()))))));
        all.sort(java.util.Comparator.comparing(Dated::at).reversed());
        return all.stream().limit(SHOWN).map(Dated::row).toList();
    }

    /** A decision, as its own line between the runs: the user sees when and how each conflict was settled. */
    private HistoryRow row(DecidedConflict decided, Optional<LocalRecord> record) {
        ConflictRow conflict = decided.conflict();
        String title = record.map(local -> local.record().title()).orElseGet(() -> conflict
                .type().titleOf(conflict.localValues().or(conflict::remoteValues).orElse(conflict.baseValues())));
        String how = UiText.get("history.decision." + switch (decided.resolution()) {
            case "mine", "server", "merged", "both" -> decided.resolution();
            default -> "other";
        });
        return new HistoryRow(WHEN.format(decided.decidedAt().atZone(zone)),
                UiText.get("history.pair." + ("outlook".equals(conflict.pair()) ? "outlook" : "crm")), "",
                UiText.get("history.outcome.decided"), UiText.get("history.decisionLine", conflict.type().label(), title, how), "");
    }

    HistoryRow row(SyncRun run) {
        return new HistoryRow(WHEN.format(run.startedAt().atZone(zone)),
                UiText.get("history.pair." + ("outlook".equals(run.pair()) ? "outlook" : "crm")),
                took(Duration.ofMillis(run.durationMs())), UiText.get("history.outcome." + known(run.outcome())),
                changes(run.counts()), run.message() == null ? "" : run.message());
    }

    private static String known(String outcome) {
        return switch (outcome) {
            case "done", "conflicts", "failed", "cancelled" -> outcome;
            case "needs-confirmation" -> "confirm";
            default -> "other";
        };
    }

    private static String took(Duration duration) {
        long ms = duration.toMillis();
        return ms < 1000 ? UiText.get("history.ms", ms) : UiText.get("history.seconds", ms / 1000.0);
    }

    /** "contacts: 3 received, 1 sent; tasks: 1 conflict", from the run's per-type counts. */
    static String changes(String countsJson) {
        List<String> parts = new ArrayList<>();
        try {
            for (JsonNode type : JSON.readTree(countsJson == null ? "[]" : countsJson)) {
                int received = sum(type, "pulledCreated", "pulledUpdated", "pulledDeleted");
                int sent = sum(type, "pushedCreated", "pushedUpdated", "pushedDeleted");
                int conflicts = type.path("conflicts").asInt();
                int issues = type.path("issues").asInt();
                List<String> moved = new ArrayList<>();
                if (received > 0) {
                    moved.add(UiText.get("history.received", received));
                }
                if (sent > 0) {
                    moved.add(UiText.get("history.sent", sent));
                }
                if (conflicts > 0) {
                    moved.add(UiText.get("history.conflicts", conflicts));
                }
                if (issues > 0) {
                    moved.add(UiText.get("history.issues", issues));
                }
                if (!moved.isEmpty()) {
                    parts.add(label(type.path("type").asText()) + ": " + String.join(", ", moved));
                }
            }
        } catch (java.io.IOException e) {
            return UiText.get("history.countsUnreadable");
        }
        return parts.isEmpty() ? UiText.get("history.nothing") : String.join("; ", parts);
    }

    private static String label(String type) {
        try {
            return RecordType.parse(type).plural();
        } catch (IllegalArgumentException e) {
            return type;
        }
    }

    private static int sum(JsonNode node, String... fields) {
        int total = 0;
        for (String field : fields) {
            total += node.path(field).asInt();
        }
        return total;
    }

    public ObservableList<HistoryRow> rows() {
        return rows;
    }

    /** Why the history could not be read; empty when it could. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
