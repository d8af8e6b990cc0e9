package dev.outpost.ui.conflicts;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.store.ConflictRow;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.RecordRepository;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.MassDeleteGuard;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;
import dev.outpost.sync.memory.MemoryEndpoint;

/** A real store on a temporary profile, synced with an in-memory CRM, where real conflicts are made. */
final class ConflictFixture implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    final OfflineStore store;
    final RecordRepository records;
    final MemoryEndpoint remote = new MemoryEndpoint("CRM");
    final SyncEngine engine;
    final Conflicts conflicts;

    ConflictFixture(Path profile) {
        store = OfflineStore.open(new ProfileFolder(profile));
        records = store.records();
        engine = new SyncEngine(store.sync());
        conflicts = new Conflicts(store.sync(), Validation.inSystemZone());
    }

    void sync() {
        engine.run(new SyncPair("crm", remote, ConflictPolicy.ASK, List.of(RecordType.values()), MassDeleteGuard.DEFAULT),
                RunOptions.normal());
    }

    /** A contact synced to the CRM. */
    Record syncedContact(String first, String last) {
        Record record = records.create(RecordType.CONTACT, Map.of("firstName", first, "lastName", last,
                "email", first.toLowerCase() + "@" + last.toLowerCase() + ".example"));
        sync();
        return record;
    }

    String remoteIdOf(Record record) {
        return store.sync().link("crm", record.id()).orElseThrow().remoteId();
    }

    Map<String, String> remoteValues(Record record) {
        return remote.get(record.type(), remoteIdOf(record)).orElseThrow().values();
    }

    /**
     * Job title changed on both sides (CEO here, COO there), the business phone here only, the mobile there only;
     * then a sync finds the conflict.
     */
    ConflictRow collide(Record contact) {
        records.update(contact.id(), Map.of("jobTitle", "CEO", "phone", "+1 1"));
        remote.edit(RecordType.CONTACT, remoteIdOf(contact), Map.of("jobTitle", "COO", "mobile", "+1 2"));
        sync();
        return conflictOf(contact);
    }

    ConflictRow conflictOf(Record record) {
        return store.sync().openConflicts(Optional.empty()).stream().filter(c -> c.recordId().equals(record.id()))
                .findFirst().orElseThrow(() -> new AssertionError("no open conflict for " + record.title()));
    }

    List<ConflictRow> open() {
        return store.sync().openConflicts(Optional.empty());
    }

    Map<String, String> localValues(Record record) {
        return records.find(record.id()).orElseThrow().values();
    }

    List<Record> localContacts(String title) {
        return records.list(RecordType.CONTACT, "").stream().filter(r -> r.title().equals(title)).toList();
    }

    List<Map<String, String>> remoteContacts(String lastName) {
        return remote.all(RecordType.CONTACT).stream().map(r -> r.values())
                .filter(v -> lastName.equals(v.get("lastName"))).toList();
    }

    @Override
    public void close() {
        store.close();
    }
}
