package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/** Opening a profile's store: first time, again later, and with a key that does not fit. */
class OfflineStoreOpeningTest {

    private static final String OTHER_KEY = "00112233445566778899aabbccddeeff";

    @TempDir
    Path folder;

    private ProfileFolder profile() {
        return new ProfileFolder(folder.resolve("profile"));
    }

    private List<Record> createSomeRecords() {
        try (OfflineStore store = OfflineStore.open(profile())) {
            Record account = store.records().create(RecordType.ACCOUNT, Map.of("name", "Acme", "city", "Leeds"));
            Record contact = store.records().create(RecordType.CONTACT,
                    Map.of("lastName", "Lovelace", "accountId", account.id()));
            Record task = store.records().create(RecordType.TASK, Map.of("subject", "Call", "notes", "Line 1\nLine 2"));
            store.records().delete(task.id());
            return List.of(account, contact, store.records().find(task.id()).orElseThrow());
        }
    }

    private static String stackTraceOf(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void openingANewProfileCreatesItsFolderKeyAndDatabase() {
        try (OfflineStore store = OfflineStore.open(profile())) {
            assertThat(store.profile()).isEqualTo(profile());
            assertThat(store.records().status().totalRecords()).isZero();
        }

        assertThat(profile().keyFile()).isRegularFile();
        assertThat(profile().databaseFolder()).isDirectory();
    }

    @Test
    void theKeyFileIsReadableAndWritableByItsOwnerOnly() throws Exception {
        assumeThat(folder.getFileSystem().supportedFileAttributeViews()).contains("posix");

        OfflineStore.open(profile()).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(profile().keyFile())))
                .isEqualTo("rw-------");
    }

    @Test
    void theKeyFileHoldsA128BitKeyInHex() throws Exception {
        OfflineStore.open(profile()).close();

        assertThat(Files.readString(profile().keyFile())).matches("[0-9a-f]{32}");
    }

    @Test
    void reopeningKeepsEveryRecordAndTombstoneAsItWas() {
        List<Record> written = createSomeRecords();

        try (OfflineStore store = OfflineStore.open(profile())) {
            for (Record record : written) {
                assertThat(store.records().find(record.id())).contains(record);
            }
            assertThat(store.records().status().totalRecords()).isEqualTo(2);
        }
    }

    @Test
    void writesAfterReopeningContinueTheRevSequence() {
        long highest = createSomeRecords().stream().mapToLong(Record::rev).max().orElseThrow();

        try (OfflineStore store = OfflineStore.open(profile())) {
            assertThat(store.records().create(RecordType.TASK, Map.of("subject", "Later")).rev()).isGreaterThan(highest);
        }
    }

    @Test
    void theKeyFileIsKeptAcrossOpenings() throws Exception {
        createSomeRecords();
        String key = Files.readString(profile().keyFile());

        OfflineStore.open(profile()).close();

        assertThat(Files.readString(profile().keyFile())).isEqualTo(key);
    }

    @Test
    void aWrongKeyIsRefusedNamingTheKeyFileAndWhatToDoWithoutShowingAnyKey() throws Exception {
        createSomeRecords();
        String rightKey = Files.readString(profile().keyFile()).trim();
        Files.writeString(profile().keyFile(), OTHER_KEY, StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> OfflineStore.open(profile()))
                .isInstanceOf(StoreException.class)
                .isNotInstanceOf(ProfileInUseException.class)
                .hasMessageContaining("store.key")
                .hasMessageContaining("key is wrong")
                .hasMessageContaining("Restore the key file from a backup")
                .satisfies(thrown -> assertThat(stackTraceOf(thrown))
                        .doesNotContainIgnoringCase(OTHER_KEY)
                        .doesNotContainIgnoringCase(rightKey));
    }

    @Test
    void aWrongKeyDamagesNothing() throws Exception {
        List<Record> written = createSomeRecords();
        String rightKey = Files.readString(profile().keyFile());
        Files.writeString(profile().keyFile(), OTHER_KEY, StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> OfflineStore.open(profile())).isInstanceOf(StoreException.class);

        Files.writeString(profile().keyFile(), rightKey, StandardCharsets.US_ASCII);

        try (OfflineStore store = OfflineStore.open(profile())) {
            assertThat(store.records().find(written.getFirst().id())).contains(written.getFirst());
        }
    }

    @Test
    void aDamagedKeyFileIsRefusedSayingSoAndWhatToDo() throws Exception {
        createSomeRecords();
        Files.writeString(profile().keyFile(), "this is not a key\n", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> OfflineStore.open(profile()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(profile().keyFile().toString())
                .hasMessageContaining("is damaged")
                .hasMessageContaining("Restore it from a backup")
                .hasMessageNotContaining("this is not a key");
    }

    @Test
    void aLostKeyFileIsNotSilentlyReplacedByAnEmptyStore() throws Exception {
        List<Record> written = createSomeRecords();
        String rightKey = Files.readString(profile().keyFile());
        Files.delete(profile().keyFile());

        assertThatThrownBy(() -> OfflineStore.open(profile()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("store.key");

        Files.writeString(profile().keyFile(), rightKey, StandardCharsets.US_ASCII);
        try (OfflineStore store = OfflineStore.open(profile())) {
            assertThat(store.records().find(written.getFirst().id())).isPresent();
        }
    }

    @Test
    void aProfileWrittenByANewerOutpostIsRefused() {
        createSomeRecords();
        StoreSql.run(profile(), "INSERT INTO schema_version (version, name) VALUES (99, 'V99__future.sql')");

        assertThatThrownBy(() -> OfflineStore.open(profile()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer Outpost (schema version 99)");
    }

    @Test
    void aRefusedOpenLeavesTheProfileFreeAndTheDatabaseClosed() {
        List<Record> written = createSomeRecords();
        StoreSql.run(profile(), "INSERT INTO schema_version (version, name) VALUES (99, 'V99__future.sql')");
        assertThatThrownBy(() -> OfflineStore.open(profile())).isInstanceOf(StoreException.class);

        // HSQLDB marks its files modified=yes while a database is open and modified=no once it is shut down.
        assertThat(profile().databaseFolder().resolve("outpost.properties")).content().contains("modified=no");
        StoreSql.run(profile(), "DELETE FROM schema_version WHERE version = 99");

        try (OfflineStore store = OfflineStore.open(profile())) {
            assertThat(store.records().find(written.getFirst().id())).contains(written.getFirst());
        }
    }

    @Test
    void closingTwiceDoesNoHarm() {
        OfflineStore store = OfflineStore.open(profile());
        store.close();
        store.close();

        OfflineStore.open(profile()).close();
    }
}
