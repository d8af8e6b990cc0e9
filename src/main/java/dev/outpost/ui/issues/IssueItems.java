package dev.outpost.ui.issues;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.outpost.model.Record;
import dev.outpost.store.LocalRecord;
import dev.outpost.store.SyncIssue;
import dev.outpost.store.SyncStore;
import dev.outpost.ui.UiText;

/** Reads the open sync issues with their records and words them for the list; runs off the FX thread. */
public final class IssueItems {

    /** The kinds the engine records (see dev.outpost.sync): each has its own words; others read as a sync issue. */
    private static final Set<String> KINDS = Set.of("write-failed", "possible-duplicate", "unreadable-remote",
            "sharing-failed");

    private final SyncStore store;
    private final DateTimeFormatter first;
    private final DateTimeFormatter last;

    public IssueItems(SyncStore store, ZoneId zone) {
        this.store = store;
        this.first = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withZone(zone);
        this.last = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withZone(zone);
    }

    /** The open issues, oldest first. */
    public List<IssueItem> read() {
        List<SyncIssue> open = store.openIssues(Optional.empty());
        Map<String, LocalRecord> records = store.records(open.stream().map(SyncIssue::recordId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        List<IssueItem> items = new ArrayList<>();
        for (SyncIssue issue : open) {
            items.add(describe(issue, Optional.ofNullable(issue.recordId()).map(records::get).map(LocalRecord::record)));
        }
        return items;
    }

    IssueItem describe(SyncIssue issue, Optional<Record> record) {
        String kind = KINDS.contains(issue.kind()) ? issue.kind() : "other";
        String heading = record.map(r -> UiText.get("issues.record", r.title(), issue.type().label()))
                .orElse(UiText.get("issues.noRecord", issue.type().label()));
        String next = issue.skipped() ? UiText.get("issues.skipped") : UiText.get("issues.next." + kind);
        return new IssueItem(issue, record, heading, UiText.get("issues.kind." + kind), next, when(issue));
    }

    private String when(SyncIssue issue) {
        return UiText.get("issues.when", issue.attempts(), format(first, issue.firstAt()), format(last, issue.lastAt()));
    }

    private static String format(DateTimeFormatter format, Instant at) {
        return at == null ? "" : format.format(at);
    }
}
