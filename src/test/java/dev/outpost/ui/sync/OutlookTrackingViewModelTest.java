package dev.outpost.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.beans.property.SimpleBooleanProperty;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.outlook.OutlookPair;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.ui.concurrent.SameThreadTasks;
import dev.outpost.ui.sync.OutlookTrackingViewModel.State;

/** The editor's Outlook line, on one thread, over a real store. */
class OutlookTrackingViewModelTest {

    @TempDir
    Path profile;

    private OfflineStore store;
    private final List<String> reported = new ArrayList<>();
    private final SimpleBooleanProperty mailbox = new SimpleBooleanProperty(true);
    private OutlookTrackingViewModel model;
    private Record contact;

    @BeforeEach
    void open() {
        store = OfflineStore.open(new ProfileFolder(profile));
        contact = store.records().create(RecordType.CONTACT, Map.of("firstName", "Grace", "lastName", "Hopper"));
        model = new OutlookTrackingViewModel(store.sync(), new SameThreadTasks(), new SameThreadTasks(), reported::add,
                mailbox, new SimpleBooleanProperty(false));
    }

    @AfterEach
    void close() {
        store.close();
        assertThat(reported).isEmpty();
    }

    @Test
    void aContactIsSyncedWithOutlookUntilTheUserSaysOtherwise() {
        model.show(contact);

        assertThat(model.stateProperty().get()).isEqualTo(State.SYNCED);
        assertThat(model.stateTextProperty().get()).isEqualTo("Synced with Outlook");
        assertThat(model.actionTextProperty().get()).isEqualTo("Stop syncing with Outlook");
        assertThat(model.actionHelpProperty().get()).contains("this contact").contains("Nothing is deleted");
        assertThat(model.noteTextProperty().get()).isEmpty();
    }

    @Test
    void stopSyncingSaysSoUntilTheNextSyncHasRun() {
        model.show(contact);

        model.toggle();

        assertThat(store.sync().tracked(OutlookPair.NAME, contact.id())).isFalse();
        assertThat(model.stateTextProperty().get()).isEqualTo("Not synced with Outlook");
        assertThat(model.noteTextProperty().get()).isEqualTo("Outlook gets this change at the next sync.");
        model.show(null);
        model.show(contact);
        assertThat(model.noteTextProperty().get()).as("back on the record before a sync")
                .isEqualTo("Outlook gets this change at the next sync.");

        model.synced();

        assertThat(model.noteTextProperty().get()).isEmpty();
        assertThat(model.stateProperty().get()).isEqualTo(State.NOT_SYNCED);
    }

    @Test
    void aRecordTheLimitLeftOutOffersToSyncItFirst() {
        store.sync().limitPush(OutlookPair.NAME, Map.of(contact.id(), RecordType.CONTACT));
        model.show(contact);
        assertThat(model.stateProperty().get()).isEqualTo(State.OVER_LIMIT);
        assertThat(model.actionTextProperty().get()).isEqualTo("Sync with Outlook");

        model.toggle();

        assertThat(model.stateProperty().get()).as("it ranks first at the next sync").isEqualTo(State.SYNCED);
        model.show(null);
        model.show(contact);
        assertThat(model.stateProperty().get()).isEqualTo(State.SYNCED);
    }

    @Test
    void afterASyncTheLineSaysWhatTheLimitDecided() {
        store.sync().limitPush(OutlookPair.NAME, Map.of(contact.id(), RecordType.CONTACT));
        model.show(contact);
        model.toggle();

        model.synced(); // a sync that still left it out (more records tracked than Outlook keeps)

        assertThat(model.stateProperty().get()).isEqualTo(State.OVER_LIMIT);
    }

    @Test
    void accountsOpportunitiesEmailsAndNewRecordsHaveNoLine() {
        Record account = store.records().create(RecordType.ACCOUNT, Map.of("name", "Contoso"));
        model.show(contact);

        model.show(account);
        assertThat(model.shownProperty().get()).isFalse();
        model.show(null);
        assertThat(model.shownProperty().get()).isFalse();
        assertThat(OutlookTrackingViewModel.TYPES)
                .containsExactlyInAnyOrder(RecordType.CONTACT, RecordType.TASK, RecordType.APPOINTMENT);
    }

    @Test
    void theLineAppearsOnceAMailboxIsConnected() {
        mailbox.set(false);
        model.show(contact);
        assertThat(model.shownProperty().get()).isFalse();

        mailbox.set(true);

        assertThat(model.shownProperty().get()).isTrue();
        assertThat(model.stateProperty().get()).isEqualTo(State.SYNCED);
    }

    @Test
    void theOverLimitCountSaysHowManyPerTypeAndThatNothingIsDeleted() {
        Map<RecordType, Integer> counts = Map.of(RecordType.TASK, 4, RecordType.CONTACT, 8, RecordType.APPOINTMENT, 1);

        assertThat(SyncStatusText.overLimit(counts)).isEqualTo("Outlook: 13 over the limit");
        assertThat(SyncStatusText.overLimitHelp(counts, 5000)).contains("at most 5,000")
                .contains("8 contacts, 4 tasks, 1 appointment").contains("Nothing is deleted");
        assertThat(SyncStatusText.overLimit(Map.of())).isEmpty();
    }
}
