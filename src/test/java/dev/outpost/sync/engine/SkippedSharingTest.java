package dev.outpost.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.SyncIssue;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.IssueResolver;
import dev.outpost.sync.MassDeleteGuard;
import dev.outpost.sync.OutlookPairRules;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;
import dev.outpost.sync.memory.MemoryEndpoint;

/** Skip and Retry on a refused change of Outlook's sharing category: the same promises as for a refused write. */
class SkippedSharingTest {

    @TempDir
    Path profile;

    private OfflineStore store;
    private MemoryEndpoint outlook;

    @BeforeEach
    void open() {
        store = OfflineStore.open(new ProfileFolder(profile));
        outlook = new MemoryEndpoint("Outlook");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void syncOutlook() {
        new SyncEngine(store.sync()).run(new SyncPair("outlook", outlook, ConflictPolicy.SERVER_WINS,
                List.of(RecordType.CONTACT), MassDeleteGuard.DEFAULT, OutlookPairRules.rules(5000)), RunOptions.normal());
    }

    private SyncIssue onlyIssue() {
        assertThat(store.sync().openIssues(Optional.empty())).hasSize(1);
        return store.sync().openIssues(Optional.empty()).getFirst();
    }

    /** A contact taken out of Outlook's sync whose category the mailbox refused to take off. */
    private void refusedRelease() {
        Record contact = store.records().create(RecordType.CONTACT, Map.of("lastName", "Berg", "private", "false"));
        syncOutlook();
        store.sync().untrack("outlook", contact.id());
        outlook.refuseSharing("the mailbox is read-only");
        syncOutlook();
        assertThat(onlyIssue().kind()).isEqualTo("sharing-failed");
        outlook.refuseSharing("");
    }

    @Test
    void aSkippedReleaseIsNotAskedAgainAndStaysListed() {
        refusedRelease();

        new IssueResolver(store.sync()).skip(onlyIssue().id());
        syncOutlook();

        assertThat(outlook.sharingCalls()).hasSize(1); // only the refused one
        assertThat(onlyIssue().skipped()).isTrue();
    }

    @Test
    void retryAfterSkipAsksAgainAndSettlesTheIssue() {
        refusedRelease();
        new IssueResolver(store.sync()).skip(onlyIssue().id());
        syncOutlook();

        new IssueResolver(store.sync()).retry(onlyIssue().id());
        syncOutlook();

        assertThat(outlook.sharingCalls()).hasSize(2);
        assertThat(store.sync().openIssues(Optional.empty())).isEmpty();
    }
}
