package dev.outpost.store;

/** Another process has the profile open; only one may, so that two never write the same store. */
public final class ProfileInUseException extends StoreException {
    public ProfileInUseException(String message) {
        super(message);
    }
}
