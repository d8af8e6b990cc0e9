package dev.outpost.ui.sync;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import javafx.beans.property.ReadOnlyObjectWrapper;

import dev.outpost.ui.concurrent.BackgroundTasks;

/**
 * When the window syncs on its own: at the user's interval while connected, and sooner while the CRM cannot be
 * reached (the first retry, then twice as long each time, up to the interval). Part of {@link SyncViewModel}, which
 * says when a sync starts and how it ended; FX thread only.
 */
final class AutoSync {

    private final BackgroundTasks tasks;
    private final BooleanSupplier connected;
    private final Runnable syncNow;
    private Optional<Duration> every;
    private boolean onStart = true;
    private OfflineBackoff backoff = new OfflineBackoff(SyncViewModel.FIRST_RETRY);
    private BackgroundTasks.Scheduled next = () -> { };
    private boolean stopped;
    final ReadOnlyObjectWrapper<Optional<Duration>> retryIn = new ReadOnlyObjectWrapper<>(this, "retryIn", Optional.empty());

    /**
     * @param connected whether the profile has a CRM to sync with now
     * @param syncNow   starts a sync, when it is due
     * @param every     how often to sync on its own; empty for only when asked
     */
    AutoSync(BackgroundTasks tasks, BooleanSupplier connected, Runnable syncNow, Optional<Duration> every) {
        this.tasks = tasks;
        this.connected = connected;
        this.syncNow = syncNow;
        this.every = every;
    }

    /** Whether to sync as soon as the window opens. */
    boolean onStart() {
        return onStart;
    }

    /** Whether the window is closing: nothing is scheduled, and no sync starts. */
    boolean stopped() {
        return stopped;
    }

    /**
     * Follows the user's settings; a new interval moves the next automatic sync at once.
     *
     * @param syncing whether a sync runs now (it schedules the next one itself when it ends)
     */
    void follow(Optional<Duration> interval, boolean syncOnStart, boolean syncing) {
        this.every = interval;
        this.onStart = syncOnStart;
        next.cancel();
        if (!syncing) {
            if (backoff.backingOff()) {
                retryOffline(); // still offline: the backoff goes on, now capped by the new interval
            } else {
                scheduleNext();
            }
        }
    }

    /** The first wait after a sync that could not reach the CRM. */
    void retryFirstAfter(Duration first) {
        this.backoff = new OfflineBackoff(first);
    }

    /** A sync starts: what was scheduled is no longer due, and no retry is waited for. */
    void syncStarting() {
        next.cancel();
        retryIn.set(Optional.empty());
    }

    /** A sign-in starts; it syncs, or schedules the next sync, when it ends. */
    void cancelNext() {
        next.cancel();
    }

    /** After a sync, once its outcome is read: sooner when it could not reach the CRM and may be retried. */
    void afterSync(boolean retryOffline) {
        if (retryOffline) {
            retryOffline();
        } else {
            backoff.reset();
            retryIn.set(Optional.empty());
            scheduleNext();
        }
    }

    /** The next automatic sync at the interval, if there is one. */
    void scheduleNext() {
        if (!stopped && connected.getAsBoolean() && every.isPresent()) {
            next.cancel();
            next = tasks.schedule(every.get(), syncNow);
        }
    }

    /** The window closes: nothing more is scheduled. */
    void stop() {
        stopped = true;
        next.cancel();
    }

    /** Tries again sooner than the interval: 30 s, 1 min, 2 min, … up to the interval. */
    private void retryOffline() {
        if (stopped || !connected.getAsBoolean() || every.isEmpty()) {
            afterSync(false);
            return;
        }
        Duration wait = backoff.next(every.get());
        retryIn.set(Optional.of(wait));
        next.cancel();
        next = tasks.schedule(wait, syncNow);
    }
}
