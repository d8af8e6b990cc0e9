package dev.outpost.sync.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.RecordRepository;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.MassDeleteGuard;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;
import dev.outpost.sync.SyncReport;
import dev.outpost.sync.memory.MemoryEndpoint;

/** A real store on a temporary profile, synced with an in-memory endpoint. */
abstract class EngineFixture {

    @TempDir
    Path profile;

    OfflineStore store;
    RecordRepository records;
    MemoryEndpoint remote;
    SyncEngine engine;
    ConflictPolicy policy = ConflictPolicy.ASK;

    @BeforeEach
    void open() {
        store = OfflineStore.open(new ProfileFolder(profile));
        records = store.records();
        remote = new MemoryEndpoint("CRM");
        engine = new SyncEngine(store.sync());
    }

    @AfterEach
    void close() {
        store.close();
    }

    SyncPair pair() {
        return new SyncPair("crm", remote, policy, List.of(RecordType.values()), MassDeleteGuard.DEFAULT);
    }

    SyncReport sync() {
        return engine.run(pair(), RunOptions.normal());
    }

    /** Reopens the store, as a restarted app would. */
    void reopen() {
        store.close();
        store = OfflineStore.open(new ProfileFolder(profile));
        records = store.records();
        engine = new SyncEngine(store.sync());
    }

    Record local(RecordType type, String title) {
        return records.list(type, "").stream().filter(r -> r.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no local " + type.id() + " '" + title + "'"));
    }

    Optional<Record> maybeLocal(RecordType type, String title) {
        return records.list(type, "").stream().filter(r -> r.title().equals(title)).findFirst();
    }

    String remoteIdOf(Record record) {
        return store.sync().link("crm", record.id()).orElseThrow().remoteId();
    }

    static Map<String, String> contact(String first, String last, String email) {
        return Map.of("firstName", first, "lastName", last, "email", email);
    }
}
