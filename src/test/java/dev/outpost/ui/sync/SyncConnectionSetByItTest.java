package dev.outpost.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.auth.InstalledAdminFile;
import dev.outpost.model.RecordType;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;

/** The window's connection with IT's admin file: a new connection takes its filters, a locked CRM refuses others. */
class SyncConnectionSetByItTest {

    @TempDir
    Path folder;

    private InstalledAdminFile admin;

    @AfterEach
    void removeTheAdminFile() {
        if (admin != null) {
            admin.close();
        }
    }

    private ProfileFolder profile() {
        return new ProfileFolder(folder.resolve("profile"));
    }

    private SyncConnection connection() {
        return new SyncConnection(profile(), Map.<String, String>of()::get, 10);
    }

    @Test
    void theWelcomeIsOfferedTheCrmItSet() {
        admin = InstalledAdminFile.of(folder, "{\"crmUrl\": \"https://contoso.crm.dynamics.com\"}");

        assertThat(connection().admin().crmUrl()).contains(URI.create("https://contoso.crm.dynamics.com"));
    }

    @Test
    void aNewConnectionSyncsWhatItsFiltersSay() {
        admin = InstalledAdminFile.of(folder, "{\"syncFilters\": {\"opportunities\": \"all\"}}");

        connection().connectTo(URI.create("https://contoso.crm.dynamics.com"));

        assertThat(ConnectionSettings.read(profile()).orElseThrow().syncedWhole()).containsExactly(RecordType.OPPORTUNITY);
    }

    @Test
    void anotherCrmThanTheLockedOneIsRefusedAndNothingSaved() {
        admin = InstalledAdminFile.of(folder, "{\"crmUrl\": \"https://contoso.crm.dynamics.com\", \"locked\": [\"crmUrl\"]}");

        assertThatThrownBy(() -> connection().connectTo(URI.create("https://fabrikam.crm.dynamics.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not allowed")
                .hasMessageContaining(admin.path.toString());
        assertThat(ConnectionSettings.read(profile())).isEmpty();
    }

    @Test
    void aProfileOnAnotherCrmThanTheLockedOneGetsNoPairToSyncWith() {
        new ConnectionSettings(URI.create("https://fabrikam.crm.dynamics.com"), "OUTPOST_ACCESS_TOKEN").write(profile());
        admin = InstalledAdminFile.of(folder, "{\"crmUrl\": \"https://contoso.crm.dynamics.com\", \"locked\": [\"crmUrl\"]}");

        // The reset warning asks pair() whether "Sync first" can work: it cannot, the sync would be refused.
        assertThatThrownBy(() -> connection().pair()).isInstanceOf(dev.outpost.store.StoreException.class)
                .hasMessageContaining("This profile syncs with https://fabrikam.crm.dynamics.com")
                .hasMessageContaining("Connect this profile to https://contoso.crm.dynamics.com");
    }

    @Test
    void beforeEachSyncTheLockedValuesAreSavedIntoTheProfile() {
        new ConnectionSettings(URI.create("https://contoso.crm.dynamics.com"), "OUTPOST_ACCESS_TOKEN").write(profile());
        admin = InstalledAdminFile.of(folder, "{\"syncFilters\": {\"accounts\": \"all\"}, \"allowUserOverride\": false}");
        SyncConnection connection = connection();

        try (OfflineStore store = OfflineStore.open(profile())) {
            connection.applyLockedSettings(store.sync());
        }

        assertThat(connection.settings().map(ConnectionSettings::syncedWhole)).contains(java.util.Set.of(RecordType.ACCOUNT));
        assertThat(ConnectionSettings.read(profile()).map(ConnectionSettings::syncedWhole))
                .isEqualTo(Optional.of(java.util.Set.of(RecordType.ACCOUNT)));
    }
}
