package dev.outpost.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import dev.outpost.ui.settings.Theme;

/** The window's state: counts, the pending-changes line, delete and undo. */
class MainWindowViewModelTest {

    @TempDir
    Path profile;

    private OfflineStore store;
    private final List<String> errors = new ArrayList<>();
    private MainWindowViewModel window;

    @BeforeEach
    void openStore() {
        store = OfflineStore.open(new ProfileFolder(profile));
        window = new MainWindowViewModel(store.records(), new SameThreadTasks(), errors::add,
                Validation.inSystemZone(), RecordType.CONTACT, Theme.LIGHT);
        window.start();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void anEmptyStoreHasNoChangesWaiting() {
        assertThat(window.pendingChangesProperty().get()).isZero();
        assertThat(window.pendingTextProperty().get()).isEqualTo("No local changes waiting to sync");
        assertThat(window.countTextProperty().get()).isEqualTo("No contacts");
    }

    @Test
    void eachSavedRecordAddsAPendingChangeAndCountsInTheStatus() {
        createContact("Lovelace");
        createContact("Hopper");

        assertThat(window.pendingChangesProperty().get()).isEqualTo(2);
        assertThat(window.pendingTextProperty().get()).isEqualTo("2 local changes not yet synced");
        assertThat(window.countTextProperty().get()).isEqualTo("2 contacts");
        assertThat(window.countProperty(RecordType.CONTACT).get()).isEqualTo(2);
        assertThat(window.list().records()).hasSize(2);
    }

    @Test
    void oneChangeIsWordedInTheSingular() {
        createContact("Lovelace");

        assertThat(window.pendingTextProperty().get()).isEqualTo("1 local change not yet synced");
        assertThat(window.countTextProperty().get()).isEqualTo("1 contact");
    }

    @Test
    void deletingOffersUndoAndUndoBringsTheRecordBack() {
        Record ada = createContact("Lovelace");
        window.open(ada);

        assertThat(window.delete()).isTrue();

        assertThat(window.list().records()).isEmpty();
        assertThat(window.undoTextProperty().get()).isEqualTo("Deleted 'Lovelace'.");
        assertThat(window.lastDeletedProperty().get()).isNotNull();
        assertThat(window.form().isOpen()).isFalse();
        // Created and deleted before any sync: nothing to send.
        assertThat(window.pendingChangesProperty().get()).isZero();

        assertThat(window.undoDelete()).isTrue();

        assertThat(window.list().records()).extracting(Record::id).containsExactly(ada.id());
        assertThat(window.form().editingProperty().get().id()).isEqualTo(ada.id());
        assertThat(window.lastDeletedProperty().get()).isNull();
        assertThat(window.pendingChangesProperty().get()).isEqualTo(1);
        assertThat(errors).isEmpty();
    }

    @Test
    void undoWithNothingDeletedDoesNothing() {
        assertThat(window.undoDelete()).isFalse();
    }

    @Test
    void showingAnotherTypeClosesTheFormAndCountsThatType() {
        createContact("Lovelace");
        window.showType(RecordType.ACCOUNT);

        assertThat(window.form().isOpen()).isFalse();
        assertThat(window.countTextProperty().get()).isEqualTo("No accounts");
        assertThat(window.list().emptyMessageProperty().get()).isEqualTo("No accounts yet. Press Ctrl+N to create one.");
    }

    private Record createContact(String lastName) {
        window.newRecord();
        window.form().field("lastName").orElseThrow().setText(lastName);
        assertThat(window.save()).isTrue();
        return window.form().editingProperty().get();
    }
}
