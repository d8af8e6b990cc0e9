package dev.outpost.store;

/** No record answers to the id given; the message says how to find the right one. */
public final class RecordNotFoundException extends StoreException {
    public RecordNotFoundException(String message) {
        super(message);
    }
}
