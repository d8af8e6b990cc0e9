package dev.outpost.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.outpost.store.StoreException;

/**
 * Tells the user that something they asked for failed, in plain words. View models report through
 * this so they never touch a dialog; the window shows the message in an alert.
 */
@FunctionalInterface
public interface ErrorReporter {

    /** Shows a message that says what happened and what to do; never a stack trace. */
    void show(String message);

    /**
     * Logs a failure and shows it: a store failure's own message (written for the user), or a plain
     * "something went wrong" for anything unexpected, whose details go only to the log.
     */
    default void report(Throwable failure) {
        Logger log = LoggerFactory.getLogger(ErrorReporter.class);
        if (failure instanceof StoreException) {
            // The message may quote the user's values: it is shown, never written to the log file.
            log.warn("A store operation failed: {}", failure.getClass().getSimpleName());
            show(failure.getMessage());
        } else {
            log.error("Unexpected failure", failure);
            show(UiText.get("error.unexpected"));
        }
    }
}
