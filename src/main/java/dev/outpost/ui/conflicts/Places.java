package dev.outpost.ui.conflicts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import dev.outpost.ui.UiText;

/** Where and when each side changed, in words: "this computer", "the CRM", "Outlook", and the time if it is known. */
final class Places {

    private final DateTimeFormatter format;

    Places(ZoneId zone) {
        this.format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withZone(zone);
    }

    /** The other side of a pair: "the CRM" for {@code crm}, "Outlook" for {@code outlook}. */
    static String server(String pair) {
        return switch (pair) {
            case "crm" -> UiText.get("conflict.place.crm");
            case "outlook" -> UiText.get("conflict.place.outlook");
            default -> pair;
        };
    }

    /**
     * A text with a time, or its "not recorded" variant ({@code key + "Unknown"}) without one: the texts then say so
     * rather than guess.
     */
    String when(String key, Instant instant, Object... args) {
        if (instant == null) {
            return UiText.get(key + "Unknown", args);
        }
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = format.format(instant);
        return UiText.get(key, all);
    }
}
