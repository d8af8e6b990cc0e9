package dev.outpost.ui;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The window's user-facing texts, from {@code dev/outpost/ui/messages.properties}. Every text goes
 * through {@link MessageFormat}, so a single quote in the bundle is written twice.
 */
public final class UiText {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.outpost.ui.messages");

    private UiText() {
    }

    /** The text for a key with its {0}, {1}... filled in. */
    public static String get(String key, Object... args) {
        return MessageFormat.format(BUNDLE.getString(key), args);
    }
}
