package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.ImportSummary.Outcome;

/** Exporting unsynced changes to a file a person reads, and importing it into another profile. */
class UnsyncedExportImportTest {

    @TempDir
    Path folder;

    private Record created;
    private Record changed;
    private Record deleted;

    private ProfileFolder at(String name) {
        return new ProfileFolder(folder.resolve(name));
    }

    /** An old profile with one record made here, one changed since its sync and one deleted since its sync. */
    private Path exportOfOldProfile() {
        try (OfflineStore store = OfflineStore.open(at("old"))) {
            created = store.records().create(RecordType.CONTACT, Map.of("firstName", "Ada", "lastName", "Lovelace",
                    "email", "ada@example.com"));
            Record account = store.records().create(RecordType.ACCOUNT, Map.of("name", "Acme", "city", "Leeds"));
            UnsyncedWorkTest.synced(store, account);
            changed = store.records().update(account.id(), Map.of("city", "York"));
            Record task = store.records().create(RecordType.TASK, Map.of("subject", "Call Acme"));
            UnsyncedWorkTest.synced(store, task);
            deleted = store.records().delete(task.id());
            Path file = folder.resolve("out").resolve("unsynced.json");
            UnsyncedExport.Written written = UnsyncedExport.write(store, file);
            assertThat(written.changes()).isEqualTo(3);
            return file;
        }
    }

    private ImportSummary importInto(ProfileFolder profile, Path file) {
        try (OfflineStore store = OfflineStore.open(profile)) {
            return UnsyncedImport.read(store, file);
        }
    }

    @Test
    void theFileHoldsEveryUnsyncedChangeInWordsAPersonReads() throws Exception {
        JsonNode root = UnsyncedExport.JSON.readTree(exportOfOldProfile().toFile());

        assertThat(root.path("version").asInt()).isEqualTo(1);
        assertThat(root.path("changes")).hasSize(3);
        JsonNode change = root.path("changes").get(1);
        assertThat(change.path("type").asText()).isEqualTo("account");
        assertThat(change.path("localId").asText()).isEqualTo(changed.id());
        assertThat(change.path("title").asText()).isEqualTo("Acme");
        assertThat(change.path("what").asText()).isEqualTo("changed");
        JsonNode city = change.path("changedFields").get(0);
        assertThat(city.path("field").asText()).isEqualTo("city");
        assertThat(city.path("label").asText()).isEqualTo("City");
        assertThat(city.path("value").asText()).isEqualTo("York");
        assertThat(city.path("base").asText()).isEqualTo("Leeds");
        assertThat(root.path("changes").get(0).path("what").asText()).isEqualTo("created");
        assertThat(root.path("changes").get(2).path("what").asText()).isEqualTo("deleted");
        assertThat(Files.readString(folder.resolve("out").resolve("unsynced.json"))).as("pretty-printed")
                .contains("\n  \"changes\" : [");
    }

    @Test
    void theExportCountsTheOpenSyncIssuesItListsForReference() throws Exception {
        Path file = exportOfOldProfile();
        try (OfflineStore store = OfflineStore.open(at("old"))) {
            store.sync().raiseIssue("crm", RecordType.CONTACT, created.id(), "r-1", "write-failed", "refused");

            UnsyncedExport.Written written = UnsyncedExport.write(store, file);

            assertThat(written.syncIssues()).isEqualTo(1);
        }
        assertThat(UnsyncedExport.JSON.readTree(file.toFile()).path("syncIssues")).hasSize(1);
    }

    @Test
    void anOpenConflictIsExportedWithTheUsersSide() throws Exception {
        Path file = exportOfOldProfile();
        try (OfflineStore store = OfflineStore.open(at("old"))) {
            UnsyncedWorkTest.conflictOn(store, changed, Map.of("name", "Acme", "city", "Leeds"),
                    Map.of("name", "Acme", "city", "Hull"));
            assertThat(UnsyncedExport.write(store, file).conflicts()).isEqualTo(1);
        }

        JsonNode conflict = UnsyncedExport.JSON.readTree(file.toFile()).path("changes").get(1).path("conflict");
        assertThat(conflict.path("fieldsChangedOnBothSides").get(0).asText()).isEqualTo("city");
        assertThat(conflict.path("yourValues").path("city").asText()).isEqualTo("York");
        assertThat(conflict.toString()).doesNotContain("Hull");
    }

