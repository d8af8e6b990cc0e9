package dev.outpost.sync.memory;

/**
 * Thrown by {@link MemoryEndpoint#write} when a crash was injected with {@link Faults#crashAfterWrites}: the
 * endpoint has already made the writes, but the caller never hears of them. It models a process that died
 * between "sent" and "recorded", the window the engine's journal must cover. Unchecked and not an
 * {@link dev.outpost.sync.EndpointException}, so an engine cannot mistake it for an endpoint error it may
 * handle: it must unwind the run like a kill would.
 */
public final class SimulatedCrash extends RuntimeException {

    public SimulatedCrash(String message) {
        super(message);
    }
}
