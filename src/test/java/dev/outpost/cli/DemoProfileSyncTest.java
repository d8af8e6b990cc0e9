package dev.outpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.ProfileFolder;

/** `outpost sync` on a profile in demo mode (as the window leaves it) runs the profile's own demo CRM and mailbox. */
class DemoProfileSyncTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path profile;

    @Test
    void aDemoProfileSyncsFromTheCommandLineWithoutATokenAndKeepsItsDemoData() throws Exception {
        ConnectionSettings.demoMode().write(new ProfileFolder(profile));

        CliRun first = CliRun.runWithEnvironment(Map.of(), profile, "sync");
        assertThat(first.exitCode).as(first.err).isZero();
        assertThat(first.out).contains("CRM").contains("Outlook");
        int records = JSON.readTree(CliRun.run(profile, "status", "--json").out).get("totalRecords").asInt();
        assertThat(records).isGreaterThan(500);

        // The demo data lives in the profile: a second run, with a new demo server, finds it as it was.
        String id = CliRun.run(profile, "create", "account", "name=Made on the command line").out.strip();
        CliRun second = CliRun.runWithEnvironment(Map.of(), profile, "sync", "--json");
        assertThat(second.exitCode).as(second.err).isZero();
        JsonNode crm = JSON.readTree(second.out).get("types");
        int pushed = 0;
        int pulled = 0;
        for (JsonNode type : crm) {
            pushed += type.get("pushedCreated").asInt();
            pulled += type.get("pulledCreated").asInt() + type.get("pulledDeleted").asInt();
        }
        assertThat(pushed).isEqualTo(1);
        assertThat(pulled).isZero();
        assertThat(id).isNotBlank();
    }
}