    @Test
    void aFreshProfileImportsTheChangesAsLocalEditsWaitingToBeSent() {
        Path file = exportOfOldProfile();

        ImportSummary summary = importInto(at("fresh"), file);

        assertThat(summary.counts()).isEqualTo("2 imported, 1 skipped, 0 failed");
        assertThat(summary.of(Outcome.SKIPPED).getFirst().detail()).contains("nothing to delete");
        try (OfflineStore store = OfflineStore.open(at("fresh"))) {
            assertThat(store.records().find(created.id())).hasValueSatisfying(r -> assertThat(r.values()).isEqualTo(created.values()));
            assertThat(store.records().find(changed.id())).hasValueSatisfying(r -> assertThat(r.values()).isEqualTo(changed.values()));
            assertThat(store.records().status().totalPending()).isEqualTo(2);
        }
    }

    @Test
    void importingTheSameFileTwiceMakesNoDuplicate() {
        Path file = exportOfOldProfile();
        importInto(at("fresh"), file);

        ImportSummary again = importInto(at("fresh"), file);

        assertThat(again.counts()).isEqualTo("0 imported, 3 skipped, 0 failed");
        try (OfflineStore store = OfflineStore.open(at("fresh"))) {
            assertThat(store.records().status().totalRecords()).isEqualTo(2);
        }
    }

    @Test
    void aChangeAndADeletionApplyToTheRecordWithTheSameLocalId() {
        Path file = exportOfOldProfile();
        Record base;
        Record task;
        try (OfflineStore store = OfflineStore.open(at("fresh"))) {
            store.sync().putRecords(List.of(new Record(changed.id(), RecordType.ACCOUNT,
                    Map.of("name", "Acme", "city", "Leeds", "phone", "+44 1"), 0, false)));
            store.sync().putRecords(List.of(new Record(deleted.id(), RecordType.TASK, deleted.values(), 0, false)));
            base = store.records().find(changed.id()).orElseThrow();
            task = store.records().find(deleted.id()).orElseThrow();
        }

        ImportSummary summary = importInto(at("fresh"), file);

        assertThat(summary.counts()).isEqualTo("3 imported, 0 skipped, 0 failed");
        try (OfflineStore store = OfflineStore.open(at("fresh"))) {
            assertThat(store.records().find(changed.id()).orElseThrow().values())
                    .as("the change applies to the changed field only").containsEntry("city", "York").containsEntry("phone", "+44 1");
            assertThat(store.records().find(task.id()).orElseThrow().deleted()).isTrue();
        }
        assertThat(base.get("city")).isEqualTo("Leeds");
    }

