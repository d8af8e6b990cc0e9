package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/** Deleting leaves a tombstone; a tombstone can be restored until its deletion has been synced. */
class RecordDeletingTest extends OpenStoreTest {

    @Test
    void deletingReturnsTheRecordAsItWasForAnUndo() {
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));

        assertThat(records.delete(contact.id())).isEqualTo(contact);
    }

    @Test
    void aDeletedRecordIsKeptAsATombstoneWithItsValuesAndANewRev() {
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace", "email", "ada@example.com"));

        records.delete(contact.id());

        Record tombstone = records.find(contact.id()).orElseThrow();
        assertThat(tombstone.deleted()).isTrue();
        assertThat(tombstone.values()).isEqualTo(contact.values());
        assertThat(tombstone.rev()).isGreaterThan(contact.rev());
    }

    @Test
    void aDeletedRecordIsHiddenFromListsSearchesAndLookUps() {
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));
        records.create(RecordType.CONTACT, Map.of("lastName", "Babbage"));

        records.delete(contact.id());

        assertThat(records.list(RecordType.CONTACT, "")).extracting(Record::title).containsExactly("Babbage");
        assertThat(records.list(RecordType.CONTACT, "lovelace")).isEmpty();
        assertThat(records.search(Optional.empty(), "lovelace", 10)).isEmpty();
        assertThatThrownBy(() -> records.findLive(RecordType.CONTACT, contact.id()))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(records.status().records()).containsEntry(RecordType.CONTACT, 1);
    }

    @Test
    void deletingTwiceIsRefused() {
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));
        records.delete(contact.id());

        assertThatThrownBy(() -> records.delete(contact.id())).isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void deletingAnUnknownIdIsRefused() {
        assertThatThrownBy(() -> records.delete(UUID.randomUUID().toString()))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void restoringBringsTheRecordBackWithItsValuesAndANewRev() {
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace", "email", "ada@example.com"));
        records.delete(contact.id());
        long deletedRev = records.find(contact.id()).orElseThrow().rev();

        Record restored = records.restore(contact.id());

        assertThat(restored.deleted()).isFalse();
        assertThat(restored.values()).isEqualTo(contact.values());
        assertThat(restored.rev()).isGreaterThan(deletedRev);
        assertThat(records.list(RecordType.CONTACT, "")).containsExactly(restored);
    }

    @Test
    void restoringALiveRecordIsRefused() {
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));

        assertThatThrownBy(() -> records.restore(contact.id()))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("no deleted record " + contact.id());
    }

    @Test
    void aDeletionSurvivesReopening() {
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));
        records.delete(contact.id());

        reopen();

        assertThat(records.find(contact.id()).orElseThrow().deleted()).isTrue();
        assertThat(records.restore(contact.id()).deleted()).isFalse();
    }

    @Test
    void aDeletedRecordCanBeRestoredWhenOnlyAnEarlierVersionWasSynced() {
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));
        records.delete(contact.id());
        whileClosed(p -> StoreSql.link(p, contact.id(), contact.rev()));

        assertThat(records.restore(contact.id()).deleted()).isFalse();
    }

    @Test
    void restoringIsRefusedOnceTheDeletionHasBeenSynced() {
        Record contact = records.create(RecordType.CONTACT, Map.of("firstName", "Ada", "lastName", "Lovelace"));
        records.delete(contact.id());
        long deletedRev = records.find(contact.id()).orElseThrow().rev();
        whileClosed(p -> StoreSql.link(p, contact.id(), deletedRev));

        assertThatThrownBy(() -> records.restore(contact.id()))
                .isExactlyInstanceOf(StoreException.class)
                .hasMessage("'Ada Lovelace' cannot be restored: its deletion has already been synced. "
                        + "Create it again instead.");
        assertThat(records.find(contact.id()).orElseThrow().deleted()).isTrue();
        assertThat(records.find(contact.id()).orElseThrow().rev()).isEqualTo(deletedRev);
    }
}
