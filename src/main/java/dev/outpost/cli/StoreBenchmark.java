package dev.outpost.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.outpost.demo.SampleRecords;
import dev.outpost.model.RecordType;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Fills a fresh profile with generated records and times insert, reopen and search. The last line is
 * machine-readable: {@code store records=N insert_ms=… reopen_ms=… search_ms=…}.
 */
@Command(name = "store", description = "Times the offline store: insert N records, reopen, search (median of 20).")
final class StoreBenchmark implements Callable<Integer> {

    private static final int BATCH = 1000;
    private static final int PAGE = 100;
    private static final List<String> SEARCHES = List.of("berg", "lisbon", "anna", "northwind", "quarterly",
            "cfo", "fischer", "osaka", "demo", "contoso traders", "555 1", "grace", "silva", "support", "kick-off",
            "zimmermann", "example", "maya okafor", "fleet", "xu");

    @Spec
    CommandSpec spec;

    @Option(names = "--records", paramLabel = "N", required = true, description = "How many records to insert.")
    int records;

    @Option(names = "--seed", description = "Seed of the generated records (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--keep", description = "Keep the benchmark's profile folder instead of deleting it.")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (records < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--records must be at least 1.");
        }
        Path folder = Files.createTempDirectory("outpost-bench-");
        ProfileFolder profile = new ProfileFolder(folder);
        try {
            Map<RecordType, List<Map<String, String>>> generated = generate();
            out.println("Inserting " + records + " records into a fresh profile in " + folder + " …");
            long insertMs;
            try (OfflineStore store = OfflineStore.open(profile)) {
                long start = System.nanoTime();
                insert(store, generated);
                insertMs = millisSince(start);
            }
            long start = System.nanoTime();
            try (OfflineStore store = OfflineStore.open(profile)) {
                long reopenMs = millisSince(start);
                // The first search reads every row's search text into memory; it is timed on its own.
                long t0 = System.nanoTime();
                store.records().count(Optional.empty(), "");
                long firstSearchMs = millisSince(t0);
                long[] coldNanos = timeSearches(store, null);
                long[] listNanos = new long[SEARCHES.size()];
                long[] pageNanos = timeSearches(store, listNanos);
                int total = SEARCHES.stream().mapToInt(q -> store.records().count(Optional.empty(), q)).sum();
                out.printf("first search (loads the search index) %d ms; 20 searches matched %d records in all%n",
                        firstSearchMs, total);
                out.printf("median search while the JIT is still cold (first round of 20) %.1f ms%n", median(coldNanos));
                out.printf("median full contact list per search %.1f ms (slowest %.1f ms)%n",
                        median(listNanos), Arrays.stream(listNanos).max().orElse(0) / 1e6);
                out.printf("store records=%d insert_ms=%d reopen_ms=%d search_ms=%.1f%n",
                        records, insertMs, reopenMs, median(pageNanos));
            }
        } finally {
            if (!keep) {
                deleteTree(folder);
            }
        }
        return OutpostCommand.DONE;
    }

    private Map<RecordType, List<Map<String, String>>> generate() {
        SampleRecords sample = new SampleRecords(seed, Instant.parse("2026-11-21T09:00:00Z"));
        Map<RecordType, List<Map<String, String>>> generated = new EnumMap<>(RecordType.class);
        // Account ids are not known before insert: placeholders are swapped for real ids while inserting.
        List<String> placeholder = List.of("00000000-0000-0000-0000-000000000000");
        SampleRecords.split(records).forEach((type, count) -> {
            List<Map<String, String>> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                list.add(sample.next(type, type == RecordType.ACCOUNT ? List.of() : placeholder));
            }
            generated.put(type, list);
        });
        return generated;
    }

    private static void insert(OfflineStore store, Map<RecordType, List<Map<String, String>>> generated) {
        List<String> accountIds = new ArrayList<>();
        for (var entry : generated.entrySet()) {
            List<Map<String, String>> all = entry.getValue();
            for (int from = 0; from < all.size(); from += BATCH) {
                List<Map<String, String>> batch = all.subList(from, Math.min(all.size(), from + BATCH));
                if (!accountIds.isEmpty()) {
                    for (int i = 0; i < batch.size(); i++) {
                        String id = accountIds.get((from + i) % accountIds.size());
                        batch.get(i).replaceAll((k, v) -> k.endsWith("Id") ? id : v);
                    }
                }
                List<String> ids = store.records().createAll(entry.getKey(), batch);
                if (entry.getKey() == RecordType.ACCOUNT) {
                    accountIds.addAll(ids);
                }
            }
        }
    }

    /**
     * Times each search: what the window shows as you type (the first page of hits over all types, and
     * their count), and, when {@code listNanos} is given, what 'outpost list contacts --search' returns.
     */
    private static long[] timeSearches(OfflineStore store, long[] listNanos) {
        long[] pageNanos = new long[SEARCHES.size()];
        for (int i = 0; i < SEARCHES.size(); i++) {
            long t = System.nanoTime();
            store.records().find(Optional.empty(), SEARCHES.get(i), PAGE);
            pageNanos[i] = System.nanoTime() - t;
            if (listNanos != null) {
                t = System.nanoTime();
                store.records().list(RecordType.CONTACT, SEARCHES.get(i));
                listNanos[i] = System.nanoTime() - t;
            }
        }
        return pageNanos;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return (sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0) / 1e6;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
