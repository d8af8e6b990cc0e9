package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/** A skipped sync issue in the store: kept across restarts, lifted by a new attempt, moved along by the sync's writes. */
class IssueSkipRowsTest extends OpenStoreTest {

    private Record anna;

    private SyncIssue raised() {
        anna = records.create(RecordType.CONTACT, Map.of("lastName", "Berg"));
        store.sync().raiseIssue("crm", RecordType.CONTACT, anna.id(), "r-1", "write-failed", "refused");
        return issue();
    }

    private SyncIssue issue() {
        return store.sync().openIssues(Optional.empty()).getFirst();
    }

    @Test
    void aSkipIsKeptAcrossARestart() {
        long id = raised().id();

        store.sync().markIssueSkipped(id, anna.rev());
        reopen();

        assertThat(issue().skippedRev()).isEqualTo(anna.rev());
        assertThat(store.sync().openIssue(id)).hasValueSatisfying(i -> assertThat(i.skipped()).isTrue());
    }

    @Test
    void aNewAttemptOfTheSameProblemLiftsTheSkip() {
        long id = raised().id();
        store.sync().markIssueSkipped(id, anna.rev());

        store.sync().raiseIssue("crm", RecordType.CONTACT, anna.id(), "r-1", "write-failed", "refused again");

        assertThat(issue().skipped()).isFalse();
        assertThat(issue().attempts()).isEqualTo(2);
    }

    @Test
    void keepSkippedMovesTheSkipToTheRecordsRevNow() {
        long id = raised().id();
        store.sync().markIssueSkipped(id, anna.rev());
        Record merged = records.update(anna.id(), Map.of("phone", "+47 1"));

        store.sync().keepSkipped("crm", anna.id());

        assertThat(issue().skippedRev()).isEqualTo(merged.rev());
    }

    @Test
    void keepSkippedLeavesAnIssueTheUserDidNotSkipAlone() {
        raised();

        store.sync().keepSkipped("crm", anna.id());

        assertThat(issue().skipped()).isFalse();
    }

    @Test
    void aClosedIssueIsNotOpenAndRemembersHowItWasClosed() {
        long id = raised().id();

        store.sync().resolveIssue(id, "keep-both");

        assertThat(store.sync().openIssue(id)).isEmpty();
        assertThat(store.sync().issueResolvedAs("crm", anna.id(), "write-failed", "keep-both")).isTrue();
        assertThat(store.sync().issueResolvedAs("crm", anna.id(), "write-failed", "sent")).isFalse();
    }

    @Test
    void aProfileFromBeforeSkipsOpensWithItsIssuesNotSkipped() {
        raised();
        whileClosed(p -> {
            StoreSql.run(p, "ALTER TABLE sync_issue DROP COLUMN skipped_rev");
            StoreSql.run(p, "DELETE FROM schema_version WHERE version >= 6");
        });

        assertThat(issue().skipped()).isFalse();
        store.sync().markIssueSkipped(issue().id(), 7L);
        assertThat(issue().skippedRev()).isEqualTo(7L);
    }
}
