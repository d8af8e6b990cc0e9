package dev.outpost.model;

/** A field value that cannot be accepted; the message says what is wrong and what is expected. */
public final class InvalidValueException extends Exception {
    public InvalidValueException(String message) {
        super(message);
    }
}
