package dev.outpost.ui.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.IssueResolver;

/** How the issues list words each issue: the record and type, what happens next, when, and whether it can be shown. */
class IssueItemsTest {

    @TempDir
    Path profile;

    private OfflineStore store;

    @BeforeEach
    void open() {
        store = OfflineStore.open(new ProfileFolder(profile));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private IssueItem only() {
        var items = new IssueItems(store.sync(), ZoneOffset.UTC).read();
        assertThat(items).hasSize(1);
        return items.getFirst();
    }

    private Record refused() {
        Record anna = store.records().create(RecordType.CONTACT, Map.of("firstName", "Anna", "lastName", "Berg"));
        store.sync().raiseIssue("crm", RecordType.CONTACT, anna.id(), "r-1", "write-failed", "The CRM refused the change.");
        return anna;
    }

    @Test
    void aRefusedChangeNamesItsRecordAndSaysItIsTriedAgain() {
        refused();

        IssueItem item = only();

        assertThat(item.heading()).isEqualTo("Anna Berg \u00b7 Contact");
        assertThat(item.kind()).isEqualTo("Not sent");
        assertThat(item.next()).isEqualTo("Your change stays on this computer and is tried again at every sync.");
        assertThat(item.when()).startsWith("First happened ").doesNotContain("attempts");
        assertThat(item.canShow()).isTrue();
        assertThat(item.accessibleText()).contains("Anna Berg").contains("Not sent").contains("refused");
    }

    @Test
    void repeatedAttemptsAreCountedWithTheLastTime() {
        Record anna = refused();
        store.sync().raiseIssue("crm", RecordType.CONTACT, anna.id(), "r-1", "write-failed", "The CRM refused it again.");

        assertThat(only().when()).contains("2 attempts, last ");
    }

    @Test
    void aSkippedIssueSaysTheChangeIsKeptHereAndNotSent() {
        refused();
        new IssueResolver(store.sync()).skip(only().issue().id());

        assertThat(only().next()).startsWith("Skipped: not sent. Your change stays on this computer");
    }

    @Test
    void aRowNeverStoredHereHasNoRecordToShow() {
        store.sync().raiseIssue("crm", RecordType.ACCOUNT, null, "r-9", "unreadable-remote", "Cannot be read.");

        IssueItem item = only();

        assertThat(item.heading()).isEqualTo("Account not on this computer");
        assertThat(item.kind()).isEqualTo("Cannot be read");
        assertThat(item.record()).isEmpty();
        assertThat(item.canShow()).isFalse();
    }

    @Test
    void aRecordDeletedHereIsNamedButCannotBeShown() {
        Record anna = refused();
        store.records().delete(anna.id());

        IssueItem item = only();

        assertThat(item.heading()).startsWith("Anna Berg");
        assertThat(item.canShow()).isFalse();
    }

    @Test
    void anUnknownKindReadsAsASyncIssue() {
        store.sync().raiseIssue("crm", RecordType.TASK, null, "r-2", "something-new", "Something new happened.");

        assertThat(only().kind()).isEqualTo("Sync issue");
        assertThat(only().next()).isEqualTo("It is tried again at every sync.");
    }
}
