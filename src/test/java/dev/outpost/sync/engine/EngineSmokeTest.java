package dev.outpost.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.sync.ConflictResolver;
import dev.outpost.sync.SyncReport;

class EngineSmokeTest extends EngineFixture {

    @Test
    void aLocalRecordReachesTheEndpointAndASecondSyncWritesNothing() {
        records.create(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));

        SyncReport first = sync();
        assertThat(remote.all(RecordType.CONTACT)).extracting(r -> r.values().get("lastName")).containsExactly("Berg");
        assertThat(first.pushed()).isEqualTo(1);
        assertThat(records.status().totalPending()).isZero();

        remote.resetCounters();
        SyncReport second = sync();
        assertThat(remote.writeCount()).isZero();
        assertThat(second.pulled()).isZero();
        assertThat(second.pushed()).isZero();
    }

    @Test
    void eachRunLeavesOneLogLineWithItsCountsAndNoValue() {
        records.create(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger engineLog = (Logger) LoggerFactory.getLogger(dev.outpost.sync.SyncEngine.class);
        ch.qos.logback.classic.Level level = engineLog.getLevel();
        engineLog.setLevel(ch.qos.logback.classic.Level.INFO); // the tests' logback file keeps only warnings
        logged.start();
        engineLog.addAppender(logged);
        try {
            sync();
        } finally {
            engineLog.detachAppender(logged);
            engineLog.setLevel(level);
        }

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .filteredOn(line -> line.startsWith("Sync with "))
                .singleElement().satisfies(line -> assertThat(line)
                        .matches("Sync with crm done in \\d+ ms: 0 received, 1 sent, 0 conflicts")
                        .doesNotContain("Berg", "anna@"));
    }

    @Test
    void aRemoteRecordArrivesAndItsEditsFollow() {
        var made = remote.createRemote(RecordType.ACCOUNT, Map.of("name", "Northwind", "city", "Oslo"));
        sync();
        assertThat(local(RecordType.ACCOUNT, "Northwind").get("city")).isEqualTo("Oslo");

        remote.edit(RecordType.ACCOUNT, made.remoteId(), Map.of("city", "Lisbon"));
        sync();
        assertThat(local(RecordType.ACCOUNT, "Northwind").get("city")).isEqualTo("Lisbon");

        remote.remove(RecordType.ACCOUNT, made.remoteId());
        sync();
        assertThat(maybeLocal(RecordType.ACCOUNT, "Northwind")).isEmpty();
    }

    @Test
    void editsOfDifferentFieldsMergeAndTheSameFieldConflicts() {
        Record anna = records.create(RecordType.CONTACT, contact("Anna", "Berg", "anna@berg.example"));
        sync();
        String remoteId = remoteIdOf(anna);

        records.update(anna.id(), Map.of("jobTitle", "CFO"));
        remote.edit(RecordType.CONTACT, remoteId, Map.of("phone", "+47 1234"));
        SyncReport merged = sync();
        assertThat(merged.conflicts()).isZero();
        assertThat(local(RecordType.CONTACT, "Anna Berg").values()).containsEntry("jobTitle", "CFO").containsEntry("phone", "+47 1234");
        assertThat(remote.get(RecordType.CONTACT, remoteId).orElseThrow().values()).containsEntry("jobTitle", "CFO");

        records.update(anna.id(), Map.of("jobTitle", "CEO"));
        remote.edit(RecordType.CONTACT, remoteId, Map.of("jobTitle", "COO"));
        SyncReport conflicted = sync();
        assertThat(conflicted.conflicts()).isEqualTo(1);
        assertThat(store.sync().openConflicts(Optional.empty())).hasSize(1);
        // Held: neither side is overwritten while the user decides.
        sync();
        assertThat(local(RecordType.CONTACT, "Anna Berg").get("jobTitle")).isEqualTo("CEO");
        assertThat(remote.get(RecordType.CONTACT, remoteId).orElseThrow().values().get("jobTitle")).isEqualTo("COO");

        long id = store.sync().openConflicts(Optional.empty()).getFirst().id();
        new ConflictResolver(store.sync(), dev.outpost.model.Validation.inSystemZone()).keepMine(id);
        sync();
        assertThat(remote.get(RecordType.CONTACT, remoteId).orElseThrow().values().get("jobTitle")).isEqualTo("CEO");
        remote.resetCounters();
        sync();
        assertThat(remote.writeCount()).isZero();
    }
}
