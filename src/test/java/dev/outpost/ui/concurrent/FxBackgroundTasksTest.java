package dev.outpost.ui.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** Work runs off the FX thread; its outcome comes back on it. */
class FxBackgroundTasksTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void workRunsInTheBackgroundAndTheResultArrivesOnTheFxThread() throws Exception {
        CompletableFuture<Boolean> workOnFx = new CompletableFuture<>();
        CompletableFuture<Boolean> resultOnFx = new CompletableFuture<>();
        try (FxBackgroundTasks tasks = new FxBackgroundTasks()) {
            tasks.run(() -> {
                workOnFx.complete(Platform.isFxApplicationThread());
                return 42;
            }, result -> resultOnFx.complete(Platform.isFxApplicationThread() && result == 42), resultOnFx::completeExceptionally);

            assertThat(workOnFx.get(5, TimeUnit.SECONDS)).isFalse();
            assertThat(resultOnFx.get(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aFailureArrivesOnTheFxThread() throws Exception {
        CompletableFuture<String> failure = new CompletableFuture<>();
        try (FxBackgroundTasks tasks = new FxBackgroundTasks()) {
            tasks.run(() -> {
                throw new IllegalStateException("disk gone");
            }, result -> failure.complete("succeeded?"),
                    e -> failure.complete(Platform.isFxApplicationThread() + " " + e.getMessage()));

            assertThat(failure.get(5, TimeUnit.SECONDS)).isEqualTo("true disk gone");
        }
    }

    @Test
    void aCancelledScheduledActionNeverRuns() throws Exception {
        CompletableFuture<String> ran = new CompletableFuture<>();
        try (FxBackgroundTasks tasks = new FxBackgroundTasks()) {
            tasks.schedule(Duration.ofMillis(50), () -> ran.complete("cancelled one")).cancel();
            tasks.schedule(Duration.ofMillis(100), () -> ran.complete("second"));

            assertThat(ran.get(5, TimeUnit.SECONDS)).isEqualTo("second");
        }
    }
}
