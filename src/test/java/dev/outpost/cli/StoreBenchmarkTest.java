package dev.outpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreBenchmarkTest {

    @TempDir
    Path profile;

    @Test
    void benchStoreEndsWithTheMachineReadableLine() {
        CliRun run = CliRun.run(profile, "bench", "store", "--records", "600");

        assertThat(run.exitCode).as(run.err).isZero();
        String[] lines = run.out.strip().split("\\R");
        assertThat(lines[lines.length - 1])
                .matches("store records=600 insert_ms=\\d+ reopen_ms=\\d+ search_ms=\\d+\\.\\d");
    }

    @Test
    void benchStoreRefusesZeroRecords() {
        assertThat(CliRun.run(profile, "bench", "store", "--records", "0").exitCode).isEqualTo(2);
    }
}
