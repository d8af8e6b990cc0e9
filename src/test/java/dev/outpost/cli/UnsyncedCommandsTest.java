package dev.outpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code outpost export-unsynced FILE} and {@code outpost import FILE}. */
class UnsyncedCommandsTest {

    @TempDir
    Path folder;

    private Path old() {
        return folder.resolve("old");
    }

    private Path fresh() {
        return folder.resolve("fresh");
    }

    private String create(Path profile, String... args) {
        CliRun run = CliRun.run(profile, args);
        assertThat(run.exitCode).as(run.err).isZero();
        return run.out.trim();
    }

    @Test
    void exportSaysHowManyChangesItWroteAndWhere() {
        create(old(), "create", "contact", "firstName=Anna", "lastName=Berg");
        create(old(), "create", "account", "name=Acme");
        Path file = folder.resolve("unsynced.json");

        CliRun run = CliRun.run(old(), "export-unsynced", file.toString());

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("Wrote 2 unsynced changes to " + file.toAbsolutePath());
        assertThat(file).content().contains("\"lastName\" : \"Berg\"").contains("\"what\" : \"created\"");
    }

    @Test
    void importPrintsWhatEachEntryBecameAndImportingAgainDoublesNothing() {
        String id = create(old(), "create", "contact", "firstName=Anna", "lastName=Berg");
        Path file = folder.resolve("unsynced.json");
        CliRun.run(old(), "export-unsynced", file.toString());

        CliRun first = CliRun.run(fresh(), "import", file.toString());
        CliRun again = CliRun.run(fresh(), "import", file.toString());

        assertThat(first.exitCode).as(first.err).isZero();
        assertThat(first.out).contains("imported  entry 1, contact 'Anna Berg' (" + id.substring(0, 8) + "): created")
                .contains("1 imported, 0 skipped, 0 failed.");
        assertThat(again.out).contains("skipped  entry 1").contains("already here").contains("0 imported, 1 skipped, 0 failed.");
        assertThat(CliRun.run(fresh(), "list", "contacts").out).contains("Anna Berg").contains("1 contact");
    }

    @Test
    void importExitsWithOneNamingTheEntriesThatFailed() throws Exception {
        Path file = folder.resolve("edited.json");
        Files.writeString(file, """
                {"format": "outpost-unsynced-changes", "version": 1, "changes": [
                  {"type": "account", "localId": "44444444-4444-4444-4444-444444444444", "title": "Fine",
                   "what": "created", "values": {"name": "Fine"}},
                  {"type": "contact", "localId": "22222222-2222-2222-2222-222222222222", "title": "Bad mail",
                   "what": "created", "values": {"lastName": "Berg", "email": "not an address"}}]}""");

        CliRun run = CliRun.run(fresh(), "import", file.toString());

        assertThat(run.exitCode).isEqualTo(OutpostCommand.FAILED);
        assertThat(run.out).contains("1 imported, 0 skipped, 1 failed.");
        assertThat(run.err).contains("failed  entry 2, contact 'Bad mail' (22222222)").contains("email")
                .contains("1 entry not imported: correct them in the file and import it again");
        assertThat(CliRun.run(fresh(), "list", "accounts").out).contains("Fine");
    }

    @Test
    void importOfAFileThatIsNotAnExportFailsSayingSo() throws Exception {
        Path file = folder.resolve("other.json");
        Files.writeString(file, "[]");

        CliRun run = CliRun.run(fresh(), "import", file.toString());

        assertThat(run.exitCode).isEqualTo(OutpostCommand.FAILED);
        assertThat(run.err).contains("is not a file of unsynced changes written by Outpost");
    }
}
