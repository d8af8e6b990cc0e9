package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/** A profile written by an earlier Outpost opens with its records and links intact after the upgrade. */
class SchemaUpgradeTest {

    @TempDir
    Path folder;

    @Test
    void aProfileWithTheOldLinkTableKeepsItsLinksAndCanPurgeAfterTheUpgrade() {
        ProfileFolder profile = new ProfileFolder(folder.resolve("profile"));
        Record kept;
        Record tombstone;
        try (OfflineStore store = OfflineStore.open(profile)) {
            kept = store.records().create(RecordType.ACCOUNT, Map.of("name", "Acme"));
            tombstone = store.records().create(RecordType.ACCOUNT, Map.of("name", "Gone Ltd"));
            store.sync().putLinks(RecordType.ACCOUNT, List.of(
                    new Link("crm", kept.id(), "r-1", "v1", kept.rev(), kept.values(), true),
                    new Link("crm", tombstone.id(), "r-2", "v1", tombstone.rev(), tombstone.values(), true)));
        }
        // Back to the link table of schema version 2: key (pair, record_id) and a foreign key to record.
        StoreSql.run(profile, "ALTER TABLE link DROP PRIMARY KEY");
        StoreSql.run(profile, "ALTER TABLE link ADD PRIMARY KEY (pair, record_id)");
        StoreSql.run(profile, "ALTER TABLE link ADD CONSTRAINT link_record FOREIGN KEY (record_id) REFERENCES record (id) "
                + "ON DELETE CASCADE");
        StoreSql.run(profile, "DROP TABLE pair_scope"); // and before V4's tables
        StoreSql.run(profile, "DROP TABLE push_limit_mark");
        StoreSql.run(profile, "DELETE FROM schema_version WHERE version >= 3");

        try (OfflineStore store = OfflineStore.open(profile)) {
            SyncStore sync = store.sync();
            assertThat(sync.linksByRemoteId("crm", List.of("r-1", "r-2"))).containsOnlyKeys("r-1", "r-2");
            assertThat(sync.link("crm", kept.id()).orElseThrow().remoteVersion()).isEqualTo("v1");

            // Linked, a tombstone stays; once unlinked it may go.
            store.records().delete(tombstone.id());
            sync.purgeIfUnlinked(tombstone.id());
            assertThat(store.records().find(tombstone.id())).isPresent();
            sync.removeLink("crm", tombstone.id());
            sync.purgeIfUnlinked(tombstone.id());
            assertThat(store.records().find(tombstone.id())).isEmpty();
        }
        try (OfflineStore reopened = OfflineStore.open(profile)) {
            assertThat(reopened.sync().link("crm", kept.id())).isPresent();
        }
    }

    @Test
    void aProfileWithoutTrackChoicesGetsThemAndKeepsItsLinksAndLocalChanges() {
        ProfileFolder profile = new ProfileFolder(folder.resolve("profile"));
        Record synced;
        Record waiting;
        try (OfflineStore store = OfflineStore.open(profile)) {
            synced = store.records().create(RecordType.CONTACT, Map.of("lastName", "Berg"));
            waiting = store.records().create(RecordType.CONTACT, Map.of("lastName", "Dahl"));
            store.sync().putLinks(RecordType.CONTACT, List.of(
                    new Link("outlook", synced.id(), "o-1", "v1", synced.rev(), synced.values(), true)));
        }
        // Back to schema version 3: no pair_scope and push_limit_mark tables.
        StoreSql.run(profile, "DROP TABLE pair_scope");
        StoreSql.run(profile, "DROP TABLE push_limit_mark");
        StoreSql.run(profile, "DELETE FROM schema_version WHERE version >= 4");

        try (OfflineStore store = OfflineStore.open(profile)) {
            SyncStore sync = store.sync();
            assertThat(sync.link("outlook", synced.id())).hasValueSatisfying(l -> assertThat(l.inScope()).isTrue());
            assertThat(sync.pending("outlook", RecordType.CONTACT).records())
                    .extracting(p -> p.local().record().id()).containsExactly(waiting.id());
            assertThat(sync.tracked("outlook", synced.id())).isTrue();

            sync.untrack("outlook", synced.id());
            sync.untrack("outlook", waiting.id());
            assertThat(sync.link("outlook", synced.id())).hasValueSatisfying(l -> assertThat(l.inScope()).isFalse());
            assertThat(sync.pending("outlook", RecordType.CONTACT).records()).isEmpty();
            assertThat(sync.pending("crm", RecordType.CONTACT).records()).hasSize(2);
        }
        try (OfflineStore reopened = OfflineStore.open(profile)) {
            assertThat(reopened.sync().untracked("outlook", RecordType.CONTACT))
                    .containsExactlyInAnyOrder(synced.id(), waiting.id());
            reopened.sync().track("outlook", waiting.id());
            assertThat(reopened.sync().pending("outlook", RecordType.CONTACT).records())
                    .extracting(p -> p.local().record().id()).containsExactly(waiting.id());
        }
    }

    @Test
    void aProfileWithTrackChoicesButNoReleaseMarksKeepsItsChoicesAndReleasesItsUntrackedLinks() {
        ProfileFolder profile = new ProfileFolder(folder.resolve("profile"));
        Record untracked;
        Record tracked;
        try (OfflineStore store = OfflineStore.open(profile)) {
            untracked = store.records().create(RecordType.CONTACT, Map.of("lastName", "Berg"));
            tracked = store.records().create(RecordType.CONTACT, Map.of("lastName", "Dahl"));
            store.sync().putLinks(RecordType.CONTACT, List.of(
                    new Link("outlook", untracked.id(), "o-1", "v1", untracked.rev(), untracked.values(), true),
                    new Link("outlook", tracked.id(), "o-2", "v1", tracked.rev(), tracked.values(), true)));
            store.sync().untrack("outlook", untracked.id());
            store.sync().track("outlook", tracked.id());
        }
        // Back to schema version 4: pair_scope without the released column.
        StoreSql.run(profile, "ALTER TABLE pair_scope DROP COLUMN released");
        StoreSql.run(profile, "DELETE FROM schema_version WHERE version >= 5");

        try (OfflineStore store = OfflineStore.open(profile)) {
            SyncStore sync = store.sync();
            assertThat(sync.tracked("outlook", untracked.id())).isFalse();
            assertThat(sync.tracked("outlook", tracked.id())).isTrue();
            assertThat(sync.toRelease("outlook", RecordType.CONTACT)).extracting(Link::remoteId).containsExactly("o-1");
            assertThat(sync.toClaim("outlook", RecordType.CONTACT)).isEmpty();

            sync.markReleased("outlook", List.of(untracked.id()), true);
            assertThat(sync.toRelease("outlook", RecordType.CONTACT)).isEmpty();
            sync.track("outlook", untracked.id());
            assertThat(sync.toClaim("outlook", RecordType.CONTACT)).extracting(Link::remoteId).containsExactly("o-1");
        }
        try (OfflineStore reopened = OfflineStore.open(profile)) {
            SyncStore sync = reopened.sync();
            assertThat(sync.toClaim("outlook", RecordType.CONTACT)).extracting(Link::remoteId).containsExactly("o-1");
            sync.markReleased("outlook", List.of(untracked.id()), false);
            assertThat(sync.toClaim("outlook", RecordType.CONTACT)).isEmpty();
            assertThat(sync.toRelease("outlook", RecordType.CONTACT)).isEmpty();
        }
    }
}
