package dev.outpost.ui.settings;

import java.util.Objects;

import dev.outpost.model.RecordType;

/**
 * What the window remembers between runs.
 *
 * @param window     the main window's place and size
 * @param theme      light or dark
 * @param recordType the record type shown last
 * @param schedule   when the window syncs on its own
 */
public record UiSettings(WindowPlacement window, Theme theme, RecordType recordType, SyncSchedule schedule) {

    public static final UiSettings DEFAULT = new UiSettings(WindowPlacement.DEFAULT, Theme.LIGHT, RecordType.CONTACT,
            SyncSchedule.DEFAULT);

    public UiSettings {
        Objects.requireNonNull(window);
        Objects.requireNonNull(theme);
        Objects.requireNonNull(recordType);
        Objects.requireNonNull(schedule);
    }

    /** With the default schedule. */
    public UiSettings(WindowPlacement window, Theme theme, RecordType recordType) {
        this(window, theme, recordType, SyncSchedule.DEFAULT);
    }

    public UiSettings withWindow(WindowPlacement newWindow) {
        return new UiSettings(newWindow, theme, recordType, schedule);
    }

    public UiSettings withTheme(Theme newTheme) {
        return new UiSettings(window, newTheme, recordType, schedule);
    }

    public UiSettings withRecordType(RecordType newType) {
        return new UiSettings(window, theme, newType, schedule);
    }

    public UiSettings withSchedule(SyncSchedule newSchedule) {
        return new UiSettings(window, theme, recordType, newSchedule);
    }
}
