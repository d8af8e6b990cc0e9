package dev.outpost.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.RecordType;
import dev.outpost.store.AdminSettings;
import dev.outpost.store.AdminSettings.Setting;

/** The connection keys of outpost-admin.json: each read when valid, and the file refused, saying why, when not. */
class AdminDefaultsConnectionKeysTest {

    @TempDir
    Path folder;

    private AdminDefaults file(String json) throws Exception {
        Path file = folder.resolve(AdminDefaults.FILE_NAME);
        Files.writeString(file, json);
        return AdminDefaults.read(file);
    }

    /** The warning of a file that is not used: it names the file and the key, and shows what to write. */
    private String refused(String json) throws Exception {
        AdminDefaults admin = file(json);
        assertThat(admin.connection()).isEqualTo(AdminSettings.NONE);
        assertThat(admin.warning()).isPresent();
        assertThat(admin.warning().get()).contains(folder.resolve(AdminDefaults.FILE_NAME).toString())
                .contains("are not used").contains("built-in defaults");
        return admin.warning().get();
    }

    @Test
    void everyKeyIsReadWhenValid() throws Exception {
        AdminDefaults admin = file("""
                {"clientId": "it-app", "tenant": "contoso.onmicrosoft.com",
                 "crmUrl": "https://Contoso.crm.dynamics.com/",
                 "category": "  CRM  ", "outlookLimit": 800,
                 "syncFilters": {"accounts": "all", "Contacts": "ALL", "tasks": "mine"},
                 "allowUserOverride": true, "locked": ["crmUrl", "syncFilters", "tenant"]}
                """);

        assertThat(admin.warning()).isEmpty();
        AdminSettings it = admin.connection();
        assertThat(it.crmUrl()).contains(URI.create("https://contoso.crm.dynamics.com"));
        assertThat(it.category()).contains("CRM");
        assertThat(it.outlookLimit()).contains(800);
        assertThat(it.allRecords()).contains(Set.of(RecordType.ACCOUNT, RecordType.CONTACT));
        assertThat(it.locked()).containsExactlyInAnyOrder(Setting.CRM_URL, Setting.SYNC_FILTERS, Setting.AUTHORITY);
        assertThat(it.source()).contains(folder.resolve(AdminDefaults.FILE_NAME));
    }

    @Test
    void aFileWithoutConnectionKeysSetsNoneAndLocksNone() throws Exception {
        AdminSettings it = file("{\"clientId\": \"it-app\"}").connection();

        assertThat(it.crmUrl()).isEmpty();
        assertThat(it.category()).isEmpty();
        assertThat(it.outlookLimit()).isEmpty();
        assertThat(it.allRecords()).isEmpty();
        assertThat(it.locked()).isEmpty();
    }

    @Test
    void emptySyncFiltersMeanEveryTypeSyncsTheUsersOwn() throws Exception {
        assertThat(file("{\"syncFilters\": {}}").connection().allRecords()).contains(Set.of());
    }

    @Test
    void aCrmUrlThatIsNoAddressIsRefused() throws Exception {
        assertThat(refused("{\"crmUrl\": \"contoso\"}")).contains("\"crmUrl\"").contains("https://contoso.crm.dynamics.com");
    }

    @Test
    void aCrmUrlOverPlainHttpToAnotherComputerIsRefused() throws Exception {
        assertThat(refused("{\"crmUrl\": \"http://crm.example.com\"}")).contains("\"crmUrl\" must be an https address");
    }

    @Test
    void aCrmUrlThatIsNotTextIsRefused() throws Exception {
        assertThat(refused("{\"crmUrl\": 42}")).contains("\"crmUrl\" must be a non-empty text");
    }

    @Test
    void anEmptyCategoryIsRefused() throws Exception {
        assertThat(refused("{\"category\": \" \"}")).contains("\"category\"").contains("Shared with CRM");
    }

    @Test
    void anOverlongCategoryIsRefused() throws Exception {
        assertThat(refused("{\"category\": \"" + "x".repeat(256) + "\"}")).contains("\"category\"").contains("at most 255");
    }

    @Test
    void anOutlookLimitOutOfRangeIsRefused() throws Exception {
        assertThat(refused("{\"outlookLimit\": 0}")).contains("\"outlookLimit\" must be a whole number from 1 to 100000")
                .contains("\"outlookLimit\": 5000");
        refused("{\"outlookLimit\": 100001}");
    }

    @Test
    void anOutlookLimitInQuotesIsRefused() throws Exception {
        assertThat(refused("{\"outlookLimit\": \"500\"}")).contains("without quotes");
        refused("{\"outlookLimit\": 12.5}");
    }

    @Test
    void syncFiltersThatAreNoObjectAreRefused() throws Exception {
        assertThat(refused("{\"syncFilters\": [\"accounts\"]}")).contains("\"syncFilters\" must be an object")
                .contains("{\"accounts\": \"all\", \"contacts\": \"mine\"}");
    }

    @Test
    void aSyncFilterForAnUnknownTypeIsRefused() throws Exception {
        assertThat(refused("{\"syncFilters\": {\"leads\": \"all\"}}")).contains("\"leads\", which is no record type")
                .contains("accounts, contacts, opportunities, tasks, appointments, emails");
    }

    @Test
    void anUnknownSyncFilterIsRefused() throws Exception {
        assertThat(refused("{\"syncFilters\": {\"accounts\": \"everything\"}}")).contains("accounts")
                .contains("write \"all\"").contains("\"mine\"");
        refused("{\"syncFilters\": {\"accounts\": true}}");
    }

