package dev.outpost.sync;

/** The remote record's state since this pair last synced it, as the planner sees it. */
public sealed interface RemoteSide {

    /** The local record has never been synced with this pair: the endpoint does not know it. */
    record Unknown() implements RemoteSide {
    }

    /** Not changed since the last sync. */
    record Unchanged() implements RemoteSide {
    }

    /** Created or changed remotely since the last sync. */
    record Changed(RemoteRecord record) implements RemoteSide {
    }

    /** Deleted remotely since the last sync. */
    record Deleted() implements RemoteSide {
    }
}
