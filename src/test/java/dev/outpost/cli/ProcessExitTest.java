package dev.outpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;

/** The real entry point in its own process: exit codes and streams as a script sees them. */
class ProcessExitTest {

    @TempDir
    Path profile;

    record Result(int exitCode, String out, String err) {
    }

    private Result outpost(String... args) throws IOException, InterruptedException {
        String java = System.getProperty("outpost.test.java", ProcessHandle.current().info().command().orElse("java"));
        List<String> command = new ArrayList<>(List.of(java, "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "dev.outpost.app.Main", "--profile", profile.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aCommandSucceedsWithExitCodeZeroAndPrintsOnlyItsOutput() throws Exception {
        Result created = outpost("create", "account", "name=Northwind Traders");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out().trim()).matches("[0-9a-f-]{36}");
    }

    @Test
    void aSecondProcessOnAnOpenProfileFailsWithExitCodeOneAndSaysWhichProcessHasIt() throws Exception {
        try (OfflineStore held = OfflineStore.open(new ProfileFolder(profile))) {
            Result second = outpost("status");

            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.err()).contains("Another Outpost (process " + ProcessHandle.current().pid() + ")")
                    .contains(profile.toString());
        }
    }

    @Test
    void aUsageErrorExitsWithTwo() throws Exception {
        Result result = outpost("frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("frobnicate");
    }
}
