package dev.outpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrmBenchmarkTest {

    private static final Pattern LAST_LINE = Pattern.compile("crm records=200 initial_ms=\\d+ incremental_ms=\\d+\\.\\d "
            + "incremental_ratio=\\d+\\.\\d\\d push_requests=(\\d+) peak_heap_mb=(\\d+)");

    @TempDir
    Path profile;

    @Test
    void benchCrmEndsWithTheMachineReadableLine() {
        CliRun run = CliRun.run(profile, "bench", "crm", "--records", "200", "--changes", "3");

        assertThat(run.exitCode).as(run.err).isZero();
        String[] lines = run.out.strip().split("\\R");
        Matcher last = LAST_LINE.matcher(lines[lines.length - 1]);
        assertThat(last.matches()).as(run.out).isTrue();
        // 200 records hold about 60 contacts of mine: all of them are edited, in batches of 50 writes.
        assertThat(Integer.parseInt(last.group(1))).isBetween(1, 6);
        assertThat(Integer.parseInt(last.group(2))).isPositive();
        assertThat(run.out).contains("records=200: initial sync").contains("records=20: initial sync")
                .containsPattern("push of [5-6][0-9] contact edits").contains("heap: peak");
    }

    @Test
    void benchCrmRefusesTooFewRecords() {
        CliRun run = CliRun.run(profile, "bench", "crm", "--records", "39");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("--records must be at least 40");
    }

    @Test
    void benchCrmRefusesNoChanges() {
        CliRun run = CliRun.run(profile, "bench", "crm", "--records", "100", "--changes", "0");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("--changes at least 1");
    }
}
