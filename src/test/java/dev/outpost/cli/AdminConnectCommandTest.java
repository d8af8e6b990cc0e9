package dev.outpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.auth.InstalledAdminFile;
import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.Link;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;

/** outpost connect, sync and status with IT's admin file: its values as defaults, its locked values enforced. */
@ExtendWith(SecretsInFiles.class)
class AdminConnectCommandTest {

    private static final String CONTOSO = "https://contoso.crm.dynamics.com";
    private static final String FABRIKAM = "https://fabrikam.crm.dynamics.com";
    private static final String GRAPH = "https://graph.microsoft.com/v1.0";

    @TempDir
    Path folder;

    private InstalledAdminFile admin;
    @AfterEach
    void removeTheAdminFile() {
        if (admin != null) {
            admin.close();
        }
    }

    private void itWrites(String json) {
        admin = InstalledAdminFile.of(folder.resolve("opt"), json);
    }

    private Path profile() {
        return folder.resolve("profile");
    }

    private CliRun run(String... args) {
        return CliRun.run(profile(), args);
    }

    private ConnectionSettings saved() {
        return ConnectionSettings.read(new ProfileFolder(profile())).orElseThrow();
    }

    @Test
    void connectWithoutACrmUrlConnectsToTheOneItSet() {
        itWrites("{\"crmUrl\": \"" + CONTOSO + "\"}");

        CliRun run = run("connect");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(saved().crmUrl()).hasToString(CONTOSO);
    }

    @Test
    void connectWithoutACrmUrlKeepsAConnectedProfileOnItsOwnCrm() {
        assertThat(run("connect", "--crm-url", FABRIKAM).exitCode).isZero();
        itWrites("{\"crmUrl\": \"" + CONTOSO + "\"}");

        CliRun run = run("connect", "--graph-url", GRAPH);

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(saved().crmUrl()).hasToString(FABRIKAM);
        assertThat(saved().mailbox()).isPresent();
    }

    @Test
    void connectWithoutACrmUrlMovesAProfileToTheCrmItLocked() {
        assertThat(run("connect", "--crm-url", FABRIKAM).exitCode).isZero();
        itWrites("{\"crmUrl\": \"" + CONTOSO + "\", \"locked\": [\"crmUrl\"]}");

        CliRun run = run("connect");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(saved().crmUrl()).hasToString(CONTOSO);
    }

    @Test
    void connectWithoutACrmUrlWhenItSetNoneSaysWhatToGive() {
        itWrites("{\"category\": \"CRM\"}");

        CliRun run = run("connect");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("--crm-url URL").contains("outpost-admin.json names none");
        assertThat(ConnectionSettings.read(new ProfileFolder(profile()))).isEmpty();
    }

    @Test
    void anotherCrmThanTheLockedOneIsRefusedNamingTheFile() {
        itWrites("{\"crmUrl\": \"" + CONTOSO + "\", \"locked\": [\"crmUrl\"]}");

        CliRun run = run("connect", "--crm-url", FABRIKAM);

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("IT has set the CRM for this installation to " + CONTOSO)
                .contains(admin.path.toString()).contains("connecting to " + FABRIKAM + " is not allowed")
                .contains("Leave out --crm-url");
        assertThat(ConnectionSettings.read(new ProfileFolder(profile()))).isEmpty();
    }

    @Test
    void whereUsersMayNotOverrideAnotherCrmIsRefusedToo() {
        itWrites("{\"crmUrl\": \"" + CONTOSO + "\", \"allowUserOverride\": false}");

        assertThat(run("connect", "--crm-url", FABRIKAM).exitCode).isEqualTo(2);
    }

    @Test
    void theLockedCrmItselfMayBeNamed() {
        itWrites("{\"crmUrl\": \"" + CONTOSO + "\", \"locked\": [\"crmUrl\"]}");

        assertThat(run("connect", "--crm-url", CONTOSO + "/").exitCode).isZero();
        assertThat(saved().crmUrl()).hasToString(CONTOSO);
    }

    @Test
    void aCrmItDidNotLockIsOnlyADefault() {
        itWrites("{\"crmUrl\": \"" + CONTOSO + "\"}");

        assertThat(run("connect", "--crm-url", FABRIKAM).exitCode).isZero();
        assertThat(saved().crmUrl()).hasToString(FABRIKAM);
    }

    @Test
    void aNewConnectionTakesItsFiltersCategoryAndLimit() {
        itWrites("{\"syncFilters\": {\"accounts\": \"all\", \"contacts\": \"all\"}, \"category\": \"CRM\", "
                + "\"outlookLimit\": 800}");

        CliRun run = run("connect", "--crm-url", CONTOSO, "--graph-url", GRAPH);

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(saved().syncedWhole()).containsExactlyInAnyOrder(RecordType.ACCOUNT, RecordType.CONTACT);
        assertThat(saved().mailbox().orElseThrow().options().category()).isEqualTo("CRM");
        assertThat(saved().mailbox().orElseThrow().options().limit()).isEqualTo(800);
    }

