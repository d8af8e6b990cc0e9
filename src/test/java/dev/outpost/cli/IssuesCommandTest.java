package dev.outpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.SyncIssue;

/** {@code outpost issues retry ID} and {@code skip ID}: the same choices as the window's sync issues list. */
class IssuesCommandTest {

    @TempDir
    Path profile;

    private long refusedIssue() {
        try (OfflineStore store = OfflineStore.open(new ProfileFolder(profile))) {
            String id = store.records().create(RecordType.CONTACT, java.util.Map.of("lastName", "Berg")).id();
            store.sync().raiseIssue("crm", RecordType.CONTACT, id, null, "write-failed", "The CRM refused the change.");
            return store.sync().openIssues(Optional.empty()).getFirst().id();
        }
    }

    private SyncIssue issue() {
        try (OfflineStore store = OfflineStore.open(new ProfileFolder(profile))) {
            return store.sync().openIssues(Optional.empty()).getFirst();
        }
    }

    @Test
    void skipMarksTheIssueSkippedAndTheListSaysSo() {
        long id = refusedIssue();

        CliRun skip = CliRun.run(profile, "issues", "skip", Long.toString(id));

        assertThat(skip.exitCode).as(skip.err).isZero();
        assertThat(skip.out).contains("skipped").contains("stays on this computer");
        assertThat(issue().skipped()).isTrue();
        assertThat(CliRun.run(profile, "issues").out).contains("1 attempt, skipped");
    }

    @Test
    void retryLiftsTheSkip() {
        long id = refusedIssue();
        CliRun.run(profile, "issues", "skip", Long.toString(id));

        CliRun retry = CliRun.run(profile, "issues", "retry", Long.toString(id));

        assertThat(retry.exitCode).as(retry.err).isZero();
        assertThat(retry.out).contains("tried again at the next sync");
        assertThat(issue().skipped()).isFalse();
    }

    @Test
    void anIssueThatIsNotOpenIsAnErrorThatSaysWhereToLook() {
        refusedIssue();

        CliRun retry = CliRun.run(profile, "issues", "retry", "999");

        assertThat(retry.exitCode).isEqualTo(1);
        assertThat(retry.err).contains("not open any more").contains("outpost issues");
    }

    @Test
    void anActionWithoutAnIdIsAUsageError() {
        CliRun skip = CliRun.run(profile, "issues", "skip");

        assertThat(skip.exitCode).isEqualTo(2);
        assertThat(skip.err).contains("outpost issues skip ID");
    }
}
