package dev.outpost.cli;

import java.nio.file.Path;
import java.util.Optional;

import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code --profile DIR} option, accepted before or after any command. */
public final class ProfileOption {

    @Option(names = "--profile", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The profile folder (default: $OUTPOST_HOME, else the system's app-data folder).")
    Path directory;

    Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** Opens the offline store of the chosen profile. */
    OfflineStore openStore() {
        return OfflineStore.open(ProfileFolder.choose(directory()));
    }
}
