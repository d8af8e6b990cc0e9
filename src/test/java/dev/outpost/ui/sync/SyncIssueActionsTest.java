package dev.outpost.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.ui.concurrent.SameThreadTasks;
import dev.outpost.ui.issues.IssueItem;

/** The sync issues list's Retry, Skip and Show record in the view model, on one thread. */
class SyncIssueActionsTest {

    @TempDir
    Path profile;

    private OfflineStore store;
    private final List<String> reported = new ArrayList<>();
    private final List<Record> shown = new ArrayList<>();
    private SyncViewModel model;
    private Record anna;

    @BeforeEach
    void open() {
        store = OfflineStore.open(new ProfileFolder(profile));
        anna = store.records().create(RecordType.CONTACT, Map.of("firstName", "Anna", "lastName", "Berg"));
        store.sync().raiseIssue("crm", RecordType.CONTACT, anna.id(), "r-1", "write-failed", "The CRM refused the change.");
        SyncConnection connection = new SyncConnection(new ProfileFolder(profile), Map.<String, String>of()::get, 10);
        model = new SyncViewModel(connection, store.sync(), new SameThreadTasks(), reported::add,
                Validation.inSystemZone(), ZoneOffset.UTC, Optional.empty());
        model.issueActions().setOnShowRecord(shown::add);
        model.start();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private IssueItem item() {
        assertThat(model.issueActions().items()).hasSize(1);
        return model.issueActions().items().getFirst();
    }

    @Test
    void theListShowsEachIssueWithItsRecord() {
        assertThat(item().heading()).isEqualTo("Anna Berg \u00b7 Contact");
        assertThat(item().record()).contains(anna);
    }

    @Test
    void skipMarksTheIssueSkippedAndKeepsItListed() {
        model.issueActions().skip(item());

        assertThat(item().issue().skipped()).isTrue();
        assertThat(model.issueCountProperty().get()).isEqualTo(1);
    }

    @Test
    void retryLiftsASkip() {
        model.issueActions().skip(item());

        model.issueActions().retry(item());

        assertThat(item().issue().skipped()).isFalse();
        assertThat(reported).isEmpty();
    }

    @Test
    void showRecordHandsTheRecordToTheWindow() {
        model.issueActions().show(item());

        assertThat(shown).containsExactly(anna);
    }

    @Test
    void showRecordOfARecordDeletedSinceShowsNothing() {
        IssueItem stale = item();
        store.records().delete(anna.id());

        model.issueActions().show(stale);

        assertThat(shown).isEmpty();
        assertThat(reported).isEmpty();
    }

    @Test
    void retryOfAnIssueTheSyncSettledMeanwhileSaysSoAndTheListCatchesUp() {
        IssueItem stale = item();
        store.sync().resolveIssue(stale.issue().id(), "sent");

        model.issueActions().retry(stale);

        assertThat(reported).singleElement().asString().contains("not open any more");
        assertThat(model.issueActions().items()).isEmpty();
    }

    @Test
    void skipOfAnIssueTheSyncSettledMeanwhileSaysSoAndTheListCatchesUp() {
        IssueItem stale = item();
        store.sync().resolveIssue(stale.issue().id(), "sent");

        model.issueActions().skip(stale);

        assertThat(reported).singleElement().asString().contains("not open any more");
        assertThat(model.issueActions().items()).isEmpty();
    }
}
