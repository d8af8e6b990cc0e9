package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/** The counts the status bar and {@code outpost status} show: live records, and local changes to sync. */
class StoreStatusTest extends OpenStoreTest {

    @Test
    void anEmptyStoreCountsZeroForEveryType() {
        StoreStatus status = records.status();

        assertThat(status.records()).containsOnlyKeys(RecordType.values()).allSatisfy((type, n) -> assertThat(n).isZero());
        assertThat(status.pending()).containsOnlyKeys(RecordType.values()).allSatisfy((type, n) -> assertThat(n).isZero());
    }

    @Test
    void liveRecordsAreCountedPerType() {
        records.create(RecordType.ACCOUNT, Map.of("name", "Acme"));
        records.create(RecordType.ACCOUNT, Map.of("name", "Bolt"));
        records.create(RecordType.TASK, Map.of("subject", "Call"));
        Record deleted = records.create(RecordType.TASK, Map.of("subject", "Gone"));
        records.delete(deleted.id());

        StoreStatus status = records.status();

        assertThat(status.records()).containsEntry(RecordType.ACCOUNT, 2).containsEntry(RecordType.TASK, 1)
                .containsEntry(RecordType.CONTACT, 0);
        assertThat(status.totalRecords()).isEqualTo(3);
    }

    @Test
    void everyNeverSyncedRecordIsAPendingChange() {
        records.create(RecordType.ACCOUNT, Map.of("name", "Acme"));
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));
        records.update(contact.id(), Map.of("firstName", "Ada"));

        StoreStatus status = records.status();

        assertThat(status.pending()).containsEntry(RecordType.ACCOUNT, 1).containsEntry(RecordType.CONTACT, 1);
        assertThat(status.totalPending()).isEqualTo(2);
    }

    @Test
    void aNeverSyncedRecordCreatedAndThenDeletedIsNotPending() {
        Record task = records.create(RecordType.TASK, Map.of("subject", "Oops"));

        records.delete(task.id());

        assertThat(records.status().totalPending()).isZero();
    }

    @Test
    void aRecordSyncedAsItIsIsNotPending() {
        Record account = records.create(RecordType.ACCOUNT, Map.of("name", "Acme"));
        whileClosed(p -> StoreSql.link(p, account.id(), account.rev()));

        assertThat(records.status().totalPending()).isZero();
    }

    @Test
    void aSyncedRecordChangedSinceIsPendingAgain() {
        Record account = records.create(RecordType.ACCOUNT, Map.of("name", "Acme"));
        whileClosed(p -> StoreSql.link(p, account.id(), account.rev()));

        records.update(account.id(), Map.of("city", "Leeds"));

        assertThat(records.status().pending()).containsEntry(RecordType.ACCOUNT, 1);
    }

    @Test
    void theDeletionOfASyncedRecordIsPending() {
        Record account = records.create(RecordType.ACCOUNT, Map.of("name", "Acme"));
        whileClosed(p -> StoreSql.link(p, account.id(), account.rev()));

        records.delete(account.id());

        assertThat(records.status().pending()).containsEntry(RecordType.ACCOUNT, 1);
        assertThat(records.status().records()).containsEntry(RecordType.ACCOUNT, 0);
    }

    @Test
    void anUnchangedUpdateAddsNoPendingChange() {
        Record account = records.create(RecordType.ACCOUNT, Map.of("name", "Acme"));
        whileClosed(p -> StoreSql.link(p, account.id(), account.rev()));

        records.update(account.id(), Map.of("name", "Acme "));

        assertThat(records.status().totalPending()).isZero();
    }

    @Test
    void invalidInputChangesNoCount() {
        records.create(RecordType.ACCOUNT, Map.of("name", "Acme"));
        StoreStatus before = records.status();

        assertThatThrownBy(() -> records.create(RecordType.ACCOUNT, Map.of("website", "not a website")))
                .isInstanceOf(InvalidRecordException.class);

        assertThat(records.status()).isEqualTo(before);
    }
}
