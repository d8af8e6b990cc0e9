package dev.outpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncBenchmarkTest {

    @TempDir
    Path profile;

    @Test
    void benchSyncEndsWithTheMachineReadableLine() {
        CliRun run = CliRun.run(profile, "bench", "sync", "--records", "300", "--changes", "3");

        assertThat(run.exitCode).as(run.err).isZero();
        String[] lines = run.out.strip().split("\\R");
        assertThat(lines[lines.length - 1]).matches(
                "sync records=300 changes=3 initial_ms=\\d+ incremental_ms=\\d+\\.\\d incremental_ratio=\\d+\\.\\d\\d");
        assertThat(run.out).contains("records=30: initial sync").contains("records=300: initial sync");
    }

    @Test
    void benchSyncRefusesTooFewRecords() {
        assertThat(CliRun.run(profile, "bench", "sync", "--records", "5").exitCode).isEqualTo(2);
    }
}
