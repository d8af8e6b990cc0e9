package dev.outpost.ui.main;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.image.Image;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The window icons in the sizes the class path has; a missing size is skipped. */
final class WindowIcons {

    private static final Logger LOG = LoggerFactory.getLogger(WindowIcons.class);
    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private WindowIcons() {
    }

    static List<Image> load() {
        List<Image> icons = new ArrayList<>();
        for (int size : SIZES) {
            sized(size).ifPresent(icons::add);
        }
        if (icons.isEmpty()) {
            LOG.debug("No window icons on the class path");
        }
        return icons;
    }

    /** The icon of one size, if the class path has it. */
    static Optional<Image> sized(int size) {
        URL url = WindowIcons.class.getResource("/dev/outpost/icons/outpost-" + size + ".png");
        if (url == null) {
            return Optional.empty();
        }
        Image image = new Image(url.toExternalForm());
        if (image.isError()) {
            LOG.warn("Cannot read the window icon {}", url);
            return Optional.empty();
        }
        return Optional.of(image);
    }
}
