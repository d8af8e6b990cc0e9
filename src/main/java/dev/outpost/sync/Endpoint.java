package dev.outpost.sync;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.outpost.model.RecordType;

/**
 * The other side of a sync pair: the CRM, the Outlook mailbox, or the in-memory reference endpoint. The
 * engine is written against this interface only; every endpoint passes the same conformance suite.
 *
 * <p>Methods throw {@link EndpointException} when the endpoint cannot be reached or answers nonsense for
 * the whole request; per-record problems are reported in the results instead.
 */
public interface Endpoint {

    /** The name users know the endpoint by, for messages ("CRM", "Outlook"). */
    String name();

    /**
     * One page of changes.
     *
     * @param type the record type
     * @param from empty for a complete listing of every record in scope; else an anchor from the last page of
     *             an earlier feed, or a {@link ChangePage#next()} token
     * @throws AnchorExpiredException when the anchor is no longer valid and a complete listing is needed
     */
    ChangePage changes(RecordType type, Optional<String> from);

    /** The record as it is now, or empty when it does not exist (or is out of scope). */
    Optional<RemoteRecord> fetch(RecordType type, String remoteId);

    /**
     * The records with these ids as they are now, whatever the pair's scope; ids that do not exist are left
     * out. A record in scope may refer to one outside it (an opportunity of mine at a colleague's account):
     * the engine keeps such targets too, so no reference points at nothing.
     */
    default List<RemoteRecord> fetchReferenced(RecordType type, Set<String> remoteIds) {
        return remoteIds.stream().map(id -> fetch(type, id)).flatMap(Optional::stream).toList();
    }

    /** The records whose user key (see {@link UserKey}) equals the given one. */
    List<RemoteRecord> findByUserKey(RecordType type, UserKey key);

    /**
     * The record an earlier {@link RemoteWrite.Create} with this client id made, if it arrived, whatever the
     * scope. The engine asks before it retries a create that was in flight when a run was interrupted. Once
     * that record is deleted the answer is empty, and a replayed create makes a new record.
     */
    Optional<RemoteRecord> findCreated(RecordType type, String clientId);

    /**
     * Makes the writes, in order, and answers each. A batch is not atomic: some writes may succeed and
     * others fail.
     */
    List<WriteOutcome> write(RecordType type, List<RemoteWrite> batch);

    /**
     * Stops sharing these records with this computer without deleting them: the user untracked them here. Where the
     * endpoint marks what it shares (Outlook: the category "Shared with CRM") the marker comes off and everything
     * else stays; an endpoint with no such marker (the CRM, the memory endpoint) has nothing to do. Doing it twice is
     * harmless, so the engine records it only after the answer and asks again after a crash.
     *
     * @return one answer per id, in order: {@link WriteOutcome.Written} when done (its version is the record's
     *         version now, or empty when the endpoint changed nothing), {@link WriteOutcome.RemoteGone} when the
     *         record is no longer there (nothing left to release), {@link WriteOutcome.Failed} to try again later
     */
    default List<WriteOutcome> release(RecordType type, List<String> remoteIds) {
        return remoteIds.stream().<WriteOutcome>map(id -> new WriteOutcome.Written(id, "")).toList();
    }

    /**
     * The counterpart of {@link #release}: the user tracks these records again, so the endpoint shares them again
     * (Outlook: the category goes back on, other categories stay). Answers as {@link #release} does.
     */
    default List<WriteOutcome> claim(RecordType type, List<String> remoteIds) {
        return remoteIds.stream().<WriteOutcome>map(id -> new WriteOutcome.Written(id, "")).toList();
    }

    /**
     * Whether the run about to start is a preview ({@code true}: a dry run) or a real one. A previewed endpoint
     * makes none of its own housekeeping writes either (Outlook: adding the sharing category to the mailbox,
     * tagging replies), so a dry run changes nothing anywhere. Called before every run.
     */
    default void previewing(boolean preview) {
    }

    /** How many writes to send in one {@link #write} call. */
    default int batchSize() {
        return 50;
    }
}
