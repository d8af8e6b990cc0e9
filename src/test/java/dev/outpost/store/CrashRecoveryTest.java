package dev.outpost.store;

import dev.outpost.testing.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/**
 * A process killed (SIGKILL) while it writes batches loses no batch it committed and leaves no part of the
 * batch it was writing. The writer is {@link CrashingWriter}, in a child JVM.
 */
class CrashRecoveryTest {

    private static final Pattern COMMITTED = Pattern.compile("committed (\\d+)");
    private static final Pattern SUBJECT = Pattern.compile("batch (\\d+) #(\\d+)");
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    Path folder;

    @ParameterizedTest(name = "killed after it reported {0} commits")
    @ValueSource(ints = {5, 17, 40})
    @Timeout(value = 25, unit = TimeUnit.SECONDS)
    void aKilledWriterLosesNoCommittedBatchAndLeavesNoPartOfOne(int reportedBeforeKill) throws Exception {
        ProfileFolder profile = new ProfileFolder(folder.resolve("profile"));

        int lastReported;
        try (ChildJvm writer = ChildJvm.start(CrashingWriter.class, profile.path().toString())) {
            writer.awaitLine(line -> line.equals("committed " + reportedBeforeKill), CHILD_TIMEOUT);
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(3_000_000)); // land anywhere in a batch
            writer.kill();
            lastReported = writer.lines().stream().map(COMMITTED::matcher).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
        }

        Map<Integer, Set<Integer>> batches = new TreeMap<>();
        try (OfflineStore store = OfflineStore.open(profile)) {
            List<Record> tasks = store.records().list(RecordType.TASK, "");
            for (Record task : tasks) {
                Matcher subject = SUBJECT.matcher(task.get("subject"));
                assertThat(subject.matches()).as("subject of %s", task).isTrue();
                batches.computeIfAbsent(Integer.parseInt(subject.group(1)), b -> new TreeSet<>())
                        .add(Integer.parseInt(subject.group(2)));
            }
            assertThat(tasks.size() % CrashingWriter.BATCH).as("%d tasks is whole batches", tasks.size()).isZero();
            assertThat(store.records().status().records()).containsEntry(RecordType.TASK, tasks.size());
        }

        int recovered = batches.size();
        assertThat(recovered).as("batches recovered: every reported commit, and at most the one being reported")
                .isBetween(lastReported, lastReported + 1);
        assertThat(batches.keySet()).as("no batch is missing in between")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, recovered).boxed().toList());
        Set<Integer> wholeBatch = IntStream.range(0, CrashingWriter.BATCH).boxed().collect(Collectors.toSet());
        assertThat(batches).allSatisfy((batch, places) -> assertThat(places).as("batch %d", batch).isEqualTo(wholeBatch));
    }
}
