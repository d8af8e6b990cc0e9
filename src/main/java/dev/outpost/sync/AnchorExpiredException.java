package dev.outpost.sync;

/**
 * The endpoint no longer accepts the anchor (HTTP 410, {@code syncStateNotFound}, any 4xx on a delta
 * link). The engine answers with a complete listing reconciled against its links, never a wipe.
 */
public final class AnchorExpiredException extends EndpointException {
    public AnchorExpiredException(String message) {
        super(message);
    }
}
