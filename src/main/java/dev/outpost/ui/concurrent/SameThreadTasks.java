package dev.outpost.ui.concurrent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs everything at once on the calling thread, delays included: for view-model tests, which then
 * read the outcome right after the call that started the work.
 */
public final class SameThreadTasks implements BackgroundTasks {

    @Override
    public <T> void run(Callable<? extends T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable action) {
        action.run();
        return () -> { };
    }
}
