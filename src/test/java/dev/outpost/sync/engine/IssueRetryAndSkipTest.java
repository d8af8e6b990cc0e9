package dev.outpost.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.StoreException;
import dev.outpost.store.SyncIssue;
import dev.outpost.sync.IssueResolver;
import dev.outpost.sync.RemoteWrite;

/** The user's Retry and Skip on a sync issue: what the next sync does with the record, and that nothing is lost. */
class IssueRetryAndSkipTest extends EngineFixture {

    private IssueResolver resolver() {
        return new IssueResolver(store.sync());
    }

    private SyncIssue onlyIssue() {
        assertThat(store.sync().openIssues(Optional.empty())).hasSize(1);
        return store.sync().openIssues(Optional.empty()).getFirst();
    }

    /** Anna, synced, then her job title changed here and the update refused by the CRM. */
    private Record refusedUpdate() {
        Record anna = records.create(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));
        sync();
        Record edited = records.update(anna.id(), Map.of("jobTitle", "CFO"));
        remote.faults().failWritesWhen((type, write) -> write instanceof RemoteWrite.Update);
        sync();
        assertThat(onlyIssue().kind()).isEqualTo("write-failed");
        remote.faults().failWritesWhen(null);
        remote.resetCounters();
        return edited;
    }

    private Map<String, String> remoteValuesOf(Record record) {
        return remote.get(RecordType.CONTACT, remoteIdOf(record)).orElseThrow().values();
    }

    @Test
    void afterRetryARefusedCreateIsSentOnceTheServerAcceptsIt() {
        records.create(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));
        remote.faults().failWrites(1.0);
        sync();
        SyncIssue refused = onlyIssue();

        resolver().retry(refused.id());
        remote.faults().reset();
        sync();

        assertThat(remote.all(RecordType.CONTACT)).singleElement()
                .satisfies(r -> assertThat(r.values()).containsEntry("email", "anna@berg.example"));
        assertThat(store.sync().openIssues(Optional.empty())).isEmpty();
    }

    @Test
    void aRetryThatIsRefusedAgainCountsOneMoreAttemptOfTheSameIssue() {
        records.create(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));
        remote.faults().failWrites(1.0);
        sync();

        resolver().retry(onlyIssue().id());
        sync();

        assertThat(onlyIssue().attempts()).isEqualTo(2);
        assertThat(onlyIssue().skipped()).isFalse();
    }

    @Test
    void aSkippedChangeIsNotSentAgainAndStaysHereAndListed() {
        Record edited = refusedUpdate();

        resolver().skip(onlyIssue().id());
        sync();
        sync();

        assertThat(remote.writeCount()).isZero();
        assertThat(remoteValuesOf(edited)).doesNotContainKey("jobTitle");
        assertThat(records.find(edited.id()).orElseThrow().values()).containsEntry("jobTitle", "CFO"); // nothing dropped here
        assertThat(onlyIssue().skipped()).isTrue();
        assertThat(onlyIssue().attempts()).isEqualTo(1);
    }

    @Test
    void aSkipIsKeptWhenTheStoreIsReopened() {
        refusedUpdate();
        resolver().skip(onlyIssue().id());

        reopen();
        sync();

        assertThat(remote.writeCount()).isZero();
        assertThat(onlyIssue().skipped()).isTrue();
    }

    @Test
    void retryAfterSkipSendsTheKeptChange() {
        Record edited = refusedUpdate();
        resolver().skip(onlyIssue().id());
        sync();

        resolver().retry(onlyIssue().id());
        sync();

        assertThat(remoteValuesOf(edited)).containsEntry("jobTitle", "CFO");
        assertThat(store.sync().openIssues(Optional.empty())).isEmpty();
    }

    @Test
    void anEditAfterASkipIsANewChangeAndIsSent() {
        Record edited = refusedUpdate();
        resolver().skip(onlyIssue().id());

        records.update(edited.id(), Map.of("jobTitle", "CEO"));
        sync();

        assertThat(remoteValuesOf(edited)).containsEntry("jobTitle", "CEO");
        assertThat(store.sync().openIssues(Optional.empty())).isEmpty();
    }

    @Test
    void aRefusalOfAnEditAfterASkipShowsTheIssueAgain() {
        Record edited = refusedUpdate();
        resolver().skip(onlyIssue().id());
        records.update(edited.id(), Map.of("jobTitle", "CEO"));
        remote.faults().failWritesWhen((type, write) -> write instanceof RemoteWrite.Update);

        sync();

        assertThat(onlyIssue().skipped()).isFalse();
        assertThat(onlyIssue().attempts()).isEqualTo(2);
    }

    @Test
    void theServersEditIsMergedIntoASkippedRecordAndTheSkippedChangeStaysUnsent() {
        Record edited = refusedUpdate();
        resolver().skip(onlyIssue().id());
        remote.edit(RecordType.CONTACT, remoteIdOf(edited), Map.of("phone", "+47 1"));

        sync();
        sync();

        assertThat(records.find(edited.id()).orElseThrow().values()).containsEntry("phone", "+47 1").containsEntry("jobTitle", "CFO");
        assertThat(remoteValuesOf(edited)).doesNotContainKey("jobTitle");
        assertThat(onlyIssue().skipped()).isTrue();
    }

    @Test
    void aSkippedDeletionIsNotSentAndTheRecordStaysOnTheServer() {
        Record anna = records.create(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));
        sync();
        records.delete(anna.id());
        remote.faults().failWritesWhen((type, write) -> write instanceof RemoteWrite.Delete);
        sync();
        remote.faults().failWritesWhen(null);

        resolver().skip(onlyIssue().id());
        sync();

        assertThat(remote.all(RecordType.CONTACT)).hasSize(1);
        assertThat(onlyIssue().skipped()).isTrue();
    }

    @Test
    void retryOnAPossibleDuplicateSendsItSoBothAreKept() {
        remote.scope(RecordType.CONTACT, v -> !"hidden@x.example".equals(v.get("email")));
        remote.createRemote(RecordType.CONTACT, contact("Hid", "Den", "hidden@x.example"));
        remote.createRemote(RecordType.ACCOUNT, Map.of("name", "Seed"));
        sync();
        remote.scope(RecordType.CONTACT, v -> true); // the CRM has it, but this computer's filter left it out
        records.create(RecordType.CONTACT, contact("Hid", "Den", "hidden@x.example"));
        sync();
        assertThat(onlyIssue().kind()).isEqualTo("possible-duplicate");

        resolver().retry(onlyIssue().id());
        sync();
        sync();

        assertThat(remote.all(RecordType.CONTACT)).hasSize(2);
        assertThat(store.sync().openIssues(Optional.empty())).isEmpty();
    }

    @Test
    void aSkippedPossibleDuplicateIsNotSentAndStaysListed() {
        remote.createRemote(RecordType.ACCOUNT, Map.of("name", "Seed"));
        sync();
        records.create(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));
        remote.createRemote(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));
        sync();

        resolver().skip(onlyIssue().id());
        sync();

        assertThat(remote.all(RecordType.CONTACT)).hasSize(1);
        assertThat(records.list(RecordType.CONTACT, "")).hasSize(2);
        assertThat(onlyIssue().skipped()).isTrue();
    }

    @Test
    void deletingTheLocalCopyOfAPossibleDuplicateSettlesItsIssue() {
        remote.createRemote(RecordType.ACCOUNT, Map.of("name", "Seed"));
        sync();
        Record mine = records.create(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));
        remote.createRemote(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));
        sync();

        records.delete(mine.id());
        sync();

        assertThat(store.sync().openIssues(Optional.empty())).isEmpty();
        assertThat(remote.all(RecordType.CONTACT)).hasSize(1);
    }

    @Test
    void retryOrSkipOfAnIssueTheSyncSettledSaysSoInPlainWords() {
        records.create(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));
        remote.faults().failWrites(1.0);
        sync();
        long id = onlyIssue().id();
        remote.faults().reset();
        sync();

        assertThatThrownBy(() -> resolver().retry(id)).isInstanceOf(StoreException.class)
                .hasMessageContaining("not open any more");
        assertThatThrownBy(() -> resolver().skip(id)).isInstanceOf(StoreException.class)
                .hasMessageContaining("not open any more");
    }
}
