package dev.outpost.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.auth.InstalledAdminFile;
import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.ConnectionSettings.MailboxOptions;
import dev.outpost.store.Link;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.ui.concurrent.SameThreadTasks;

/** A sync from the window with IT's admin file: what IT locked is saved into the profile first, and told when needed. */
class SyncViewModelSetByItTest {

    private static final String TOKEN = "window-it";

    @TempDir
    Path folder;

    private InstalledAdminFile admin;
    private final List<String> shown = new ArrayList<>();

    @AfterEach
    void removeTheAdminFile() {
        if (admin != null) {
            admin.close();
        }
    }

    private ProfileFolder profile() {
        return new ProfileFolder(folder.resolve("profile"));
    }

    private SyncViewModel model(OfflineStore store, Map<String, String> environment) {
        SyncConnection connection = new SyncConnection(profile(), environment::get, 10);
        return new SyncViewModel(connection, store.sync(), new SameThreadTasks(), shown::add,
                Validation.inSystemZone(), ZoneOffset.UTC, Optional.empty());
    }

    @Test
    void aSyncFromTheWindowSavesTheFiltersItLockedAndSyncsWithThem() throws Exception {
        try (DemoServer crm = DemoServer.start(0, DemoOptions.defaults().records(6).fixedToken(TOKEN));
             OfflineStore store = OfflineStore.open(profile())) {
            new ConnectionSettings(crm.url(), "OUTPOST_ACCESS_TOKEN").write(profile());
            admin = InstalledAdminFile.of(folder.resolve("opt"),
                    "{\"syncFilters\": {\"accounts\": \"all\"}, \"locked\": [\"syncFilters\"]}");
            SyncViewModel model = model(store, Map.of("OUTPOST_ACCESS_TOKEN", TOKEN));

            model.syncNow();

            assertThat(ConnectionSettings.read(profile()).orElseThrow().syncedWhole()).isEqualTo(Set.of(RecordType.ACCOUNT));
            assertThat(model.statusTextProperty().get()).startsWith("Last sync");
            assertThat(shown).isEmpty();
        }
    }

    @Test
    void aCategoryItLockedIsToldOnceWithWhatItemsCarryingTheOldOneNeed() {
        new ConnectionSettings(URI.create("https://contoso.crm.dynamics.com"), "OUTPOST_ACCESS_TOKEN")
                .withMailbox(Optional.of(new ConnectionSettings.Mailbox(URI.create("https://graph.microsoft.com/v1.0"),
                        "OUTPOST_GRAPH_TOKEN"))).write(profile());
        try (OfflineStore store = OfflineStore.open(profile())) {
            Record contact = store.records().create(RecordType.CONTACT, Map.of("lastName", "Berg"));
            store.sync().putLinks(RecordType.CONTACT, List.of(new Link("outlook", contact.id(), "o-1", "v1",
                    contact.rev(), contact.values(), true)));
            admin = InstalledAdminFile.of(folder.resolve("opt"), "{\"category\": \"CRM\", \"locked\": [\"category\"]}");
            SyncViewModel model = model(store, Map.of()); // no token: the run stops after the settings, before the CRM

            model.syncNow();
            model.syncNow();

            assertThat(shown).singleElement().asString().contains(admin.path.toString())
                    .contains("carry only \"" + MailboxOptions.DEFAULT_CATEGORY + "\"").contains("give them \"CRM\"");
        }
    }
}
