package dev.outpost.sync;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import dev.outpost.model.RecordType;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.ConnectionSettings.MailboxOptions;
import dev.outpost.store.SyncStore;

/**
 * What changing a profile's sync settings means for the next sync, the same from {@code outpost connect} and from
 * the window's settings: the types whose scope changed are listed again in full.
 *
 * <p>Scope is decided on what a feed reports, and a delta feed reports only items that changed since its anchor:
 * an item that already fitted the new scope has not changed, so it would never come; one that no longer fits would
 * never be seen leaving. A full listing decides every item again: what entered comes down, what left is unlinked here
 * (deleted nowhere). The limit needs no listing: it is applied to local records at each push.
 */
public final class SettingsChange {

    /** The pairs' names, as the CLI and the window run them. */
    static final String CRM = "crm";
    static final String OUTLOOK = "outlook";

    private SettingsChange() {
    }

    /**
     * Clears the anchors the change from {@code before} to {@code after} makes stale. Another CRM is the reset's
     * business, not this: its anchors go with the old copy.
     *
     * @return the types the next sync lists again, per pair
     */
    public static Relisted apply(SyncStore store, Optional<ConnectionSettings> before, ConnectionSettings after) {
        Set<RecordType> crm = EnumSet.noneOf(RecordType.class);
        if (before.isPresent() && before.get().crmUrl().equals(after.crmUrl())) {
            for (RecordType type : RecordType.values()) {
                if (before.get().syncedWhole().contains(type) != after.syncedWhole().contains(type)) {
                    crm.add(type); // widening brings rows down; narrowing unlinks rows here, deletes nothing
                }
            }
        }
        Set<RecordType> outlook = after.mailbox().map(box -> outlookTypes(sameMailboxOptions(before, box), box.options()))
                .orElse(EnumSet.noneOf(RecordType.class));
        crm.forEach(type -> store.clearAnchor(CRM, type));
        outlook.forEach(type -> store.clearAnchor(OUTLOOK, type));
        return new Relisted(crm, outlook);
    }

    /** The mailbox options the Outlook anchors were made with; empty when unknown (no mailbox, or another one). */
    public static Optional<MailboxOptions> sameMailboxOptions(Optional<ConnectionSettings> before,
            ConnectionSettings.Mailbox now) {
        return before.flatMap(ConnectionSettings::mailbox).filter(was -> was.graphUrl().equals(now.graphUrl()))
                .map(ConnectionSettings.Mailbox::options);
    }

    private static Set<RecordType> outlookTypes(Optional<MailboxOptions> before, MailboxOptions after) {
        Set<RecordType> relist = EnumSet.noneOf(RecordType.class);
        if (before.isEmpty() || !before.get().category().equalsIgnoreCase(after.category())) {
            relist.addAll(OutlookPairRules.TYPES); // the category decides every type's scope
            return relist;
        }
        MailboxOptions was = before.get();
        if (was.daysBack() != after.daysBack() || was.daysAhead() != after.daysAhead()
                || was.autocapture() != after.autocapture()) {
            relist.add(RecordType.APPOINTMENT); // the calendar's anchor also holds the window it started with
        }
        if (!was.shareReplies() && after.shareReplies()) {
            relist.add(RecordType.EMAIL); // replies already there; turning it off leaves shared replies shared
        }
        return relist;
    }

    /**
     * What changing the profile's settings from {@code before} to {@code after} leaves for the user to do in Outlook
     * (a renamed category), the same after {@code outpost connect} and a locked value IT set; empty when nothing.
     */
    public static Optional<String> renameNote(SyncStore store, Optional<ConnectionSettings> before,
            ConnectionSettings after) {
        return after.mailbox().flatMap(box -> {
            Optional<MailboxOptions> was = sameMailboxOptions(before, box);
            boolean renamed = was.filter(w -> !w.category().equalsIgnoreCase(box.options().category())).isPresent();
            return renamed ? renameNote(was, box.options(), store.linkCount(OUTLOOK) > 0) : Optional.empty();
        });
    }

    /**
     * What a renamed category leaves behind, for the user; empty when nothing.
     *
     * @param linkedInOutlook whether anything is linked with Outlook yet
     */
    public static Optional<String> renameNote(Optional<MailboxOptions> before, MailboxOptions after, boolean linkedInOutlook) {
        if (before.isEmpty() || before.get().category().equalsIgnoreCase(after.category()) || !linkedInOutlook) {
            return Optional.empty();
        }
        return Optional.of("Outlook items that carry only \"" + before.get().category() + "\" (those Outpost sent there "
                + "too) are no longer synced; give them \"" + after.category() + "\" in Outlook to sync them again.");
    }

    /** The types the next sync lists again. */
    public record Relisted(Set<RecordType> crm, Set<RecordType> outlook) {
    }
}
