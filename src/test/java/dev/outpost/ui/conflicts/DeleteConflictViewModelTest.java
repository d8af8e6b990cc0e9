package dev.outpost.ui.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.ConflictRow;
import dev.outpost.ui.concurrent.SameThreadTasks;

/** Update/delete conflicts: Restore it and Delete it, as they reach both sides at the next sync. */
class DeleteConflictViewModelTest {

    @TempDir
    Path profile;

    private ConflictFixture world;
    private Record anna;
    private String remoteId;
    private final List<String> resolved = new ArrayList<>();

    @BeforeEach
    void syncedContact() {
        world = new ConflictFixture(profile);
        anna = world.syncedContact("Anna", "Berg");
        remoteId = world.remoteIdOf(anna);
    }

    @AfterEach
    void close() {
        world.close();
    }

    private DeleteConflictViewModel model(ConflictRow conflict) {
        return new DeleteConflictViewModel(world.conflicts.read(conflict.id()), world.conflicts, new SameThreadTasks(),
                ConflictFixture.ZONE, () -> resolved.add("resolved"));
    }

    /** Changed here, deleted in the CRM. */
    private ConflictRow deletedThere() {
        world.records.update(anna.id(), Map.of("jobTitle", "CEO", "phone", "+1 1"));
        world.remote.remove(RecordType.CONTACT, remoteId);
        world.sync();
        return world.conflictOf(anna);
    }

    /** Deleted here, changed in the CRM. */
    private ConflictRow deletedHere() {
        world.records.delete(anna.id());
        world.remote.edit(RecordType.CONTACT, remoteId, Map.of("jobTitle", "COO"));
        world.sync();
        return world.conflictOf(anna);
    }

    @Test
    void deletedThereItListsMyChangesAsWhatDeletingLoses() {
        DeleteConflictViewModel model = model(deletedThere());

        assertThat(model.deletedHere()).isFalse();
        assertThat(model.heading()).isEqualTo("Contact \u201cAnna Berg\u201d was deleted in the CRM and changed on this computer");
        assertThat(model.deletedWhen()).startsWith("Deleted in the CRM; noticed at the sync of ");
        assertThat(model.changedWhen()).startsWith("Changed on this computer, ");
        assertThat(model.lost()).containsExactly(
                new DeleteConflictViewModel.LostValue("phone", "Business phone", "(empty)", "+1 1"),
                new DeleteConflictViewModel.LostValue("jobTitle", "Job title", "(empty)", "CEO"));
    }

    @Test
    void restoringARecordDeletedThereCreatesItThereAgainWithMyChanges() {
        DeleteConflictViewModel model = model(deletedThere());

        model.restore();
        world.sync();

        assertThat(model.outcomeProperty().get()).isEqualTo(DeleteConflictViewModel.Outcome.RESTORED);
        assertThat(resolved).containsExactly("resolved");
        assertThat(world.open()).isEmpty();
        assertThat(world.remoteContacts("Berg")).singleElement()
                .satisfies(v -> assertThat(v).containsEntry("jobTitle", "CEO").containsEntry("phone", "+1 1"));
        assertThat(world.localContacts("Anna Berg")).hasSize(1);
    }

    @Test
    void deletingARecordDeletedThereDeletesItHereToo() {
        DeleteConflictViewModel model = model(deletedThere());

        model.delete();
        world.sync();

        assertThat(model.outcomeProperty().get()).isEqualTo(DeleteConflictViewModel.Outcome.DELETED);
        assertThat(world.localContacts("Anna Berg")).isEmpty();
        assertThat(world.remoteContacts("Berg")).isEmpty();
    }

    @Test
    void deletedHereItListsTheServersChangesAsWhatDeletingLoses() {
        DeleteConflictViewModel model = model(deletedHere());

        assertThat(model.deletedHere()).isTrue();
        assertThat(model.heading()).isEqualTo("Contact \u201cAnna Berg\u201d was deleted on this computer and changed in the CRM");
        assertThat(model.changedWhen()).startsWith("Changed in the CRM, ");
        assertThat(model.lost()).containsExactly(new DeleteConflictViewModel.LostValue("jobTitle", "Job title", "(empty)", "COO"));
    }

    @Test
    void restoringARecordDeletedHereBringsItBackWithTheServersChanges() {
        DeleteConflictViewModel model = model(deletedHere());

        model.restore();
        world.sync();

        assertThat(world.localContacts("Anna Berg")).singleElement()
                .satisfies(r -> assertThat(r.values()).containsEntry("jobTitle", "COO"));
        assertThat(world.remote.get(RecordType.CONTACT, remoteId)).isPresent();
        assertThat(world.open()).isEmpty();
    }

    @Test
    void deletingARecordDeletedHereDeletesItOnTheServerAtTheNextSync() {
        DeleteConflictViewModel model = model(deletedHere());

        model.delete();
        world.sync();

        assertThat(world.remote.get(RecordType.CONTACT, remoteId)).isEmpty();
        assertThat(world.localContacts("Anna Berg")).isEmpty();
    }

    @Test
    void decideLaterKeepsTheRecordHeldOnBothSides() {
        ConflictRow conflict = deletedHere();
        DeleteConflictViewModel model = model(conflict);

        model.decideLater();
        world.sync();

        assertThat(model.outcomeProperty().get()).isEqualTo(DeleteConflictViewModel.Outcome.DECIDED_LATER);
        assertThat(resolved).isEmpty();
        assertThat(world.open()).extracting(ConflictRow::id).containsExactly(conflict.id());
        assertThat(world.remote.get(RecordType.CONTACT, remoteId)).isPresent();
        assertThat(world.localContacts("Anna Berg")).isEmpty();
    }

    @Test
    void aConflictChangedOnBothSidesIsNotTheDeleteDialogs() {
        world.records.update(anna.id(), Map.of("jobTitle", "CEO"));
        world.remote.edit(RecordType.CONTACT, remoteId, Map.of("jobTitle", "COO"));
        world.sync();

        assertThat(world.conflicts.read(world.conflictOf(anna).id()).deletedOnOneSide()).isFalse();
        assertThat(world.conflicts.read(deletedThereOf(world.syncedContact("Ben", "Berg"))).deletedOnOneSide()).isTrue();
    }

    private long deletedThereOf(Record contact) {
        world.remote.remove(RecordType.CONTACT, world.remoteIdOf(contact));
        world.records.update(contact.id(), Map.of("jobTitle", "CTO"));
        world.sync();
        return world.conflictOf(contact).id();
    }

    @Test
    void deletingIsRefusedWhenTheChangesShownAreNotTheLatest() {
        ConflictRow conflict = deletedHere();
        DeleteConflictViewModel model = model(conflict);
        world.remote.edit(RecordType.CONTACT, remoteId, Map.of("mobile", "+1 7"));
        world.sync(); // a newer change there, not listed in the dialog

        model.delete();

        assertThat(model.outcomeProperty().get()).isNull();
        assertThat(model.messageProperty().get()).contains("changed since this dialog opened");
        assertThat(world.remote.get(RecordType.CONTACT, remoteId)).isPresent();
        assertThat(world.open()).hasSize(1);
    }
}
