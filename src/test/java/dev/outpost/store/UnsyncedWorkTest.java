package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.UnsyncedChange.What;

/** What a reset would lose: the local changes not yet sent, open conflicts and sync issues. */
class UnsyncedWorkTest extends OpenStoreTest {

    /** Records the record as synced with the CRM as it is now. */
    static void synced(OfflineStore store, Record record) {
        store.sync().putLinks(record.type(), List.of(new Link("crm", record.id(), "remote-" + record.id(), "v1",
                record.rev(), record.values(), true)));
    }

    static long conflictOn(OfflineStore store, Record record, Map<String, String> base, Map<String, String> theirs) {
        return store.sync().addConflict(new ConflictRow(0, "crm", record.id(), record.type(), "UPDATE_UPDATE",
                List.of("city"), base, Optional.of(record.values()), Optional.of(theirs), "remote-" + record.id(), "v2",
                Instant.now(), Instant.now(), Instant.now()));
    }

    @Test
    void anEmptyStoreLosesNothing() {
        UnsyncedWork work = store.unsyncedWork();

        assertThat(work.isEmpty()).isTrue();
        assertThat(work.summary()).isEqualTo("0 local changes not yet sent, 0 open conflicts, 0 sync issues");
    }

    @Test
    void aRecordSyncedAsItIsIsNotUnsynced() {
        synced(store, records.create(RecordType.ACCOUNT, Map.of("name", "Acme")));

        assertThat(store.unsyncedWork().isEmpty()).isTrue();
    }

    @Test
    void createdChangedAndDeletedRecordsAreCountedAsStatusCountsThem() {
        Record made = records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));
        Record changed = records.create(RecordType.ACCOUNT, Map.of("name", "Acme", "city", "Leeds"));
        synced(store, changed);
        records.update(changed.id(), Map.of("city", "York", "phone", "+44 113 496 0000"));
        Record gone = records.create(RecordType.TASK, Map.of("subject", "Call"));
        synced(store, gone);
        records.delete(gone.id());

        UnsyncedWork work = store.unsyncedWork();

        assertThat(work.changes()).extracting(c -> c.record().id(), UnsyncedChange::what)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(made.id(), What.CREATED),
                        org.assertj.core.groups.Tuple.tuple(changed.id(), What.CHANGED),
                        org.assertj.core.groups.Tuple.tuple(gone.id(), What.DELETED));
        assertThat(work.localChanges()).isEqualTo(records.status().totalPending());
        assertThat(work.isEmpty()).isFalse();
    }

    @Test
    void aChangedRecordKnowsItsBaseAndWhichFieldsChanged() {
        Record account = records.create(RecordType.ACCOUNT, Map.of("name", "Acme", "city", "Leeds", "phone", "+44 1"));
        synced(store, account);
        records.update(account.id(), Map.of("city", "York", "phone", ""));

        UnsyncedChange change = store.unsyncedWork().changes().getFirst();

        assertThat(change.base()).containsEntry("city", "Leeds");
        assertThat(change.changedFields()).containsExactly(Map.entry("city", "York"), Map.entry("phone", ""));
    }

    @Test
    void aRecordCreatedAndDeletedBeforeAnySyncIsNotUnsynced() {
        records.delete(records.create(RecordType.TASK, Map.of("subject", "Oops")).id());

        assertThat(store.unsyncedWork().isEmpty()).isTrue();
    }

    @Test
    void openConflictsAndSyncIssuesAreCountedAndAResolvedOneIsNot() {
        Record account = records.create(RecordType.ACCOUNT, Map.of("name", "Acme", "city", "Leeds"));
        synced(store, account);
        Record mine = records.update(account.id(), Map.of("city", "York"));
        conflictOn(store, mine, account.values(), Map.of("name", "Acme", "city", "Hull"));
        long resolved = conflictOn(store, mine, account.values(), Map.of("name", "Acme", "city", "Bath"));
        store.sync().resolveConflict(resolved, "mine");
        store.sync().raiseIssue("crm", RecordType.ACCOUNT, account.id(), "remote-1", "write-failed", "refused");

        UnsyncedWork work = store.unsyncedWork();

        assertThat(work.openConflicts()).isEqualTo(1);
        assertThat(work.openSyncIssues()).isEqualTo(1);
        assertThat(work.changes().getFirst().conflict()).isPresent();
        assertThat(work.summary()).isEqualTo("1 local change not yet sent, 1 open conflict, 1 sync issue");
    }
}
