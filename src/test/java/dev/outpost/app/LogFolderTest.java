package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFolderTest {

    @TempDir
    Path folder;

    @Test
    void keepsOnlyTheNewestLaunchLogsAndNothingElseIsTouched() throws IOException {
        for (int second = 10; second < 25; second++) {
            Files.writeString(folder.resolve("outpost-2026-11-21_09-00-" + second + ".log"), "x");
        }
        Files.writeString(folder.resolve("notes.txt"), "mine");

        LogFolder.keepNewest(folder, 9);

        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .hasSize(10)
                    .contains("notes.txt", "outpost-2026-11-21_09-00-24.log", "outpost-2026-11-21_09-00-16.log")
                    .doesNotContain("outpost-2026-11-21_09-00-15.log");
        }
    }

    @Test
    void aMissingFolderIsNotAnError() {
        LogFolder.keepNewest(folder.resolve("absent"), 9);
        assertThat(folder.resolve("absent")).doesNotExist();
    }
}
