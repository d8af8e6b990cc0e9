package dev.outpost.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.model.RecordType;
import dev.outpost.store.AdminSettings;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.ConnectionSettings.Mailbox;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.StoreException;

/** A value IT locked reaches an existing profile at its next sync: saved into it, the stale types listed again. */
class LockedSettingsTest {

    @TempDir
    Path folder;

    private ProfileFolder profile;
    private OfflineStore store;
    private final List<String> notes = new ArrayList<>();

    @BeforeEach
    void open() {
        profile = new ProfileFolder(folder);
        new ConnectionSettings(URI.create("https://contoso.crm.dynamics.com"), "OUTPOST_ACCESS_TOKEN")
                .syncingWhole(Set.of(RecordType.TASK))
                .withMailbox(Optional.of(new Mailbox(URI.create("https://graph.microsoft.com/v1.0"), "OUTPOST_GRAPH_TOKEN")))
                .write(profile);
        store = OfflineStore.open(profile);
        for (RecordType type : RecordType.values()) {
            store.sync().saveAnchor("crm", type, "crm-" + type.id());
            store.sync().saveAnchor("outlook", type, "outlook-" + type.id());
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static AdminSettings admin(String json) throws Exception {
        List<String> problems = new ArrayList<>();
        AdminSettings it = AdminSettings.parse((ObjectNode) new ObjectMapper().readTree(json),
                Path.of("/etc/outpost/outpost-admin.json"), problems);
        assertThat(problems).isEmpty();
        return it;
    }

    @Test
    void lockedSyncFiltersAreSavedIntoTheProfileAndTheChangedTypesListedAgain() throws Exception {
        AdminSettings it = admin("{\"syncFilters\": {\"accounts\": \"all\"}, \"locked\": [\"syncFilters\"]}");

        ConnectionSettings used = LockedSettings.apply(store.sync(), profile, it, notes::add).orElseThrow();

        assertThat(used.syncedWhole()).containsExactly(RecordType.ACCOUNT);
        assertThat(ConnectionSettings.read(profile).orElseThrow().syncedWhole()).containsExactly(RecordType.ACCOUNT);
        assertThat(store.sync().anchor("crm", RecordType.ACCOUNT)).isEmpty();
        assertThat(store.sync().anchor("crm", RecordType.TASK)).isEmpty();
        assertThat(store.sync().anchor("crm", RecordType.CONTACT)).contains("crm-contact");
    }

    @Test
    void aLockedCategoryListsTheMailboxAgain() throws Exception {
        AdminSettings it = admin("{\"category\": \"CRM\", \"allowUserOverride\": false}");

        LockedSettings.apply(store.sync(), profile, it, notes::add);

        assertThat(ConnectionSettings.read(profile).orElseThrow().mailbox().orElseThrow().options().category())
                .isEqualTo("CRM");
        assertThat(store.sync().anchor("outlook", RecordType.CONTACT)).isEmpty();
        assertThat(store.sync().anchor("crm", RecordType.CONTACT)).contains("crm-contact");
    }

    @Test
    void aLockedCategoryLeavesTheSameNoteAsAUsersRenameOnceSomethingIsLinkedWithOutlook() throws Exception {
        linkOneContactWithOutlook();
        AdminSettings it = admin("{\"category\": \"CRM\", \"locked\": [\"category\"]}");
        ConnectionSettings before = ConnectionSettings.read(profile).orElseThrow();
        Optional<String> usersNote = SettingsChange.renameNote(before.mailbox().map(Mailbox::options),
                before.mailbox().orElseThrow().options().category("CRM"), true);

        LockedSettings.apply(store.sync(), profile, it, notes::add);

        assertThat(usersNote).isPresent();
        assertThat(notes).singleElement().asString().contains("/etc/outpost/outpost-admin.json")
                .endsWith(usersNote.orElseThrow());
        assertThat(store.sync().anchor("outlook", RecordType.CONTACT)).isEmpty();
    }

    @Test
    void aLockedCategoryAlreadySavedLeavesNoNoteAtTheNextSync() throws Exception {
        linkOneContactWithOutlook();
        AdminSettings it = admin("{\"category\": \"CRM\", \"locked\": [\"category\"]}");
        LockedSettings.apply(store.sync(), profile, it, notes::add);
        notes.clear();

        LockedSettings.apply(store.sync(), profile, it, notes::add);

        assertThat(notes).isEmpty();
    }

    @Test
    void aLockedCategoryLeavesNoNoteWhenNothingIsLinkedWithOutlookYet() throws Exception {
        LockedSettings.apply(store.sync(), profile, admin("{\"category\": \"CRM\", \"locked\": [\"category\"]}"),
                notes::add);

        assertThat(notes).isEmpty();
    }

    @Test
    void aSyncOfAProfileOnAnotherCrmThanTheLockedOneHasAReasonNotToRunAndADemoProfileNone() throws Exception {
        AdminSettings it = admin("{\"crmUrl\": \"https://fabrikam.crm.dynamics.com\", \"locked\": [\"crmUrl\"]}");

        assertThat(LockedSettings.syncRefusal(ConnectionSettings.read(profile).orElseThrow(), it)).hasValueSatisfying(
                why -> assertThat(why).contains("https://fabrikam.crm.dynamics.com").contains("/etc/outpost/outpost-admin.json"));
        assertThat(LockedSettings.syncRefusal(ConnectionSettings.demoMode(), it)).isEmpty();
        assertThat(LockedSettings.syncRefusal(ConnectionSettings.read(profile).orElseThrow(), AdminSettings.NONE)).isEmpty();
    }

    private void linkOneContactWithOutlook() {
        dev.outpost.model.Record contact = store.records().create(RecordType.CONTACT, java.util.Map.of("lastName", "Berg"));
        store.sync().putLinks(RecordType.CONTACT, List.of(new dev.outpost.store.Link("outlook", contact.id(), "o-1", "v1",
                contact.rev(), contact.values(), true)));
    }

    @Test
    void whatIsAlreadyAsLockedIsNeitherSavedNorListedAgain() throws Exception {
        AdminSettings it = admin("{\"syncFilters\": {\"tasks\": \"all\"}, \"locked\": [\"syncFilters\"]}");

        LockedSettings.apply(store.sync(), profile, it, notes::add);

        for (RecordType type : RecordType.values()) {
            assertThat(store.sync().anchor("crm", type)).isPresent();
            assertThat(store.sync().anchor("outlook", type)).isPresent();
        }
    }

    @Test
    void valuesThatDoNotBindLeaveAnExistingProfileAsItIs() throws Exception {
        AdminSettings it = admin("{\"syncFilters\": {\"accounts\": \"all\"}, \"category\": \"CRM\", \"outlookLimit\": 10}");
        ConnectionSettings before = ConnectionSettings.read(profile).orElseThrow();

        assertThat(LockedSettings.apply(store.sync(), profile, it, notes::add)).contains(before);
        assertThat(ConnectionSettings.read(profile)).contains(before);
    }

    @Test
    void aProfileOnAnotherCrmThanTheLockedOneIsNotSynced() throws Exception {
        AdminSettings it = admin("{\"crmUrl\": \"https://fabrikam.crm.dynamics.com\", \"locked\": [\"crmUrl\"]}");

        assertThatThrownBy(() -> LockedSettings.apply(store.sync(), profile, it, notes::add)).isInstanceOf(StoreException.class)
                .hasMessageContaining("https://fabrikam.crm.dynamics.com").hasMessageContaining("/etc/outpost/outpost-admin.json")
                .hasMessageContaining("Connect this profile to").hasMessageContaining("--export FILE");
    }

    @Test
    void aDemoProfileIsLeftAsItIs() throws Exception {
        ConnectionSettings.demoMode().write(profile);
        AdminSettings it = admin("{\"crmUrl\": \"https://fabrikam.crm.dynamics.com\", \"category\": \"CRM\", "
                + "\"allowUserOverride\": false}");

        assertThat(LockedSettings.apply(store.sync(), profile, it, notes::add)).contains(ConnectionSettings.demoMode());
    }

    @Test
    void aProfileNotConnectedHasNothingToApplyTo() throws Exception {
        ProfileFolder empty = new ProfileFolder(folder.resolve("other"));

        assertThat(LockedSettings.apply(store.sync(), empty, admin("{\"category\": \"CRM\", \"locked\": [\"category\"]}"),
                notes::add))
                .isEmpty();
    }
}
