package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.outpost.model.RecordType;

/** Sync issues: one per open problem, counted per attempt, closed by record or remote id. */
class SyncIssueRowsTest extends OpenStoreTest {

    private static final String UNREADABLE = "unreadable-remote";

    @Test
    void theSameOpenProblemRaisedAgainCountsAnAttemptAndKeepsTheLatestReason() {
        store.sync().raiseIssue("crm", RecordType.CONTACT, null, "remote-1", UNREADABLE, "first");
        store.sync().raiseIssue("crm", RecordType.CONTACT, null, "remote-1", UNREADABLE, "second");

        assertThat(store.sync().openIssues(Optional.empty())).singleElement().satisfies(issue -> {
            assertThat(issue.attempts()).isEqualTo(2);
            assertThat(issue.reason()).isEqualTo("second");
        });
    }

    @Test
    void theSameRemoteIdOfTwoTypesIsTwoProblems() {
        store.sync().raiseIssue("crm", RecordType.CONTACT, null, "(unknown)", UNREADABLE, "a contact");
        store.sync().raiseIssue("crm", RecordType.ACCOUNT, null, "(unknown)", UNREADABLE, "an account");

        assertThat(store.sync().openIssues(Optional.empty())).extracting(SyncIssue::type)
                .containsExactly(RecordType.CONTACT, RecordType.ACCOUNT);
    }

    @Test
    void resolvingByRemoteIdClosesTheIssueOfALinkedRecord() {
        store.sync().raiseIssue("crm", RecordType.CONTACT, "record-1", "remote-1", UNREADABLE, "unreadable");

        store.sync().resolveIssues("crm", "remote-1", UNREADABLE, "readable");

        assertThat(store.sync().openIssues(Optional.empty())).isEmpty();
    }
}
