package dev.outpost.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.outpost.model.RecordType;

/**
 * The process the crash test kills. It opens the store of the profile given as argument and writes batches
 * of {@value #BATCH} tasks, one transaction each, forever; after each commit it prints {@code committed <n>}.
 * Every task names its batch and place ("batch 17 #3") so the test can tell a whole batch from part of one.
 */
public final class CrashingWriter {

    static final int BATCH = 50;

    private CrashingWriter() {
    }

    public static void main(String[] args) {
        try (OfflineStore store = OfflineStore.open(new ProfileFolder(Path.of(args[0])))) {
            String padding = "Notes long enough to make a batch take a while to write. ".repeat(20);
            for (int batch = 1; ; batch++) {
                List<Map<String, String>> tasks = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    tasks.add(Map.of("subject", "batch " + batch + " #" + i, "notes", padding + batch));
                }
                store.records().createAll(RecordType.TASK, tasks);
                System.out.println("committed " + batch);
                System.out.flush();
            }
        }
    }
}
