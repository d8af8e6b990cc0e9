package dev.outpost.store;

/**
 * A live local record a pair with a limit may send: of one of the limited types and not untracked.
 *
 * @param local  the record
 * @param chosen whether the user tracked it explicitly ({@link SyncStore#track}), which ranks it first
 */
public record PushCandidate(LocalRecord local, boolean chosen) {
}
