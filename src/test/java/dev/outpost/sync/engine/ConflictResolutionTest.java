package dev.outpost.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.store.ConflictRow;
import dev.outpost.store.InvalidRecordException;
import dev.outpost.store.StoreException;
import dev.outpost.sync.ConflictResolver;

/** Each way of settling a conflict, as it reaches both sides at the next sync. */
class ConflictResolutionTest extends EngineFixture {

    private ConflictResolver resolver;
    private Record anna;
    private String remoteId;

    @BeforeEach
    void syncedContact() {
        resolver = new ConflictResolver(store.sync(), Validation.inSystemZone());
        anna = records.create(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));
        sync();
        remoteId = remoteIdOf(anna);
    }

    private ConflictRow collide() {
        records.update(anna.id(), Map.of("jobTitle", "CEO", "phone", "+1 1"));
        remote.edit(RecordType.CONTACT, remoteId, Map.of("jobTitle", "COO", "mobile", "+1 2"));
        sync();
        return store.sync().openConflicts(Optional.empty()).getFirst();
    }

    private Map<String, String> remoteValues() {
        return remote.get(RecordType.CONTACT, remoteId).orElseThrow().values();
    }

    @Test
    void theConflictKeepsBaseMineAndTheServersValuesWhole() {
        ConflictRow conflict = collide();

        assertThat(conflict.fields()).containsExactly("jobTitle");
        assertThat(conflict.baseValues()).doesNotContainKey("jobTitle");
        assertThat(conflict.localValues().orElseThrow()).containsEntry("jobTitle", "CEO").containsEntry("phone", "+1 1");
        assertThat(conflict.remoteValues().orElseThrow()).containsEntry("jobTitle", "COO").containsEntry("mobile", "+1 2");
    }

    @Test
    void keepServerTakesTheServersRecordHereAndSendsNothing() {
        resolver.keepServer(collide().id());
        remote.resetCounters();
        sync();

        assertThat(remote.writeCount()).isZero();
        assertThat(local(RecordType.CONTACT, "Anna Berg").values()).containsEntry("jobTitle", "COO")
                .containsEntry("mobile", "+1 2").doesNotContainKey("phone");
    }

    @Test
    void aMergeOfPerFieldChoicesReachesBothSides() {
        ConflictRow conflict = collide();
        Map<String, String> merged = new java.util.HashMap<>(conflict.remoteValues().orElseThrow());
        merged.put("jobTitle", "CEO");
        merged.put("phone", "+1 1");

        resolver.merge(conflict.id(), merged);
        sync();

        assertThat(remoteValues()).containsEntry("jobTitle", "CEO").containsEntry("phone", "+1 1").containsEntry("mobile", "+1 2");
        assertThat(local(RecordType.CONTACT, "Anna Berg").values()).isEqualTo(remoteValues());
    }

    @Test
    void anInvalidMergeIsRefusedAndTheConflictStaysOpen() {
        ConflictRow conflict = collide();

        assertThatThrownBy(() -> resolver.merge(conflict.id(), Map.of("email", "not-an-address")))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("lastName");
        assertThat(store.sync().openConflicts(Optional.empty())).hasSize(1);
    }

    @Test
    void aDeletionHereOfARecordChangedThereIsAConflictAndKeepServerBringsItBack() {
        records.delete(anna.id());
        remote.edit(RecordType.CONTACT, remoteId, Map.of("jobTitle", "COO"));
        sync();
        ConflictRow conflict = store.sync().openConflicts(Optional.empty()).getFirst();
        assertThat(conflict.kind()).isEqualTo("LOCAL_DELETED_REMOTE_CHANGED");
        assertThat(remote.get(RecordType.CONTACT, remoteId)).isPresent(); // held: not deleted there

        resolver.keepServer(conflict.id());
        sync();

        assertThat(local(RecordType.CONTACT, "Anna Berg").get("jobTitle")).isEqualTo("COO");
    }

    @Test
    void keepMineOnADeletionHereDeletesItThereAtTheNextSync() {
        records.delete(anna.id());
        remote.edit(RecordType.CONTACT, remoteId, Map.of("jobTitle", "COO"));
        sync();

        resolver.keepMine(store.sync().openConflicts(Optional.empty()).getFirst().id());
        sync();

        assertThat(remote.get(RecordType.CONTACT, remoteId)).isEmpty();
        assertThat(maybeLocal(RecordType.CONTACT, "Anna Berg")).isEmpty();
    }

    @Test
    void aNewerServerChangeOfAHeldRecordIsKeptInTheConflict() {
        ConflictRow conflict = collide();
        remote.edit(RecordType.CONTACT, remoteId, Map.of("mobile", "+1 3"));

        sync();

        ConflictRow now = store.sync().conflict(conflict.id()).orElseThrow();
        assertThat(now.remoteValues().orElseThrow()).containsEntry("mobile", "+1 3");
        assertThat(now.remoteVersion()).isNotEqualTo(conflict.remoteVersion());
        resolver.keepMine(conflict.id());
        sync();
        assertThat(remoteValues()).containsEntry("jobTitle", "CEO"); // sent over the newest version, no 412 loop
    }

    @Test
    void resolvingTwiceIsRefusedWithAClearMessage() {
        ConflictRow conflict = collide();
        resolver.keepMine(conflict.id());

        assertThatThrownBy(() -> resolver.keepServer(conflict.id()))
                .isInstanceOf(StoreException.class).hasMessageContaining("not open any more");
    }
}