    @Test
    void theUsersOwnChoicesWinWhereNothingIsLocked() {
        itWrites("{\"syncFilters\": {\"accounts\": \"all\"}, \"category\": \"CRM\", \"outlookLimit\": 800}");

        CliRun run = run("connect", "--crm-url", CONTOSO, "--all-records", "tasks", "--graph-url", GRAPH,
                "--category", "Mine", "--outlook-limit", "50");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(saved().syncedWhole()).containsExactly(RecordType.TASK);
        assertThat(saved().mailbox().orElseThrow().options().category()).isEqualTo("Mine");
        assertThat(saved().mailbox().orElseThrow().options().limit()).isEqualTo(50);
    }

    @Test
    void anotherCategoryThanTheLockedOneIsRefused() {
        itWrites("{\"category\": \"CRM\", \"locked\": [\"category\"]}");

        CliRun run = run("connect", "--crm-url", CONTOSO, "--graph-url", GRAPH, "--category", "Mine");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("IT has set the Outlook sharing category for this installation (in "
                + admin.path + "): \"CRM\"").contains("Leave out --category");
        assertThat(ConnectionSettings.read(new ProfileFolder(profile()))).isEmpty();
    }

    @Test
    void theLockedCategoryItselfMayBeNamedInAnyCase() {
        itWrites("{\"category\": \"CRM\", \"locked\": [\"category\"]}");

        assertThat(run("connect", "--crm-url", CONTOSO, "--graph-url", GRAPH, "--category", "crm").exitCode).isZero();
        assertThat(saved().mailbox().orElseThrow().options().category()).isEqualTo("CRM");
    }

    @Test
    void anotherOutlookLimitThanTheLockedOneIsRefused() {
        itWrites("{\"outlookLimit\": 800, \"allowUserOverride\": false}");

        CliRun run = run("connect", "--crm-url", CONTOSO, "--graph-url", GRAPH, "--outlook-limit", "50");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("IT has set the Outlook limit").contains(": 800").contains("Leave out --outlook-limit");
    }

    @Test
    void otherSyncFiltersThanTheLockedOnesAreRefused() {
        itWrites("{\"syncFilters\": {\"accounts\": \"all\"}, \"locked\": [\"syncFilters\"]}");

        CliRun run = run("connect", "--crm-url", CONTOSO, "--all-records", "tasks");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("IT has set the sync filters").contains("all records of accounts")
                .contains("Leave out --all-records");
    }

    @Test
    void lockedFiltersOfNoTypeRefuseAnyAllRecords() {
        itWrites("{\"syncFilters\": {}, \"locked\": [\"syncFilters\"]}");

        CliRun run = run("connect", "--crm-url", CONTOSO, "--all-records", "accounts");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("all records of no type");
    }

    @Test
    void anotherClientIdThanTheLockedOneIsRefused() {
        itWrites("{\"clientId\": \"it-app\", \"tenant\": \"contoso.onmicrosoft.com\", \"locked\": [\"clientId\"]}");

        CliRun run = run("connect", "--crm-url", CONTOSO, "--client-id", "my-app");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("IT has set the client id for this installation (in " + admin.path + "): it-app.")
                .contains("--client-id my-app was refused and nothing was saved")
                .contains("Run the command again without --client-id to use IT's.").doesNotContain("is not used");
        assertThat(ConnectionSettings.read(new ProfileFolder(profile()))).isEmpty();
    }

    @Test
    void anotherTenantWhereOnlyTheClientIdIsLockedIsTheUsersChoice() {
        itWrites("{\"clientId\": \"it-app\", \"tenant\": \"contoso.onmicrosoft.com\", \"locked\": [\"clientId\"]}");

        CliRun run = run("connect", "--crm-url", CONTOSO, "--tenant", "fabrikam.onmicrosoft.com");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("Sign-in: client id it-app at https://login.microsoftonline.com/fabrikam.onmicrosoft.com/");
    }

    @Test
    void anUnusableAdminFileIsReportedAndConnectCarriesOn() {
        itWrites("{\"crmUrl\": \"" + CONTOSO + "\", \"outlookLimit\": \"many\", \"locked\": [\"crmUrl\"]}");

        CliRun run = run("connect", "--crm-url", FABRIKAM);

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("are not used").contains("\"outlookLimit\"").contains(admin.path.toString());
        assertThat(saved().crmUrl()).hasToString(FABRIKAM);
    }

    @Test
    void aSyncOfAProfileOnAnotherCrmThanTheLockedOneIsRefused() {
        assertThat(run("connect", "--crm-url", FABRIKAM).exitCode).isZero();
        itWrites("{\"crmUrl\": \"" + CONTOSO + "\", \"locked\": [\"crmUrl\"]}");

        CliRun run = CliRun.runWithEnvironment(Map.of("OUTPOST_ACCESS_TOKEN", "t"), profile(), "sync");

        assertThat(run.exitCode).isNotZero();
        assertThat(run.err).contains("This profile syncs with " + FABRIKAM).contains(admin.path.toString())
                .contains("Connect this profile to " + CONTOSO);
    }

