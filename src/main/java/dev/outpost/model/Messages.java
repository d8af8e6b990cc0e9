package dev.outpost.model;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The model's user-facing texts, from {@code dev/outpost/model/messages.properties}. */
final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.outpost.model.messages");

    private Messages() {
    }

    static String get(String key, Object... args) {
        return MessageFormat.format(BUNDLE.getString(key), args);
    }
}
