package dev.outpost.sync;

/** What collided. */
public enum ConflictKind {
    /** The same fields were changed on both sides to different values. */
    BOTH_CHANGED,
    /** Changed here, deleted on the endpoint. */
    LOCAL_CHANGED_REMOTE_DELETED,
    /** Deleted here, changed on the endpoint. */
    LOCAL_DELETED_REMOTE_CHANGED
}
