package dev.outpost.crm;

import java.time.Duration;

/** Waits between retries; tests swap in one that does not really wait. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Really waits. */
    static Sleeper real() {
        return duration -> Thread.sleep(duration);
    }
}
