package dev.outpost.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.RecordType;

/** The window's size, place and theme survive a restart; a damaged file never stops the app. */
class SettingsFileTest {

    @TempDir
    Path profile;

    private Path file() {
        return profile.resolve("settings.json");
    }

    @Test
    void sizePositionThemeAndTypeRoundTrip() {
        UiSettings changed = new UiSettings(new WindowPlacement(40, 30, 1111, 666, true), Theme.DARK, RecordType.TASK);
        try (SettingsFile settings = new SettingsFile(file(), Duration.ofMillis(10))) {
            settings.load();
            settings.update(s -> changed);
        }

        UiSettings loaded = new SettingsFile(file()).load();

        assertThat(loaded).isEqualTo(changed);
    }

    @Test
    void aPendingChangeIsWrittenOnClose() {
        try (SettingsFile settings = new SettingsFile(file(), Duration.ofHours(1))) {
            settings.update(s -> s.withTheme(Theme.DARK));
            assertThat(file()).doesNotExist();
        }

        assertThat(new SettingsFile(file()).load().theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void aMissingFileGivesTheDefaults() {
        assertThat(new SettingsFile(file()).load()).isEqualTo(UiSettings.DEFAULT);
    }

    @Test
    void aCorruptFileGivesTheDefaults() throws IOException {
        Files.writeString(file(), "{\"theme\": \"dark\", \"window\": {\"width\": 9");

        assertThat(new SettingsFile(file()).load()).isEqualTo(UiSettings.DEFAULT);
    }

    @Test
    void nonsenseValuesAreReplacedByDefaults() throws IOException {
        Files.writeString(file(), """
                {"theme": "purple", "recordType": "spaceship", "window": {"x": "left", "width": 5, "height": 600}}""");

        UiSettings loaded = new SettingsFile(file()).load();

        assertThat(loaded.theme()).isEqualTo(Theme.LIGHT);
        assertThat(loaded.recordType()).isEqualTo(RecordType.CONTACT);
        assertThat(loaded.window()).isEqualTo(WindowPlacement.DEFAULT);
    }

    @Test
    void settingsOfOtherFeaturesAreKept() throws IOException {
        Files.writeString(file(), "{\"syncIntervalMinutes\": 15, \"theme\": \"light\"}");
        try (SettingsFile settings = new SettingsFile(file(), Duration.ofMillis(10))) {
            settings.load();
            settings.update(s -> s.withTheme(Theme.DARK));
        }

        assertThat(Files.readString(file())).contains("\"syncIntervalMinutes\" : 15").contains("\"theme\" : \"dark\"");
    }
}
