package dev.outpost.ui.concurrent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javafx.application.Platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on one background thread and its callbacks on the JavaFX thread. One thread is enough:
 * the store serializes every call anyway, and one thread keeps a save and the search after it in order.
 */
public final class FxBackgroundTasks implements BackgroundTasks, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxBackgroundTasks.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("outpost-worker"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("outpost-timer"));

    @Override
    public <T> void run(Callable<? extends T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        try {
            worker.execute(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    Platform.runLater(() -> onFailure.accept(e));
                    return;
                }
                Platform.runLater(() -> onSuccess.accept(result));
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Work dropped: the window is closing");
        }
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable action) {
        AtomicBoolean cancelled = new AtomicBoolean();
        try {
            ScheduledFuture<?> future = timer.schedule(() -> Platform.runLater(() -> {
                if (!cancelled.get()) {
                    action.run();
                }
            }), delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> {
                cancelled.set(true);
                future.cancel(false);
            };
        } catch (RejectedExecutionException e) {
            return () -> { };
        }
    }

    /** Lets queued work finish (so no write is cut short), then stops the threads. */
    @Override
    public void close() {
        timer.shutdownNow();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Background work did not finish within 10 s of closing the window");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
