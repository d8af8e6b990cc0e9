package dev.outpost.ui.settings;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.testfx.util.WaitForAsyncUtils;

import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.ConnectionSettings.Mailbox;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;

/** What the settings tests start from: a profile connected to Contoso with a mailbox, its store and its window settings. */
final class ContosoProfile implements AutoCloseable {

    final ProfileFolder profile;
    final OfflineStore store;
    final SettingsFile ui;

    ContosoProfile(Path folder) {
        profile = new ProfileFolder(folder);
        new ConnectionSettings(URI.create("https://contoso.crm.dynamics.com"), "OUTPOST_ACCESS_TOKEN")
                .withMailbox(Optional.of(new Mailbox(URI.create("https://graph.microsoft.com/v1.0"), "OUTPOST_GRAPH_TOKEN")))
                .write(profile);
        store = OfflineStore.open(profile);
        ui = new SettingsFile(profile.settingsFile());
        ui.load();
    }

    /** What is saved in the profile now. */
    ConnectionSettings saved() {
        return ConnectionSettings.read(profile).orElseThrow();
    }

    /** Waits up to 10 seconds for {@code condition}, letting the FX thread run between looks. */
    static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    @Override
    public void close() {
        ui.close();
        store.close();
    }
}
