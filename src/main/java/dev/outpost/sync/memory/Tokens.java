package dev.outpost.sync.memory;

import dev.outpost.model.RecordType;
import dev.outpost.sync.AnchorExpiredException;

/**
 * Encodes feed positions as the opaque strings the SPI passes around, and refuses any it did not make
 * (another endpoint's, another type's, a garbled one) with {@link AnchorExpiredException}, as the real
 * services answer an unknown delta token with 410 or a 4xx. The epoch ties tokens to one endpoint's
 * history, so a fresh endpoint rejects the anchors of an old one.
 */
final class Tokens {

    /** Where a feed stands: a listing after some id, or a delta after some log position. */
    sealed interface Cursor {
        RecordType type();
    }

    /** A complete listing that started at log position {@code start}; ids up to {@code afterId} are done. */
    record Listing(RecordType type, long start, String afterId) implements Cursor {
    }

    /** A delta up to log position {@code end}; changes up to {@code after} are done. */
    record Delta(RecordType type, long end, long after) implements Cursor {
    }

    private static final String PREFIX = "mem";
    private final String epoch;

    Tokens(String epoch) {
        this.epoch = epoch;
    }

    String anchor(RecordType type, long position) {
        return String.join(":", PREFIX, epoch, "anchor", type.id(), Long.toString(position));
    }

    String next(Cursor cursor) {
        return switch (cursor) {
            case Listing l -> String.join(":", PREFIX, epoch, "list", l.type().id(), Long.toString(l.start()), l.afterId());
            case Delta d -> String.join(":", PREFIX, epoch, "delta", d.type().id(), Long.toString(d.end()),
                    Long.toString(d.after()));
        };
    }

    /**
     * The cursor a token stands for; an anchor becomes a delta up to {@code position}, the log's position now.
     *
     * @throws AnchorExpiredException when the token is not one of ours for this type
     */
    Cursor parse(RecordType type, String token, long position) {
        String[] parts = token.split(":", -1);
        try {
            if (parts.length >= 5 && parts[0].equals(PREFIX) && parts[1].equals(epoch) && parts[3].equals(type.id())) {
                long first = Long.parseLong(parts[4]);
                Cursor cursor = switch (parts[2]) {
                    case "anchor" -> parts.length == 5 ? new Delta(type, position, first) : null;
                    case "list" -> parts.length == 6 ? new Listing(type, first, parts[5]) : null;
                    case "delta" -> parts.length == 6 ? new Delta(type, first, Long.parseLong(parts[5])) : null;
                    default -> null;
                };
                if (cursor != null && plausible(cursor, position)) {
                    return cursor;
                }
            }
        } catch (NumberFormatException garbled) {
            // answered below like any other token we did not make
        }
        throw new AnchorExpiredException("The change token for " + type.plural() + " is not valid here; "
                + "a complete listing is needed.");
    }

    private static boolean plausible(Cursor cursor, long position) {
        return switch (cursor) {
            case Listing l -> l.start() >= 0 && l.start() <= position;
            case Delta d -> d.after() >= 0 && d.after() <= d.end() && d.end() <= position;
        };
    }
}