    @Test
    void lockedThatIsNoListIsRefused() throws Exception {
        assertThat(refused("{\"crmUrl\": \"https://contoso.crm.dynamics.com\", \"locked\": \"crmUrl\"}"))
                .contains("\"locked\" must be a list").contains("\"locked\": [\"crmUrl\", \"syncFilters\"]");
    }

    @Test
    void lockingAnUnknownSettingIsRefusedNamingTheKnownOnes() throws Exception {
        assertThat(refused("{\"locked\": [\"theme\"]}")).contains("\"theme\", which is no setting")
                .contains("\"crmUrl\", \"clientId\", \"authority\", \"category\", \"outlookLimit\", \"syncFilters\"");
    }

    @Test
    void lockingASettingTheFileDoesNotGiveIsRefused() throws Exception {
        assertThat(refused("{\"locked\": [\"category\"]}")).contains("\"locked\" names \"category\", but the file gives "
                + "no value for it").contains("add \"category\"");
    }

    @Test
    void oneBadKeySpoilsTheWholeFileAndEveryProblemIsNamedAtOnce() throws Exception {
        AdminDefaults admin = file("{\"clientId\": \"it-app\", \"crmUrl\": \"https://contoso.crm.dynamics.com\", "
                + "\"outlookLimit\": -1, \"category\": \"\"}");

        assertThat(admin.clientId()).isEmpty();
        assertThat(admin.connection().crmUrl()).isEmpty();
        assertThat(admin.warning()).hasValueSatisfying(w -> assertThat(w).contains("\"outlookLimit\"").contains("\"category\""));
    }

    @Test
    void unknownKeysAreKeptListedAndDoNotFail() throws Exception {
        AdminDefaults admin = file("{\"clientId\": \"it-app\", \"crmURL\": \"https://typo.example.com\", \"future\": 1}");

        assertThat(admin.warning()).isEmpty();
        assertThat(admin.unknownKeys()).containsExactly("crmURL", "future");
        assertThat(admin.file().path("future").asInt()).isEqualTo(1);
        assertThat(admin.connection().crmUrl()).isEmpty();
    }

    @Test
    void aLockedClientIdBindsTheSignInEvenWhenUsersMayOverrideTheRest() throws Exception {
        AdminDefaults admin = file("{\"clientId\": \"it-app\", \"tenant\": \"it\", \"locked\": [\"clientId\"]}");

        AdminDefaults.Resolution resolved = admin.resolve(Optional.of("my-app"), Optional.of(
                URI.create("https://login.microsoftonline.com/mine/")));

        assertThat(resolved.settings().orElseThrow().clientId()).isEqualTo("it-app");
        assertThat(resolved.settings().orElseThrow().authority()).hasToString("https://login.microsoftonline.com/mine/");
        assertThat(resolved.messages()).singleElement().asString().contains("client id").contains("is not used");
    }

    @Test
    void theSystemsPlaceForTheFileIsLookedAtPerOperatingSystem() {
        assertThat(AdminDefaults.systemFile("Linux", name -> null))
                .contains(Path.of("/etc/outpost/outpost-admin.json"));
        assertThat(AdminDefaults.systemFile("Mac OS X", name -> null))
                .contains(Path.of("/Library/Application Support/Outpost/outpost-admin.json"));
        // On a non-Windows test machine a Windows path is one odd file name, but still names ProgramData's folder.
        assertThat(AdminDefaults.systemFile("Windows 11", Map.of("ProgramData", "D:\\Data")::get))
                .hasValueSatisfying(path -> assertThat(path.toString()).startsWith("D:\\Data")
                        .contains("Outpost").endsWith(AdminDefaults.FILE_NAME));
        assertThat(AdminDefaults.systemFile("Windows 11", name -> null))
                .hasValueSatisfying(path -> assertThat(path.toString()).startsWith("C:\\ProgramData"));
    }

    @Test
    void theSystemsPlaceComesAfterTheFilesNextToTheApplication() {
        assertThat(AdminDefaults.installationFiles()).last()
                .isEqualTo(AdminDefaults.systemFile(System.getProperty("os.name"), System::getenv).orElseThrow());
        assertThat(AdminDefaults.installationFiles()).hasSize(4);
    }

    @Test
    void anInstalledAppLooksNextToItsLauncherNotWhereItsClassesWereOnceTrained() {
        // The installers' AOT cache gives classes the code source of the build's training run: the launcher's path
        // (jpackage.app-path) is where the installation really is.
        assertThat(AdminDefaults.installationFiles(Optional.of("/opt/outpost/bin/Outpost"))).startsWith(
                Path.of("/opt/outpost/lib/app", AdminDefaults.FILE_NAME), Path.of("/opt/outpost/lib", AdminDefaults.FILE_NAME),
                Path.of("/opt/outpost", AdminDefaults.FILE_NAME));
        assertThat(AdminDefaults.installationFiles(Optional.of("/Applications/Outpost.app/Contents/MacOS/Outpost")))
                .first().isEqualTo(Path.of("/Applications/Outpost.app/Contents/app", AdminDefaults.FILE_NAME));
        assertThat(AdminDefaults.appFolderOfLauncher("/opt/Outpost/Outpost.exe")).contains(Path.of("/opt/Outpost/app"));
        assertThat(AdminDefaults.installationFiles(Optional.empty())).first()
                .as("without a launcher (a checkout's build): next to the classes").isEqualTo(Path.of(
                        AdminDefaults.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                        .getParent().resolve(AdminDefaults.FILE_NAME));
    }
}
