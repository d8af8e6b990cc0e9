package dev.outpost.store;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh profile on disk with its store open for each test, closed afterwards. */
abstract class OpenStoreTest {

    @TempDir
    Path folder;

    ProfileFolder profile;
    OfflineStore store;
    RecordRepository records;

    @BeforeEach
    void openStore() {
        profile = new ProfileFolder(folder.resolve("profile"));
        open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Closes the store, lets the test work on the closed profile (e.g. with {@link StoreSql}), and reopens it. */
    void whileClosed(Consumer<ProfileFolder> work) {
        store.close();
        work.accept(profile);
        open();
    }

    void reopen() {
        whileClosed(p -> { });
    }

    private void open() {
        store = OfflineStore.open(profile);
        records = store.records();
    }
}
