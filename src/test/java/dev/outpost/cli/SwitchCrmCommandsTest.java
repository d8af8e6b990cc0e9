package dev.outpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.ProfileIdentity;

/**
 * {@code outpost connect} to another CRM: the reset flow of the command line, against two demo CRMs over loopback.
 * It refuses while work is unsynced, unless told to export it or drop it; then the old copy goes and the new CRM's
 * records come down; an export re-imports into the new copy and reaches the new CRM once.
 */
class SwitchCrmCommandsTest {

    private static final String TOKEN = "switch-cli";
    private static final Map<String, String> ENV = Map.of("OUTPOST_ACCESS_TOKEN", TOKEN);

    @TempDir
    Path folder;

    private DemoServer leaving;
    private DemoServer joining;
    private Path profile;

    @BeforeEach
    void start() throws IOException {
        leaving = DemoServer.start(0, DemoOptions.defaults().records(10).fixedToken(TOKEN));
        joining = DemoServer.start(0, DemoOptions.defaults().records(6).seed(7).fixedToken(TOKEN));
        profile = folder.resolve("profile");
        ok("connect", "--crm-url", leaving.url().toString(), "--all-records", "accounts,contacts");
        ok("sync");
    }

    @AfterEach
    void stop() {
        leaving.close();
        joining.close();
    }

    private CliRun run(String... args) {
        return CliRun.runWithEnvironment(ENV, profile, args);
    }

    private CliRun ok(String... args) {
        CliRun run = run(args);
        assertThat(run.exitCode).as(run.out + run.err).isZero();
        return run;
    }

    @Test
    void withUnsyncedWorkItRefusesListingItAndChangesNothing() {
        ok("create", "account", "name=Kept Marker");

        CliRun refused = run("connect", "--crm-url", joining.url().toString());

        assertThat(refused.exitCode).isEqualTo(OutpostCommand.FAILED);
        assertThat(refused.err).contains("1 local change not yet sent").contains("--export FILE")
                .contains("--discard-unsynced").contains("outpost sync");
        assertThat(ConnectionSettings.read(new ProfileFolder(profile)).orElseThrow().crmUrl())
                .isEqualTo(ConnectionSettings.normalize(leaving.url()));
        assertThat(ok("list", "accounts").out).contains("Kept Marker");
    }

    @Test
    void exportThenSwitchThenImportBringsTheChangeToTheNewCrmOnce() throws Exception {
        ok("create", "account", "name=Carried Marker");
        Path file = folder.resolve("carried.json");

        CliRun switched = ok("connect", "--crm-url", joining.url().toString(), "--export", file.toString());

        assertThat(switched.out).contains("Saved 1 unsynced change to " + file.toAbsolutePath())
                .contains("Removed the offline copy of " + ConnectionSettings.normalize(leaving.url()))
                .contains("Connected to " + ConnectionSettings.normalize(joining.url()));
        assertThat(Files.readString(file)).contains("Carried Marker");
        assertThat(ok("list", "accounts").out).doesNotContain("Carried Marker").contains("No accounts");
        assertThat(ProfileIdentity.read(new ProfileFolder(profile)).orElseThrow().crmUrl())
                .isEqualTo(ProfileIdentity.normalize(joining.url()));

        ok("sync");
        ok("import", file.toString());
        ok("sync");
        ok("sync");

        long onServer = Files.exists(file) ? countOnServer(joining, "Carried Marker") : -1;
        assertThat(onServer).as("created on the new CRM exactly once").isEqualTo(1);
        assertThat(countOnServer(leaving, "Carried Marker")).as("never sent to the old one").isZero();
    }

    @Test
    void discardUnsyncedSwitchesAndSaysWhatWasDropped() {
        ok("create", "account", "name=Dropped Marker");

        CliRun switched = ok("connect", "--crm-url", joining.url().toString(), "--discard-unsynced");

        assertThat(switched.out).contains("Dropping work not yet synchronized, as asked: 1 local change");
        ok("sync");
        assertThat(ok("list", "accounts").out).doesNotContain("Dropped Marker");
        assertThat(countOnServer(joining, "Dropped Marker")).isZero();
    }

    @Test
    void withNothingUnsyncedTheSwitchNeedsNoOption() {
        CliRun switched = ok("connect", "--crm-url", joining.url().toString());

        assertThat(switched.out).contains("Removed the offline copy");
        ok("sync");
        String status = ok("status").out;
        assertThat(status).contains("Offline copy of: " + ProfileIdentity.normalize(joining.url()))
                .contains("Store key and sign-in kept in: a file only you can read")
                .contains("Warning: no OS key store is used");
    }

    /** How many accounts with this name the demo CRM holds, read over its Web API. */
    private static long countOnServer(DemoServer server, String name) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(server.url().resolve("/api/data/v9.2/accounts?$select=name"))
                    .header("Authorization", "Bearer " + TOKEN).header("Prefer", "odata.maxpagesize=5000").build();
            String body = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("value").findValuesAsText("name")
                    .stream().filter(name::equals).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
