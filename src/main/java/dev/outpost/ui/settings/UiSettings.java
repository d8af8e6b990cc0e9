package dev.outpost.ui.settings;

import java.util.Objects;

import dev.outpost.model.RecordType;

/**
 * What the window remembers between runs.
 *
 * @param window     the main window's place and size
 * @param theme      light or dark
 * @param recordType the record type shown last
 */
public record UiSettings(WindowPlacement window, Theme theme, RecordType recordType) {

    public static final UiSettings DEFAULT = new UiSettings(WindowPlacement.DEFAULT, Theme.LIGHT, RecordType.CONTACT);

    public UiSettings {
        Objects.requireNonNull(window);
        Objects.requireNonNull(theme);
        Objects.requireNonNull(recordType);
    }

    public UiSettings withWindow(WindowPlacement newWindow) {
        return new UiSettings(newWindow, theme, recordType);
    }

    public UiSettings withTheme(Theme newTheme) {
        return new UiSettings(window, newTheme, recordType);
    }

    public UiSettings withRecordType(RecordType newType) {
        return new UiSettings(window, theme, newType);
    }
}
