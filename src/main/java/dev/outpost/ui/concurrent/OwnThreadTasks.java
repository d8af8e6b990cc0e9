package dev.outpost.ui.concurrent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javafx.application.Platform;

/**
 * Runs each piece of work on a virtual thread of its own and its callbacks on the JavaFX thread: for a short read that
 * must not queue behind a long job on a shared worker (a sync holds the sync's worker for minutes). Nothing to close:
 * the threads end with their work.
 */
public final class OwnThreadTasks implements BackgroundTasks {

    @Override
    public <T> void run(Callable<? extends T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        Thread.ofVirtual().name("outpost-read").start(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                Platform.runLater(() -> onFailure.accept(e));
                return;
            }
            Platform.runLater(() -> onSuccess.accept(result));
        });
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable action) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread waiting = Thread.ofVirtual().name("outpost-read-timer").start(() -> {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return; // cancelled
            }
            Platform.runLater(() -> {
                if (!cancelled.get()) {
                    action.run();
                }
            });
        });
        return () -> {
            cancelled.set(true);
            waiting.interrupt();
        };
    }
}
