package dev.outpost.ui.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.crm.CrmConnection;
import dev.outpost.crm.DataverseEndpoint;
import dev.outpost.crm.TokenSource;
import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;
import dev.outpost.ui.concurrent.SameThreadTasks;

/**
 * The dialog's decisions through the demo CRM: this laptop and a second one of the same user edit the same
 * contact; after the decision and the next syncs both laptops and the CRM hold the same result.
 */
class ConflictsThroughDemoCrmTest {

    private static final String TOKEN = "demo";

    @TempDir
    Path folder;

    private DemoServer crm;
    private OfflineStore mine;
    private OfflineStore colleague;
    private Record anna;

    @BeforeEach
    void theSameContactEditedOnTwoLaptops() throws Exception {
        crm = DemoServer.start(0, DemoOptions.defaults().records(10).seed(7).fixedToken(TOKEN));
        mine = OfflineStore.open(new ProfileFolder(folder.resolve("mine")));
        colleague = OfflineStore.open(new ProfileFolder(folder.resolve("second-laptop")));
        anna = mine.records().create(RecordType.CONTACT, Map.of("firstName", "Anna", "lastName", "Berg",
                "email", "anna@berg.example"));
        sync(mine);
        sync(colleague);
        Record hers = annas(colleague).getFirst();
        mine.records().update(anna.id(), Map.of("jobTitle", "CEO", "phone", "+1 1"));
        colleague.records().update(hers.id(), Map.of("jobTitle", "COO", "mobile", "+1 2"));
        sync(colleague);
        sync(mine);
    }

    @AfterEach
    void close() {
        colleague.close();
        mine.close();
        crm.close();
    }

    private void sync(OfflineStore store) {
        DataverseEndpoint endpoint = new DataverseEndpoint(CrmConnection.of(crm.url(), TokenSource.fixed(TOKEN)));
        new SyncEngine(store.sync()).run(SyncPair.of("crm", endpoint, ConflictPolicy.ASK), RunOptions.normal());
    }

    private static List<Record> annas(OfflineStore store) {
        return store.records().list(RecordType.CONTACT, "Anna Berg").stream().filter(r -> r.title().equals("Anna Berg")).toList();
    }

    private ConflictViewModel dialog() {
        Conflicts conflicts = new Conflicts(mine.sync(), Validation.inSystemZone());
        long id = mine.sync().openConflicts(Optional.empty()).stream().filter(c -> c.recordId().equals(anna.id()))
                .findFirst().orElseThrow().id();
        return new ConflictViewModel(conflicts.read(id), conflicts, new SameThreadTasks(), ConflictFixture.ZONE, () -> { });
    }

    @Test
    void aMergeReachesTheCrmAndTheOtherLaptop() {
        ConflictViewModel model = dialog();
        model.collisions().getFirst().choiceProperty().set(Side.MINE);

        model.merge();
        sync(mine);
        sync(colleague);

        for (OfflineStore store : List.of(mine, colleague)) {
            assertThat(annas(store)).singleElement().satisfies(r -> assertThat(r.values()).containsEntry("jobTitle", "CEO")
                    .containsEntry("phone", "+1 1").containsEntry("mobile", "+1 2"));
        }
        assertThat(mine.sync().openConflicts(Optional.empty())).isEmpty();
        assertThat(colleague.sync().openConflicts(Optional.empty())).isEmpty();
    }

    @Test
    void keepBothLeavesTwoContactsInTheCrmAndOnBothLaptops() {
        dialog().keepBoth();
        sync(mine);
        sync(colleague);

        for (OfflineStore store : List.of(mine, colleague)) {
            assertThat(annas(store)).hasSize(2)
                    .anySatisfy(r -> assertThat(r.values()).containsEntry("jobTitle", "COO").containsEntry("mobile", "+1 2"))
                    .anySatisfy(r -> assertThat(r.values()).containsEntry("jobTitle", "CEO").containsEntry("phone", "+1 1"));
        }
    }

    @Test
    void keepServersReachesTheOtherLaptopWithMyOneSidedChange() {
        dialog().keepServer();
        sync(mine);
        sync(colleague);

        for (OfflineStore store : List.of(mine, colleague)) {
            assertThat(annas(store)).singleElement().satisfies(r -> assertThat(r.values()).containsEntry("jobTitle", "COO")
                    .containsEntry("phone", "+1 1").containsEntry("mobile", "+1 2"));
        }
    }
}
