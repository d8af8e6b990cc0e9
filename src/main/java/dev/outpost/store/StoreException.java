package dev.outpost.store;

/**
 * The offline store could not do what was asked. The message is written for the user: it says what
 * happened and what to do; the cause, if any, is for the log.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
