package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/** "Does a live record here refer to this one?", answered from memory and kept current by every write. */
class ReferencedRecordsIndexTest {

    @TempDir
    Path folder;

    @Test
    void followsCreatesEditsDeletesAndRestoresBeforeAndAfterItWasFirstAsked() {
        ProfileFolder profile = new ProfileFolder(folder);
        try (OfflineStore store = OfflineStore.open(profile)) {
            Record acme = store.records().create(RecordType.ACCOUNT, Map.of("name", "Acme"));
            Record globex = store.records().create(RecordType.ACCOUNT, Map.of("name", "Globex"));
            Record anna = store.records().create(RecordType.CONTACT, Map.of("lastName", "Berg", "accountId", acme.id()));
            SyncStore sync = store.sync();
            assertThat(sync.isReferenced(acme.id())).isTrue(); // first question: read from the table
            assertThat(sync.isReferenced(globex.id())).isFalse();

            store.records().update(anna.id(), Map.of("accountId", globex.id()));
            assertThat(sync.isReferenced(acme.id())).isFalse();
            assertThat(sync.isReferenced(globex.id())).isTrue();

            Record task = store.records().create(RecordType.TASK, Map.of("subject", "Call", "regardingId", globex.id()));
            store.records().delete(anna.id());
            assertThat(sync.isReferenced(globex.id())).isTrue(); // the task still does
            store.records().delete(task.id());
            assertThat(sync.isReferenced(globex.id())).isFalse();

            store.records().restore(anna.id());
            assertThat(sync.isReferenced(globex.id())).isTrue();
        }
        try (OfflineStore reopened = OfflineStore.open(profile)) {
            Record globex = reopened.records().list(RecordType.ACCOUNT, "Globex").getFirst();
            assertThat(reopened.sync().isReferenced(globex.id())).isTrue();
        }
    }

    @Test
    void aRefusedWriteLeavesNoReferenceBehind() {
        try (OfflineStore store = OfflineStore.open(new ProfileFolder(folder))) {
            Record acme = store.records().create(RecordType.ACCOUNT, Map.of("name", "Acme"));
            assertThat(store.sync().isReferenced(acme.id())).isFalse();

            assertThatThrownBy(() -> store.records().create(RecordType.CONTACT,
                    Map.of("lastName", "Berg", "accountId", acme.id(), "email", "not an address")))
                    .isInstanceOf(InvalidRecordException.class);

            assertThat(store.sync().isReferenced(acme.id())).isFalse();
        }
    }
}
