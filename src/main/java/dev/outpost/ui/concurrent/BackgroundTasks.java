package dev.outpost.ui.concurrent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (store queries and writes) away from the UI thread and hands the outcome back on it.
 * View models use this instead of threads, so tests can swap in {@link SameThreadTasks}.
 */
public interface BackgroundTasks {

    /**
     * Runs {@code work} in the background; then exactly one of the callbacks runs on the UI thread.
     *
     * @param onSuccess receives the result
     * @param onFailure receives what {@code work} threw
     */
    <T> void run(Callable<? extends T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Runs {@code action} on the UI thread after {@code delay}, unless cancelled before. */
    Scheduled schedule(Duration delay, Runnable action);

    /** An action waiting to run. */
    @FunctionalInterface
    interface Scheduled {
        /** Stops the action from running if it has not run yet. */
        void cancel();
    }
}
