package dev.outpost.sync;

import java.util.Optional;
import java.util.function.Consumer;

import dev.outpost.store.AdminSettings;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.ConnectionSettings.MailboxOptions;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.StoreException;
import dev.outpost.store.SyncStore;

/**
 * Brings the settings IT locked into a profile before it syncs, the same from {@code outpost sync} and the window.
 *
 * <p>A locked value is saved into the profile's {@code connection.json}, as if the user had chosen it in the
 * settings: what the next sync uses is then also what the settings show, and a changed filter or category lists
 * those types again ({@link SettingsChange}), exactly once. A category renamed this way leaves the same note as a
 * user's rename ({@link SettingsChange#renameNote}): items carrying only the old one stop syncing, and only the user
 * can give them the new one. If IT later unlocks a value, the profile keeps it until the user changes it. A locked CRM
 * is not switched to here (another CRM needs the reset flow): the sync is refused, saying what to do.
 */
public final class LockedSettings {

    private LockedSettings() {
    }

    /**
     * The profile's settings with the locked values in them, saved if they changed.
     *
     * @param notes receives what the change leaves for the user to do (a renamed category), once, when it is saved
     * @return the settings to sync with; empty when the profile is not connected
     * @throws StoreException when the profile is connected to another CRM than the one IT locked
     */
    public static Optional<ConnectionSettings> apply(SyncStore store, ProfileFolder profile, AdminSettings admin,
            Consumer<String> notes) {
        Optional<ConnectionSettings> saved = ConnectionSettings.read(profile);
        if (saved.isEmpty() || saved.get().demo()) {
            return saved;
        }
        refuseAnotherCrm(saved.get(), admin);
        ConnectionSettings enforced = admin.enforce(saved.get());
        if (!enforced.equals(saved.get())) {
            Optional<String> note = SettingsChange.renameNote(store, saved, enforced);
            SettingsChange.apply(store, saved, enforced);
            enforced.write(profile);
            note.map(text -> admin.setByIt(AdminSettings.Setting.CATEGORY) + ": \"" + box(enforced).category() + "\". "
                    + text).ifPresent(notes);
        }
        return Optional.of(enforced);
    }

    private static MailboxOptions box(ConnectionSettings settings) {
        return settings.mailbox().orElseThrow().options();
    }

    /**
     * Why a sync of this profile would be refused, in words for the user: it is connected to another CRM than the one
     * IT locked. Empty when it may sync (demo mode always may).
     */
    public static Optional<String> syncRefusal(ConnectionSettings settings, AdminSettings admin) {
        if (settings.demo()) {
            return Optional.empty();
        }
        return admin.crmRefusal(settings.crmUrl()).map(why -> "IT allows syncing only with "
                + admin.boundCrmUrl().orElseThrow() + " (in " + admin.file() + ")");
    }

    /**
     * Refuses a profile connected to another CRM than the one IT locked: nothing is sent to that CRM any more, not
     * even the changes waiting for it (they can be exported on the way to IT's CRM). Demo mode is exempt.
     *
     * @throws StoreException saying which CRM IT set and how to move the profile there
     */
    public static void refuseAnotherCrm(ConnectionSettings settings, AdminSettings admin) {
        if (settings.demo()) {
            return;
        }
        admin.crmRefusal(settings.crmUrl()).ifPresent(why -> {
            throw new StoreException("This profile syncs with " + settings.crmUrl() + ", but " + why + " Connect "
                    + "this profile to " + admin.boundCrmUrl().orElseThrow() + " (outpost connect, or Connect to "
                    + "another CRM in the window); changes not yet synchronized can be exported on the way "
                    + "(outpost connect --export FILE, or Export in the window's warning).");
        });
    }
}
