package dev.outpost.sync.properties;

import java.util.Optional;

import dev.outpost.store.ConflictRow;
import dev.outpost.sync.ConflictResolver;
import dev.outpost.sync.properties.Ledger.Side;

/**
 * How the user resolves a conflict, and what the decision does to the ledger: the side the user overruled
 * has nothing left to deliver; the other side's edits must still reach both sides at the next sync.
 */
enum UserDecision {
    KEEP_MINE, KEEP_SERVER, KEEP_BOTH;

    /** Carries the decision out and returns a line for the try's story. */
    String carryOut(ConflictRow c, ConflictResolver resolver, SyncWorld world) {
        String localId = c.recordId();
        String remoteId = c.remoteId() != null ? c.remoteId() : world.remoteOf.get(localId);
        String copied = "";
        switch (this) {
            case KEEP_MINE -> {
                resolver.keepMine(c.id());
                if (remoteId != null) {
                    world.ledger.forget(Side.REMOTE, remoteId);
                }
            }
            case KEEP_SERVER -> {
                resolver.keepServer(c.id());
                world.ledger.forget(Side.LOCAL, localId);
            }
            case KEEP_BOTH -> {
                Optional<String> copy = resolver.keepBoth(c.id());
                // The copy is this computer's version: what was edited here must reach the endpoint in it.
                if (copy.isPresent() && world.ledger.deletion(Side.LOCAL, localId).isEmpty()) {
                    world.ledger.moveLocalEdits(localId, copy.get());
                }
                world.ledger.forget(Side.LOCAL, localId);
                copied = ", copied here to " + copy.orElse("nothing");
            }
        }
        return "resolved the " + c.kind() + " conflict on " + c.type().id() + " " + localId + " / " + remoteId + " "
                + c.fields() + " with " + this + copied + "; it held here " + c.localValues().orElse(null) + ", there "
                + c.remoteValues().orElse(null);
    }
}
