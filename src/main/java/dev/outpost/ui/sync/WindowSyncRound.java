package dev.outpost.ui.sync;

import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.outpost.model.Validation;
import dev.outpost.outlook.SyncRound;
import dev.outpost.store.SyncStore;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;

/**
 * One sync round from the window, on the sync's worker: what IT locked is applied first, then the round runs (Outlook
 * in, the CRM, Outlook out) with every endpoint counted into the progress. The endpoints' HTTP clients are released
 * after, however the round ends.
 */
final class WindowSyncRound {

    private static final Logger LOG = LoggerFactory.getLogger(WindowSyncRound.class);

    private final SyncConnection connection;
    private final SyncStore store;
    private final Validation validation;
    private final SyncProgress progress;
    private final Runnable progressed;

    /** @param progressed called on the worker whenever {@code progress} moved */
    WindowSyncRound(SyncConnection connection, SyncStore store, Validation validation, SyncProgress progress,
                    Runnable progressed) {
        this.connection = connection;
        this.store = store;
        this.validation = validation;
        this.progress = progress;
        this.progressed = progressed;
    }

    /**
     * Runs the round; blocks.
     *
     * @param tell      receives what a change IT made leaves for the user to do (a category it renamed), once
     * @param cancelled asked at each safe point whether the user stopped the round
     */
    SyncRound.Reports run(Consumer<String> tell, BooleanSupplier cancelled) throws Exception {
        connection.applyLockedSettings(store).ifPresent(tell);
        SyncPair crm = connection.pair();
        Optional<SyncPair> outlook = Optional.empty();
        try {
            outlook = connection.outlookPair(); // both tokens checked before anything runs
            progress.expect(crm.types().size() + outlook.map(o -> o.types().size()).orElse(0));
            return new SyncRound(new SyncEngine(store, Clock.systemUTC(), validation)).run(observed(crm),
                    outlook.map(this::observed), RunOptions.normal().cancelledWhen(cancelled));
        } finally {
            // Each run's endpoints hold HTTP clients (a selector thread and a connection pool): release them.
            Stream.concat(Stream.of(crm), outlook.stream()).map(SyncPair::endpoint)
                    .filter(AutoCloseable.class::isInstance).map(AutoCloseable.class::cast)
                    .forEach(WindowSyncRound::closeQuietly);
        }
    }

    private SyncPair observed(SyncPair pair) {
        return pair.withEndpoint(new ObservedEndpoint(pair.endpoint(), progress, progressed)); // rules stay
    }

    private static void closeQuietly(AutoCloseable endpoint) {
        try {
            endpoint.close();
        } catch (Exception e) {
            LOG.debug("Closing the mailbox connection failed", e);
        }
    }
}
