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

/** The conflict dialog's decisions, as they reach the store and then both sides at the next sync. */
class ConflictViewModelTest {

    @TempDir
    Path profile;

    private ConflictFixture world;
    private Record anna;
    private final List<String> resolved = new ArrayList<>();

    @BeforeEach
    void syncedContact() {
        world = new ConflictFixture(profile);
        anna = world.syncedContact("Anna", "Berg");
    }

    @AfterEach
    void close() {
        world.close();
    }

    private ConflictViewModel model(ConflictRow conflict) {
        return new ConflictViewModel(world.conflicts.read(conflict.id()), world.conflicts, new SameThreadTasks(),
                ConflictFixture.ZONE, () -> resolved.add("resolved"));
    }

    private static ConflictFieldViewModel row(List<ConflictFieldViewModel> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void fieldsChangedOnBothSidesAreRowsToDecideAndOneSidedChangesAreListedAsMerged() {
        ConflictViewModel model = model(world.collide(anna));

        assertThat(model.heading()).isEqualTo("Contact \u201cAnna Berg\u201d was changed on this computer and in the CRM");
        assertThat(model.collisions()).extracting(ConflictFieldViewModel::label).containsExactly("Job title");
        ConflictFieldViewModel jobTitle = model.collisions().getFirst();
        assertThat(List.of(jobTitle.base(), jobTitle.mine(), jobTitle.server())).containsExactly("(empty)", "CEO", "COO");
        assertThat(jobTitle.mineChanged()).isTrue();
        assertThat(jobTitle.serverChanged()).isTrue();
        assertThat(jobTitle.choice()).as("a true collision waits for the user").isNull();
        assertThat(model.automatic()).extracting(ConflictFieldViewModel::name).containsExactly("phone", "mobile");
        assertThat(row(model.automatic(), "phone").choice()).isEqualTo(Side.MINE);
        assertThat(row(model.automatic(), "mobile").choice()).isEqualTo(Side.SERVER);
        assertThat(row(model.automatic(), "mobile").mineChanged()).isFalse();
        assertThat(jobTitle.accessibleText("Mine", "CEO", true)).isEqualTo("Job title, Mine: CEO, changed");
    }

    @Test
    void itSaysWhereAndWhenEachSideChanged() {
        ConflictViewModel model = model(world.collide(anna));

        assertThat(model.mineWhen()).startsWith("Mine: changed on this computer, ");
        assertThat(model.serverWhen()).startsWith("Server\u2019s: changed in the CRM, ");
    }

    @Test
    void mergeWaitsUntilEveryFieldChangedOnBothSidesHasASide() {
        ConflictRow conflict = world.collide(anna);
        ConflictViewModel model = model(conflict);
        assertThat(model.allChosenProperty().get()).isFalse();
        assertThat(model.mergeHintProperty().get())
                .startsWith("One field changed on both sides still needs a choice for Merge: pick mine or the server\u2019s");

        model.merge();

        assertThat(world.open()).hasSize(1);
        assertThat(resolved).isEmpty();
        assertThat(model.outcomeProperty().get()).isNull();
        model.collisions().getFirst().choiceProperty().set(Side.SERVER);
        assertThat(model.allChosenProperty().get()).isTrue();
        assertThat(model.mergeHintProperty().get()).isEmpty();
    }

    @Test
    void keepMineKeepsMyValueOfTheCollisionAndEveryOneSidedChangeOnBothSides() {
        ConflictViewModel model = model(world.collide(anna));

        model.keepMine();
        world.sync();

        assertThat(model.outcomeProperty().get()).isEqualTo(ConflictViewModel.Outcome.KEPT_MINE);
        assertThat(resolved).containsExactly("resolved");
        assertThat(world.open()).isEmpty();
        assertThat(world.remoteValues(anna)).containsEntry("jobTitle", "CEO").containsEntry("phone", "+1 1")
                .containsEntry("mobile", "+1 2");
        assertThat(world.localValues(anna)).isEqualTo(world.remoteValues(anna));
    }

    @Test
    void keepServersKeepsTheServersValueOfTheCollisionAndMyOneSidedChangeReachesTheServer() {
        ConflictViewModel model = model(world.collide(anna));

        model.keepServer();
        world.sync();

        assertThat(model.outcomeProperty().get()).isEqualTo(ConflictViewModel.Outcome.KEPT_SERVER);
        assertThat(world.remoteValues(anna)).containsEntry("jobTitle", "COO").containsEntry("phone", "+1 1")
                .containsEntry("mobile", "+1 2");
        assertThat(world.localValues(anna)).isEqualTo(world.remoteValues(anna));
    }

    @Test
    void mergeKeepsEachRowsChoiceOnBothSides() {
        world.records.update(anna.id(), Map.of("jobTitle", "CEO", "mobile", "+1 9"));
        world.remote.edit(RecordType.CONTACT, world.remoteIdOf(anna), Map.of("jobTitle", "COO", "mobile", "+1 2",
                "phone", "+1 5"));
        world.sync();
        ConflictViewModel model = model(world.conflictOf(anna));
        assertThat(model.collisions()).extracting(ConflictFieldViewModel::name).containsExactly("mobile", "jobTitle");

        row(model.collisions(), "jobTitle").choiceProperty().set(Side.MINE);
        row(model.collisions(), "mobile").choiceProperty().set(Side.SERVER);
        row(model.automatic(), "phone").choiceProperty().set(Side.MINE); // the user undoes the server's phone
        model.merge();
        world.sync();

        assertThat(model.outcomeProperty().get()).isEqualTo(ConflictViewModel.Outcome.MERGED);
        assertThat(world.remoteValues(anna)).containsEntry("jobTitle", "CEO").containsEntry("mobile", "+1 2")
                .doesNotContainKey("phone");
        assertThat(world.localValues(anna)).isEqualTo(world.remoteValues(anna));
    }

    @Test
    void keepBothMakesMyVersionASecondRecordOnBothSides() {
        ConflictViewModel model = model(world.collide(anna));

        model.keepBoth();
        world.sync();

        assertThat(model.outcomeProperty().get()).isEqualTo(ConflictViewModel.Outcome.KEPT_BOTH);
        assertThat(world.remoteContacts("Berg")).hasSize(2)
                .anySatisfy(v -> assertThat(v).containsEntry("jobTitle", "COO").containsEntry("mobile", "+1 2"))
                .anySatisfy(v -> assertThat(v).containsEntry("jobTitle", "CEO").containsEntry("phone", "+1 1"));
        assertThat(world.localContacts("Anna Berg")).hasSize(2);
        assertThat(world.open()).isEmpty();
    }

    @Test
    void decideLaterChangesNothingHereOrThere() {
        ConflictRow conflict = world.collide(anna);
        Map<String, String> before = world.localValues(anna);
        ConflictViewModel model = model(conflict);
        model.collisions().getFirst().choiceProperty().set(Side.MINE);

        model.decideLater();
        world.sync();

        assertThat(model.outcomeProperty().get()).isEqualTo(ConflictViewModel.Outcome.DECIDED_LATER);
        assertThat(resolved).isEmpty();
        assertThat(world.open()).extracting(ConflictRow::id).containsExactly(conflict.id());
        assertThat(world.localValues(anna)).isEqualTo(before);
        assertThat(world.remoteValues(anna)).containsEntry("jobTitle", "COO").doesNotContainKey("phone");
    }

    @Test
    void doTheSameSettlesTheOtherConflictsOfTheSameTypeAndKindOnly() {
        Record ben = world.syncedContact("Ben", "Berg");
        Record cleo = world.syncedContact("Cleo", "Berg");
        Record dora = world.syncedContact("Dora", "Berg");
        Record fabrikam = world.records.create(RecordType.ACCOUNT, Map.of("name", "Fabrikam"));
        world.sync();
        world.collide(anna);
        world.collide(ben);
        world.collide(cleo);
        world.records.update(dora.id(), Map.of("jobTitle", "CFO"));
        world.remote.remove(RecordType.CONTACT, world.remoteIdOf(dora)); // an update/delete conflict: not "of this kind"
        world.records.update(fabrikam.id(), Map.of("city", "Berlin"));
        world.remote.edit(RecordType.ACCOUNT, world.remoteIdOf(fabrikam), Map.of("city", "Paris")); // another type
        world.sync();
        assertThat(world.open()).hasSize(5);
        ConflictViewModel model = model(world.conflictOf(anna));
        assertThat(model.othersCount()).isEqualTo(2);
        assertThat(model.applyToOthersText()).isEqualTo("Do the same for the other 2 conflicts of this kind");

        model.applyToOthersProperty().set(true);
        model.keepServer();
        world.sync();

        assertThat(world.open()).extracting(c -> c.recordId()).containsExactlyInAnyOrder(dora.id(), fabrikam.id());
        for (Record contact : List.of(anna, ben, cleo)) {
            assertThat(world.remoteValues(contact)).containsEntry("jobTitle", "COO").containsEntry("phone", "+1 1");
            assertThat(world.localValues(contact)).isEqualTo(world.remoteValues(contact));
        }
    }

    @Test
    void doTheSameStillSettlesThisOneWhenAnotherWasDecidedMeanwhile() {
        Record ben = world.syncedContact("Ben", "Berg");
        world.collide(anna);
        ConflictRow bens = world.collide(ben);
        ConflictViewModel model = model(world.conflictOf(anna));
        world.conflicts.keepBoth(bens.id()); // e.g. from the command line, while this dialog is open

        model.applyToOthersProperty().set(true);
        model.keepServer();

        assertThat(model.outcomeProperty().get()).isEqualTo(ConflictViewModel.Outcome.KEPT_SERVER);
        assertThat(resolved).containsExactly("resolved");
        assertThat(world.open()).isEmpty();
        assertThat(world.localContacts("Ben Berg")).as("the decision made meanwhile stands").hasSize(2);
    }

    @Test
    void aReferenceShowsTheTitleOfTheRecordItRefersTo() {
        Record fabrikam = world.records.create(RecordType.ACCOUNT, Map.of("name", "Fabrikam"));
        Record contoso = world.records.create(RecordType.ACCOUNT, Map.of("name", "Contoso"));
        world.sync();
        world.records.update(anna.id(), Map.of("accountId", fabrikam.id()));
        world.remote.edit(RecordType.CONTACT, world.remoteIdOf(anna), Map.of("accountId", world.remoteIdOf(contoso)));
        world.sync();

        ConflictFieldViewModel account = row(model(world.conflictOf(anna)).collisions(), "accountId");

        assertThat(List.of(account.base(), account.mine(), account.server())).containsExactly("(empty)", "Fabrikam", "Contoso");
    }

    @Test
    void withoutTheBoxTheOtherConflictsStayOpen() {
        Record ben = world.syncedContact("Ben", "Berg");
        world.collide(anna);
        world.collide(ben);
        ConflictViewModel model = model(world.conflictOf(anna));

        model.keepMine();

        assertThat(world.open()).extracting(c -> c.recordId()).containsExactly(ben.id());
    }

    @Test
    void aConflictResolvedMeanwhileSaysSoAndStaysOpenInTheDialog() {
        ConflictRow conflict = world.collide(anna);
        ConflictViewModel model = model(conflict);
        world.conflicts.keepBoth(conflict.id()); // e.g. from the command line

        model.keepMine();

        assertThat(model.outcomeProperty().get()).isNull();
        assertThat(model.messageProperty().get()).startsWith("Could not save your decision: ").contains("not open any more");
        assertThat(resolved).isEmpty();
    }

    @Test
    void aDecisionOnValuesThatChangedSinceTheDialogOpenedIsRefused() {
        ConflictRow conflict = world.collide(anna);
        ConflictViewModel model = model(conflict);
        world.remote.edit(RecordType.CONTACT, world.remoteIdOf(anna), Map.of("jobTitle", "CFO"));
        world.sync(); // the held conflict takes the newer server version

        model.keepServer();

        assertThat(model.outcomeProperty().get()).isNull();
        assertThat(model.messageProperty().get()).contains("changed since this dialog opened");
        assertThat(world.open()).hasSize(1);
        assertThat(model(conflict).collisions().getFirst().server()).isEqualTo("CFO");
    }
}
