package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.RecordType;

/**
 * No field value appears in any file of the profile, whether the store was closed cleanly or is still open
 * with its latest commits only in the log; and the key appears only in the key file.
 */
class NothingReadableOnDiskTest {

    private static final String MARKER = "Zyxwvutsrq Marker";
    private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE);

    @TempDir
    Path folder;

    private ProfileFolder profile() {
        return new ProfileFolder(folder.resolve("profile"));
    }

    private static void writeMarkedRecords(OfflineStore store) {
        RecordRepository records = store.records();
        String notes = ("Some ordinary words before the " + MARKER + " and after it.\n").repeat(500);
        records.create(RecordType.ACCOUNT, Map.of("name", MARKER + " Ltd", "city", MARKER, "phone", "+44 113 496 0000"));
        records.create(RecordType.CONTACT, Map.of("firstName", MARKER, "lastName", MARKER,
                "email", "zyxwvutsrq.marker@example.com", "jobTitle", MARKER + " officer", "category", MARKER));
        records.create(RecordType.TASK, Map.of("subject", MARKER + " follow-up", "notes", notes));
        records.createAll(RecordType.EMAIL, List.of(
                Map.of("subject", MARKER, "from", "zyxwvutsrq@example.com", "body", notes.repeat(10)),
                Map.of("subject", "Re: " + MARKER, "from", "ada@example.com", "body", MARKER)));
        var edited = records.create(RecordType.APPOINTMENT, Map.of("subject", "Visit", "start", "2026-11-21 10:00",
                "end", "2026-11-21 11:00", "location", "Old place"));
        records.update(edited.id(), Map.of("location", MARKER + " Hall"));
        var deleted = records.create(RecordType.OPPORTUNITY, Map.of("name", MARKER + " deal", "stage", MARKER));
        records.delete(deleted.id());
    }

    /** The distinctive word of the marker as stored, searched for, and shouted. */
    private static Map<String, byte[]> markerPatterns() {
        Map<String, byte[]> patterns = new LinkedHashMap<>();
        String word = MARKER.split(" ")[0];
        for (String form : List.of(word, word.toLowerCase(Locale.ROOT), word.toUpperCase(Locale.ROOT))) {
            for (Charset encoding : ENCODINGS) {
                patterns.put(form + " in " + encoding, form.getBytes(encoding));
            }
        }
        return patterns;
    }

    private static Map<String, byte[]> keyPatterns(String hex) {
        Map<String, byte[]> patterns = new LinkedHashMap<>();
        for (String form : List.of(hex.toLowerCase(Locale.ROOT), hex.toUpperCase(Locale.ROOT))) {
            for (Charset encoding : ENCODINGS) {
                patterns.put("the key as " + (form.equals(hex) ? "" : "upper-case ") + "hex in " + encoding,
                        form.getBytes(encoding));
            }
        }
        patterns.put("the key's raw bytes", HexFormat.of().parseHex(hex));
        return patterns;
    }

    /** Every file under the profile folder with the patterns found in it, e.g. "db/outpost.log: ... in UTF-8". */
    private List<String> findings(Map<String, byte[]> patterns, Path... except) throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> skipped = List.of(except);
        try (Stream<Path> files = Files.walk(profile().path())) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !skipped.contains(f)).toList()) {
                byte[] content = Files.readAllBytes(file);
                patterns.forEach((name, pattern) -> {
                    if (indexOf(content, pattern) >= 0) {
                        found.add(profile().path().relativize(file) + ": " + name);
                    }
                });
            }
        }
        return found;
    }

    private List<Path> filesWithContent() throws IOException {
        try (Stream<Path> files = Files.walk(profile().path())) {
            return files.filter(Files::isRegularFile).filter(f -> f.toFile().length() > 0)
                    .map(f -> profile().path().relativize(f)).toList();
        }
    }

    private static int indexOf(byte[] content, byte[] pattern) {
        outer:
        for (int i = 0; i <= content.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (content[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private String key() throws IOException {
        return Files.readString(profile().keyFile()).trim();
    }

    @Test
    void theScanFindsAMarkerWrittenInPlainText() throws IOException {
        Files.createDirectories(profile().path());
        Files.writeString(profile().path().resolve("plain.txt"), "x" + MARKER.toLowerCase(Locale.ROOT) + "x",
                StandardCharsets.UTF_16BE);

        assertThat(findings(markerPatterns())).contains("plain.txt: zyxwvutsrq in UTF-16BE");
    }

    @Test
    void noFieldValueIsReadableInAnyFileAfterAClose() throws IOException {
        try (OfflineStore store = OfflineStore.open(profile())) {
            writeMarkedRecords(store);
        }

        assertThat(filesWithContent()).contains(Path.of("db", "outpost.data"), Path.of("db", "outpost.script"));
        assertThat(findings(markerPatterns())).isEmpty();
    }

    @Test
    void noFieldValueIsReadableInAnyFileWhileTheStoreIsOpen() throws IOException {
        try (OfflineStore store = OfflineStore.open(profile())) {
            writeMarkedRecords(store);

            assertThat(filesWithContent()).as("the commits are in the log").contains(Path.of("db", "outpost.log"));
            assertThat(findings(markerPatterns())).isEmpty();
        }
    }

    @Test
    void theKeyAppearsInNoFileButTheKeyFileAfterAClose() throws IOException {
        try (OfflineStore store = OfflineStore.open(profile())) {
            writeMarkedRecords(store);
        }

        assertThat(findings(keyPatterns(key()), profile().keyFile())).isEmpty();
    }

    @Test
    void theKeyAppearsInNoFileButTheKeyFileWhileTheStoreIsOpen() throws IOException {
        try (OfflineStore store = OfflineStore.open(profile())) {
            writeMarkedRecords(store);

            assertThat(findings(keyPatterns(key()), profile().keyFile())).isEmpty();
        }
    }
}
