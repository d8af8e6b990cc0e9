package dev.outpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

/**
 * The conflict policy chosen in the settings (saved in connection.json) is the one a sync applies: the same
 * field changed on two laptops is a conflict under "ask", and the CRM's value under "server-wins".
 */
class ConflictPolicyChoiceTest {

    private static final String TOKEN = "policy";
    private static final Map<String, String> ENV = Map.of("OUTPOST_ACCESS_TOKEN", TOKEN);

    @TempDir
    Path folder;

    private DemoServer server;

    @BeforeEach
    void start() throws IOException {
        server = DemoServer.start(0, DemoOptions.defaults().records(8).fixedToken(TOKEN));
        for (String laptop : new String[] {"mine", "theirs"}) {
            ok(laptop, "connect", "--crm-url", server.url().toString(), "--all-records", "accounts");
            ok(laptop, "sync");
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun run(String laptop, String... args) {
        return CliRun.runWithEnvironment(ENV, folder.resolve(laptop), args);
    }

    private CliRun ok(String laptop, String... args) {
        CliRun run = run(laptop, args);
        assertThat(run.exitCode).as(run.out + run.err).isZero();
        return run;
    }

    /** The first account's id on a laptop: both hold the same accounts, listed in the same order. */
    private String firstAccount(String laptop) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(ok(laptop, "list", "accounts", "--json").out)
                    .get(0).path("id").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void cityChangedOnBoth() {
        ok("theirs", "update", "account", firstAccount("theirs"), "city=Lisbon");
        ok("theirs", "sync");
        ok("mine", "update", "account", firstAccount("mine"), "city=Oslo");
    }

    @Test
    void underTheDefaultTheCollisionWaitsForTheUser() {
        cityChangedOnBoth();

        assertThat(run("mine", "sync").exitCode).as("conflicts wait").isEqualTo(3);
    }

    @Test
    void withTheCrmWinningChosenTheCrmValueIsKeptAndNothingWaits() {
        ProfileFolder mine = new ProfileFolder(folder.resolve("mine"));
        ConnectionSettings.read(mine).orElseThrow().withPolicy("crm", "server-wins").write(mine);
        cityChangedOnBoth();

        ok("mine", "sync");

        assertThat(ok("mine", "show", "account", firstAccount("mine")).out).contains("Lisbon").doesNotContain("Oslo");
        assertThat(ok("mine", "conflicts").out).doesNotContain("Oslo");
    }
}
