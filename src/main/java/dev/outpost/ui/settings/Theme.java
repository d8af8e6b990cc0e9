package dev.outpost.ui.settings;

import java.util.Locale;
import java.util.Optional;

/** The window's look: AtlantaFX Primer light or dark. */
public enum Theme {
    LIGHT, DARK;

    /** The name kept in settings.json. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    static Optional<Theme> fromId(String id) {
        for (Theme theme : values()) {
            if (theme.id().equalsIgnoreCase(id)) {
                return Optional.of(theme);
            }
        }
        return Optional.empty();
    }
}
