package dev.outpost.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.sync.RemoteRecord;

/** A contact's account and an activity's "regarding" point at the right record on each side. */
class ReferencesTest extends EngineFixture {

    @Test
    void aLocalReferenceIsSentAsTheEndpointsIdOfTheRecordItNames() {
        Record account = records.create(RecordType.ACCOUNT, Map.of("name", "Northwind"));
        records.create(RecordType.CONTACT, Map.of("lastName", "Berg", "accountId", account.id()));

        sync();

        String remoteAccount = remoteIdOf(account);
        assertThat(remote.all(RecordType.CONTACT)).singleElement()
                .satisfies(c -> assertThat(c.values()).containsEntry("accountId", remoteAccount));
        remote.resetCounters();
        sync();
        assertThat(remote.writeCount()).isZero(); // translated values are no change
    }

    @Test
    void aRemoteReferenceArrivesAsTheLocalIdOfTheRecordItNames() {
        RemoteRecord account = remote.createRemote(RecordType.ACCOUNT, Map.of("name", "Contoso"));
        remote.createRemote(RecordType.TASK, Map.of("subject", "Call back", "regardingId", account.remoteId()));

        sync();

        Record local = local(RecordType.ACCOUNT, "Contoso");
        assertThat(local(RecordType.TASK, "Call back").get("regardingId")).isEqualTo(local.id());
    }

    @Test
    void aReferenceToARecordNotKeptHereIsKeptAsItIsAndSentBackUnchanged() {
        String elsewhere = "0b6a1d3c-4c1f-4b63-9a63-0c1f0e8a1b2c";
        RemoteRecord task = remote.createRemote(RecordType.TASK, Map.of("subject", "Call back", "regardingId", elsewhere));
        sync();
        Record local = local(RecordType.TASK, "Call back");
        assertThat(local.get("regardingId")).isEqualTo(elsewhere);

        records.update(local.id(), Map.of("notes", "asked for a quote"));
        sync();

        assertThat(remote.get(RecordType.TASK, task.remoteId()).orElseThrow().values())
                .containsEntry("regardingId", elsewhere).containsEntry("notes", "asked for a quote");
    }
}
