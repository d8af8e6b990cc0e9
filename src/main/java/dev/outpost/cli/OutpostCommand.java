package dev.outpost.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** Placeholder: the CLI is being written. */
public final class OutpostCommand {
    public static final int WINDOW_OPENED = -1;

    private OutpostCommand() {
    }

    public static int run(String[] args, Consumer<Optional<Path>> windowOpener) {
        windowOpener.accept(Optional.empty());
        return WINDOW_OPENED;
    }
}