    @Test
    void aSwitchToTheLockedCrmWithUnsyncedWorkAdvisesExportOrDiscardNotTheSyncTheLockRefuses() {
        assertThat(run("connect", "--crm-url", FABRIKAM).exitCode).isZero();
        assertThat(run("create", "account", "name=Waiting Marker").exitCode).isZero();
        itWrites("{\"crmUrl\": \"" + CONTOSO + "\", \"locked\": [\"crmUrl\"]}");

        CliRun run = run("connect");

        assertThat(run.exitCode).isEqualTo(OutpostCommand.FAILED);
        assertThat(run.err).contains("1 local change not yet sent").contains("cannot be synced first")
                .contains("IT allows syncing only with " + CONTOSO).contains(admin.path.toString())
                .contains("--export FILE").contains("--discard-unsynced").doesNotContain("outpost sync");
        assertThat(saved().crmUrl()).hasToString(FABRIKAM);
    }

    @Test
    void anUnusableAdminFileIsReportedBySyncForAProfileReadingTokensFromVariables() {
        assertThat(run("connect", "--crm-url", CONTOSO).exitCode).isZero();
        itWrites("{\"crmUrl\": \"" + CONTOSO + "\", \"outlookLimit\": \"many\"}");

        CliRun run = run("sync");

        assertThat(run.exitCode).isEqualTo(CrmSession.SIGN_IN_NEEDED);
        assertThat(run.err).contains("The admin defaults in " + admin.path + " are not used")
                .contains("\"outlookLimit\"").contains("No access token");
    }

    @Test
    void aSyncSavesTheFiltersItLockedIntoTheProfileAndSyncsWithThem() throws Exception {
        try (DemoServer crm = DemoServer.start(0, DemoOptions.defaults().records(6).fixedToken("t"))) {
            assertThat(run("connect", "--crm-url", crm.url().toString()).exitCode).isZero();
            itWrites("{\"syncFilters\": {\"accounts\": \"all\"}, \"locked\": [\"syncFilters\"]}");

            CliRun run = CliRun.runWithEnvironment(Map.of("OUTPOST_ACCESS_TOKEN", "t"), profile(), "sync");

            assertThat(run.exitCode).as(run.out + run.err).isZero();
            assertThat(saved().syncedWhole()).containsExactly(RecordType.ACCOUNT);
        }
    }

    @Test
    void aSyncThatSavesACategoryItLockedSaysWhatItemsWithTheOldOneNeed() {
        assertThat(run("connect", "--crm-url", CONTOSO, "--graph-url", GRAPH).exitCode).isZero();
        try (OfflineStore store = OfflineStore.open(new ProfileFolder(profile()))) {
            Record contact = store.records().create(RecordType.CONTACT, Map.of("lastName", "Berg"));
            store.sync().putLinks(RecordType.CONTACT, List.of(new Link("outlook", contact.id(), "o-1", "v1",
                    contact.rev(), contact.values(), true)));
        }
        itWrites("{\"category\": \"CRM\", \"locked\": [\"category\"]}");

        CliRun run = run("sync");

        assertThat(saved().mailbox().orElseThrow().options().category()).isEqualTo("CRM");
        assertThat(run.out).contains("IT has set the Outlook sharing category").contains(admin.path.toString())
                .contains("carry only \"" + ConnectionSettings.MailboxOptions.DEFAULT_CATEGORY + "\"")
                .contains("give them \"CRM\" in Outlook");
    }

    @Test
    void statusSaysWhichAdminFileIsUsedWhatItSetsAndLocks() {
        itWrites("{\"crmUrl\": \"" + CONTOSO + "\", \"category\": \"CRM\", \"locked\": [\"crmUrl\"], \"crmURL\": 1}");

        CliRun run = run("status");

        assertThat(run.out).contains("IT's admin file: " + admin.path)
                .contains("sets: crmUrl, category; locked: crmUrl")
                .contains("keys this version does not know (not used): crmURL");
    }

    @Test
    void statusSaysWhyAnAdminFileIsNotUsed() {
        itWrites("{\"outlookLimit\": 0}");

        CliRun run = run("status");

        assertThat(run.out).contains("IT's admin file: " + admin.path + " (not used)")
                .contains("Warning: The admin defaults in " + admin.path + " are not used: \"outlookLimit\" must be");
    }

    @Test
    void statusAsJsonNamesTheFileAndItsWarning() throws Exception {
        itWrites("{\"category\": \"CRM\", \"allowUserOverride\": false}");

        CliRun run = run("status", "--json");

        var node = RecordJson.MAPPER.readTree(run.out).path("adminFile");
        assertThat(node.path("path").asText()).isEqualTo(admin.path.toString());
        assertThat(node.path("used").asBoolean()).isTrue();
        assertThat(node.path("locked").toString()).isEqualTo("[\"category\"]");
    }

    @Test
    void statusSaysWhereItLookedWhenThereIsNoAdminFile() throws Exception {
        Files.createDirectories(profile());

        CliRun run = run("status");

        assertThat(run.out).contains("IT's admin file: none (looked for outpost-admin.json in: ");
    }
}
