package dev.outpost.sync.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiPredicate;

import dev.outpost.model.RecordType;
import dev.outpost.sync.AnchorExpiredException;
import dev.outpost.sync.EndpointException;
import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.WriteOutcome;

/**
 * The ways a {@link MemoryEndpoint} can be told to misbehave, each one a failure the real CRM or mailbox
 * shows in the field: refused writes, a process dying mid-batch, no network, feeds that repeat and reorder
 * entries or send empty pages, delta tokens that expire, and rows that cannot be read. Every knob can be turned
 * at any time, also while a sync runs on another thread; random choices come from one seeded generator so a
 * failing property test replays exactly. Knobs are not persisted.
 */
public final class Faults {

    private Random random = new Random(MemoryEndpoint.DEFAULT_SEED);
    private double failRate;
    private BiPredicate<RecordType, RemoteWrite> failWhen;
    private boolean retryable = true;
    private int crashIn = -1;
    private boolean unreachable;
    private double duplicateRate;
    private double emptyPageRate;
    private int expiries;
    private final Map<String, String> unreadable = new HashMap<>();

    Faults() {
    }

    /** Fails this share (0 to 1) of writes, chosen at random, answering {@link WriteOutcome.Failed}. */
    public synchronized Faults failWrites(double rate) {
        this.failRate = rate(rate, 1.0);
        return this;
    }

    /** Fails exactly the writes the predicate picks (in addition to the random share); null clears it. */
    public synchronized Faults failWritesWhen(BiPredicate<RecordType, RemoteWrite> which) {
        this.failWhen = which;
        return this;
    }

    /** Whether injected write failures say trying again may work (the default) or not. */
    public synchronized Faults failuresRetryable(boolean retryable) {
        this.retryable = retryable;
        return this;
    }

    /**
     * After {@code writes} more successful writes, the write call that makes the last of them throws
     * {@link SimulatedCrash} once those writes are made; with 0, the next write call throws before writing.
     * Fires once.
     */
    public synchronized Faults crashAfterWrites(int writes) {
        if (writes < 0) {
            throw new IllegalArgumentException("The number of writes before the crash cannot be negative: " + writes);
        }
        this.crashIn = writes;
        return this;
    }

    /** While on, every endpoint call throws {@link EndpointException}; the other-user API still works. */
    public synchronized Faults unreachable(boolean unreachable) {
        this.unreachable = unreachable;
        return this;
    }

    /**
     * Repeats this share (0 to 1) of feed entries, on the same page or a later one, sometimes in an older
     * state of the record than the one already sent, and shuffles every page. Off at 0.
     */
    public synchronized Faults duplicateAndReorder(double rate) {
        this.duplicateRate = rate(rate, 1.0);
        return this;
    }

    /** Answers this share (0 to just below 1) of feed calls with an empty page that has a next token. */
    public synchronized Faults emptyPages(double rate) {
        this.emptyPageRate = rate(rate, 0.99);
        return this;
    }

    /** The next {@code changes} call with an anchor or a next token throws {@link AnchorExpiredException}. */
    public synchronized Faults expireAnchorsOnce() {
        this.expiries = 1;
        return this;
    }

    /** Every {@code changes} call with an anchor or a next token throws, until {@link #reset()}. */
    public synchronized Faults expireAnchorsUntilReset() {
        this.expiries = Integer.MAX_VALUE;
        return this;
    }

    /**
     * Delivers the record as {@link RemoteChange.Unreadable} naming {@code field}, as a connector reports a row
     * with a value it cannot read, and fails {@code fetch} of it the way the CRM connector does, until
     * {@link #readable} or {@link #reset()}. Only the feed entries change: the record is reported when it
     * changes, as any other.
     */
    public synchronized Faults unreadable(String remoteId, String field) {
        unreadable.put(remoteId, field);
        return this;
    }

    /** Delivers the record as it is again. */
    public synchronized Faults readable(String remoteId) {
        unreadable.remove(remoteId);
        return this;
    }

    /** Turns every knob off; the random generator goes on where it was. */
    public synchronized Faults reset() {
        failRate = 0;
        failWhen = null;
        retryable = true;
        crashIn = -1;
        unreachable = false;
        duplicateRate = 0;
        emptyPageRate = 0;
        expiries = 0;
        unreadable.clear();
        return this;
    }

    synchronized void seed(long seed) {
        random = new Random(seed);
    }

    synchronized void checkReachable(String endpoint) {
        if (unreachable) {
            throw new EndpointException(endpoint + " is unreachable (simulated outage); check the connection "
                    + "and sync again.");
        }
    }

    synchronized void checkTokenAccepted(RecordType type) {
        if (expiries > 0) {
            if (expiries != Integer.MAX_VALUE) {
                expiries--;
            }
            throw new AnchorExpiredException("The change token for " + type.plural()
                    + " has expired (simulated); a complete listing is needed.");
        }
    }

    /** The page with the records made unreadable reported as such. */
    synchronized List<RemoteChange> unreadableRows(List<RemoteChange> page) {
        if (unreadable.isEmpty()) {
            return page;
        }
        List<RemoteChange> out = new ArrayList<>(page.size());
        for (RemoteChange entry : page) {
            String field = entry instanceof RemoteChange.Upsert ? unreadable.get(entry.remoteId()) : null;
            out.add(field == null ? entry
                    : new RemoteChange.Unreadable(entry.remoteId(), field, "not readable (simulated)"));
        }
        return out;
    }

    synchronized void checkReadable(String endpoint, RecordType type, String remoteId) {
        String field = unreadable.get(remoteId);
        if (field != null) {
            throw new EndpointException(endpoint + "'s " + type.id() + " " + remoteId + " cannot be read: its field '"
                    + field + "' is not readable (simulated).");
        }
    }

    synchronized Optional<WriteOutcome> failure(RecordType type, RemoteWrite write) {
        boolean picked = failWhen != null && failWhen.test(type, write);
        if (picked || (failRate > 0 && random.nextDouble() < failRate)) {
            return Optional.of(new WriteOutcome.Failed("The endpoint refused the write (simulated failure).", retryable));
        }
        return Optional.empty();
    }

    /** Whether a crash is due before any write of this call. */
    synchronized boolean crashBeforeWriting() {
        if (crashIn == 0) {
            crashIn = -1;
            return true;
        }
        return false;
    }

    /** Counts one successful write; true when it was the last before the crash. */
    synchronized boolean crashAfterSuccess() {
        if (crashIn > 0 && --crashIn == 0) {
            crashIn = -1;
            return true;
        }
        return false;
    }

    synchronized boolean emptyPageNow() {
        return emptyPageRate > 0 && random.nextDouble() < emptyPageRate;
    }

    synchronized double duplicateRate() {
        return duplicateRate;
    }

    /** The seeded generator; callers hold the endpoint's lock, which orders every use. */
    synchronized Random random() {
        return random;
    }

    private static double rate(double rate, double max) {
        if (!(rate >= 0 && rate <= max)) {
            throw new IllegalArgumentException("A rate must be from 0 to " + max + ", not " + rate);
        }
        return rate;
    }
}
