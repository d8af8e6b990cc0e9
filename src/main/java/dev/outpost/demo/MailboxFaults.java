package dev.outpost.demo;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo mailbox's own fault knobs, for what only Graph delta clients must survive (see
 * https://learn.microsoft.com/graph/delta-query-overview, "Replays" and "Synchronization reset"). The shared
 * knobs (latency, 429, 5xx, dropped connections, expired bearer tokens) live in {@link DemoFaults} and apply to
 * {@code /v1.0} as well. Every knob is thread-safe and can change while the server runs.
 */
public final class MailboxFaults {

    private volatile boolean replay;
    private volatile boolean emptyPages;
    private final AtomicLong generation = new AtomicLong();

    /** Each delta page also repeats the entry delivered just before it (Graph's "replays"). */
    public MailboxFaults replay(boolean on) {
        this.replay = on;
        return this;
    }

    /** Before every real delta page comes an empty page that still carries an {@code @odata.nextLink}. */
    public MailboxFaults emptyPages(boolean on) {
        this.emptyPages = on;
        return this;
    }

    /**
     * Expires every delta and skip token handed out so far: following one answers {@code 410 Gone} with the error
     * code {@code syncStateNotFound} and a {@code Location} header that starts a new round, as Graph does.
     */
    public void expireDeltaTokensNow() {
        generation.incrementAndGet();
    }

    /** Replays and empty pages off (expired delta tokens stay expired). */
    public MailboxFaults clear() {
        replay = false;
        emptyPages = false;
        return this;
    }

    boolean replayNow() {
        return replay;
    }

    boolean emptyPagesNow() {
        return emptyPages;
    }

    long generation() {
        return generation.get();
    }
}
