package dev.outpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutlookBenchmarkTest {

    private static final Pattern LAST_LINE = Pattern.compile(
            "outlook records=120 initial_ms=\\d+ incremental_ms=\\d+\\.\\d requests=(\\d+)");

    @TempDir
    Path profile;

    @Test
    void benchOutlookEndsWithTheMachineReadableLine() {
        CliRun run = CliRun.run(profile, "bench", "outlook", "--records", "120", "--changes", "3");

        assertThat(run.exitCode).as(run.err).isZero();
        String[] lines = run.out.strip().split("\\R");
        Matcher last = LAST_LINE.matcher(lines[lines.length - 1]);
        assertThat(last.matches()).as(run.out).isTrue();
        // 120 items hold about 50 contacts, half of them edited here: a few Graph batches.
        assertThat(Integer.parseInt(last.group(1))).as(run.out).isBetween(1, 8);
        assertThat(run.out).contains("records=120: initial sync").containsPattern("push of \\d+ contact edits")
                .contains("the mailbox holds every edit");
    }

    @Test
    void benchOutlookRefusesTooFewRecords() {
        CliRun run = CliRun.run(profile, "bench", "outlook", "--records", "19");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("--records must be at least 20");
    }
}
