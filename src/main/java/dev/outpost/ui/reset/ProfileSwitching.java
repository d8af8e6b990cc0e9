package dev.outpost.ui.reset;

import java.net.URI;

import dev.outpost.store.AdminSettings;

/**
 * Moving the profile to another CRM. The application does it, as it owns the store the window runs on: removing
 * the offline copy means closing that store and showing the window again on a new one. Methods marked "blocks"
 * run on a background thread; the others on the FX thread.
 */
public interface ProfileSwitching {

    /** What the profile syncs with now, in the user's words, e.g. "https://contoso.crm.dynamics.com". */
    String current();

    /** What IT set for this installation (the CRM it suggests or locked), as the sync last read it; never blocks. */
    AdminSettings admin();

    /** Whether it already syncs with this CRM (nothing to switch). */
    boolean isCurrent(URI crmUrl);

    /**
     * Whether moving to {@code crmUrl} must go through the reset warning: the offline copy holds records of
     * another identity (anything synced or waiting to be sent). Blocks.
     */
    boolean needsReset(URI crmUrl);

    /** Connects a profile whose copy holds nothing of another identity; the sync starts right after. */
    void connect(URI crmUrl);

    /**
     * The copy the reset warning counts, syncs, exports and removes, for a move to {@code crmUrl}. Its removal also
     * shows the window again on the new copy, syncing with {@code crmUrl}.
     */
    OfflineCopy offlineCopy(URI crmUrl);
}
