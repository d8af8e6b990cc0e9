package dev.outpost.ui.records;

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
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.ui.concurrent.SameThreadTasks;

/** The list shows the records of one type that match every word of the search. */
class RecordListViewModelTest {

    @TempDir
    Path profile;

    private OfflineStore store;
    private final List<String> errors = new ArrayList<>();
    private RecordListViewModel list;

    @BeforeEach
    void openStore() {
        store = OfflineStore.open(new ProfileFolder(profile));
        store.records().create(RecordType.CONTACT, Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada@contoso.com"));
        store.records().create(RecordType.CONTACT, Map.of("firstName", "Grace", "lastName", "Hopper", "email", "grace@fabrikam.com"));
        store.records().create(RecordType.ACCOUNT, Map.of("name", "Contoso"));
        list = new RecordListViewModel(store.records(), new SameThreadTasks(), errors::add, RecordType.CONTACT);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void typingASearchShowsOnlyMatchingRecordsOfTheType() {
        list.reload();
        assertThat(list.records()).hasSize(2);

        list.searchTextProperty().set("contoso");

        assertThat(list.records()).extracting(Record::title).containsExactly("Ada Lovelace");
        assertThat(errors).isEmpty();
    }

    @Test
    void anEmptyTypeSaysHowToCreateTheFirstRecord() {
        list.show(RecordType.TASK);

        assertThat(list.records()).isEmpty();
        assertThat(list.emptyMessageProperty().get()).isEqualTo("No tasks yet. Press Ctrl+N to create one.");
    }

    @Test
    void aSearchWithoutMatchesSaysSo() {
        list.searchTextProperty().set("zebra");

        assertThat(list.records()).isEmpty();
        assertThat(list.emptyMessageProperty().get()).startsWith("No contacts match \u201czebra\u201d");
    }

    @Test
    void switchingTypeClearsTheSearch() {
        list.searchTextProperty().set("ada");

        list.show(RecordType.ACCOUNT);

        assertThat(list.searchTextProperty().get()).isEmpty();
        assertThat(list.records()).extracting(Record::title).containsExactly("Contoso");
    }
}
