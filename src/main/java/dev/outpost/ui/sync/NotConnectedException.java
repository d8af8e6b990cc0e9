package dev.outpost.ui.sync;

/** A sync asked for on a profile that has no CRM to sync with. */
public final class NotConnectedException extends RuntimeException {

    public NotConnectedException() {
        super("This profile is not connected to a CRM");
    }
}
