package dev.outpost.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.ProfileFolder;

/** Demo mode as kept in connection.json, and the demo server a demo profile starts. */
class DemoModeSettingsTest {

    @TempDir
    Path folder;

    @Test
    void demoModeIsRememberedInTheConnectionFile() {
        ProfileFolder profile = new ProfileFolder(folder);

        ConnectionSettings.demoMode().write(profile);

        assertThat(ConnectionSettings.read(profile).orElseThrow().demo()).isTrue();
    }

    @Test
    void aConnectionFileWrittenBeforeDemoModeReadsAsARealCrm() throws Exception {
        Files.writeString(folder.resolve("connection.json"),
                "{\"crmUrl\":\"https://contoso.crm.dynamics.com\",\"tokenVariable\":\"OUTPOST_ACCESS_TOKEN\"}");

        ConnectionSettings read = ConnectionSettings.read(new ProfileFolder(folder)).orElseThrow();

        assertThat(read.demo()).isFalse();
        assertThat(read.crmUrl()).hasToString("https://contoso.crm.dynamics.com");
    }

    @Test
    void aDemoProfileKeepsItsDemoDataInTheProfileAcrossRestarts() throws Exception {
        try (SyncConnection first = new SyncConnection(new ProfileFolder(folder), Map.<String, String>of()::get, 20)) {
            first.switchToDemo();
            assertThat(first.demoUrl()).isPresent();
        }
        assertThat(folder.resolve("demo")).isDirectory();

        try (SyncConnection again = new SyncConnection(new ProfileFolder(folder), Map.<String, String>of()::get, 20)) {
            assertThat(again.isDemo()).isTrue();
            again.startDemoIfNeeded();
            assertThat(again.pair().endpoint().name()).isNotBlank();
            assertThat(again.demoUrl()).isPresent();
        }
    }
}