    @Test
    void aCreatedEntryWhoseIdIsHereWithOtherValuesIsSkippedAndNamed() {
        Path file = exportOfOldProfile();
        importInto(at("fresh"), file);
        try (OfflineStore store = OfflineStore.open(at("fresh"))) {
            store.records().update(created.id(), Map.of("jobTitle", "Engineer"));
        }

        ImportSummary again = importInto(at("fresh"), file);

        assertThat(again.entries().getFirst().outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(again.entries().getFirst().detail()).contains("other values").contains("outpost show contact " + created.id());
        try (OfflineStore store = OfflineStore.open(at("fresh"))) {
            assertThat(store.records().find(created.id()).orElseThrow().get("jobTitle")).isEqualTo("Engineer");
        }
    }

    @Test
    void badEntriesAreNamedWithWhatToDoAndTheRestStillImports() throws Exception {
        Path file = folder.resolve("edited.json");
        Files.writeString(file, """
                {"format": "outpost-unsynced-changes", "version": 1, "changes": [
                  {"type": "spaceship", "localId": "11111111-1111-1111-1111-111111111111", "title": "Enterprise",
                   "what": "created", "values": {"name": "Enterprise"}},
                  {"type": "contact", "localId": "22222222-2222-2222-2222-222222222222", "title": "Bad mail",
                   "what": "created", "values": {"lastName": "Berg", "email": "not an address"}},
                  {"type": "account", "localId": "33333333-3333-3333-3333-333333333333", "title": "Odd",
                   "what": "created", "values": {"name": "Odd", "colour": "red"}},
                  {"type": "account", "localId": "44444444-4444-4444-4444-444444444444", "title": "Fine",
                   "what": "created", "values": {"name": "Fine", "city": "Leeds"}},
                  {"type": "account", "localId": "55555555-5555-5555-5555-555555555555", "title": "Huh",
                   "what": "renamed", "values": {"name": "Huh"}},
                  {"type": "account", "localId": "not-an-id", "title": "No id", "what": "created", "values": {"name": "x"}}
                ]}""");

        ImportSummary summary = importInto(at("fresh"), file);

        assertThat(summary.counts()).isEqualTo("1 imported, 0 skipped, 5 failed");
        assertThat(summary.entries()).extracting(Object::toString).satisfiesExactly(
                e -> assertThat(e).startsWith("entry 1, spaceship 'Enterprise'").contains("Unknown record type 'spaceship'"),
                e -> assertThat(e).startsWith("entry 2, contact 'Bad mail' (22222222)").contains("email:")
                        .contains("Correct the value in the file"),
                e -> assertThat(e).startsWith("entry 3").contains("colour"),
                e -> assertThat(e).startsWith("entry 4").endsWith("created"),
                e -> assertThat(e).startsWith("entry 5").contains("'renamed'; expected created, changed or deleted"),
                e -> assertThat(e).startsWith("entry 6").contains("not a record id"));
        try (OfflineStore store = OfflineStore.open(at("fresh"))) {
            assertThat(store.records().status().totalRecords()).isEqualTo(1);
        }
    }

    @Test
    void aFileOfAnotherVersionIsRefusedWholeSayingWhatToDo() throws Exception {
        Path file = folder.resolve("future.json");
        Files.writeString(file, """
                {"format": "outpost-unsynced-changes", "version": 2, "changes": [
                  {"type": "account", "localId": "44444444-4444-4444-4444-444444444444", "what": "created",
                   "values": {"name": "Fine"}}]}""");

        assertThatThrownBy(() -> importInto(at("fresh"), file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("has version 2; this Outpost reads version 1")
                .hasMessageContaining("Nothing was imported");
        try (OfflineStore store = OfflineStore.open(at("fresh"))) {
            assertThat(store.records().status().totalRecords()).isZero();
        }
    }

    @Test
    void aFileThatIsNotAnExportIsRefused() throws Exception {
        Path notJson = folder.resolve("notes.txt");
        Files.writeString(notJson, "just some notes");
        Path otherJson = folder.resolve("other.json");
        Files.writeString(otherJson, "{\"name\": \"Acme\"}");

        assertThatThrownBy(() -> importInto(at("fresh"), notJson)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a JSON file");
        assertThatThrownBy(() -> importInto(at("fresh"), otherJson)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a file of unsynced changes written by Outpost");
        assertThatThrownBy(() -> importInto(at("fresh"), folder.resolve("missing.json"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("There is no file");
    }

    @Test
    void anExportThatCannotBeWrittenLeavesNoFileBehind() throws Exception {
        Path blocker = folder.resolve("blocker");
        Files.writeString(blocker, "a file, not a folder");
        try (OfflineStore store = OfflineStore.open(at("old"))) {
            store.records().create(RecordType.ACCOUNT, Map.of("name", "Acme"));

            assertThatThrownBy(() -> UnsyncedExport.write(store, blocker.resolve("unsynced.json")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("Nothing was written");
        }
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("blocker", "old");
        }
    }

    @Test
    void anExportReplacingAnOldFileLeavesNoTemporaryFile() throws Exception {
        Path file = exportOfOldProfile();
        try (OfflineStore store = OfflineStore.open(at("old"))) {
            UnsyncedExport.write(store, file);
        }

        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("unsynced.json");
        }
    }
}
