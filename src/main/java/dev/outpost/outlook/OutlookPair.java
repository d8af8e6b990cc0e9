package dev.outpost.outlook;

import java.util.List;

import dev.outpost.model.RecordType;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.Endpoint;
import dev.outpost.sync.MassDeleteGuard;
import dev.outpost.sync.OutlookPairRules;
import dev.outpost.sync.PushLimit;
import dev.outpost.sync.SyncPair;

/**
 * The {@code outlook} pair: the offline store and a mailbox. The window and the command line build it here, so both
 * sync the same types by the same rules.
 */
public final class OutlookPair {

    /** The pair's name in the store, in the history and in messages. */
    public static final String NAME = "outlook";

    /** Contacts before the activities; e-mail is pulled only (mail goes one way, Outlook to CRM: see the rules). */
    public static final List<RecordType> TYPES = OutlookPairRules.TYPES;

    /** "The CRM copy wins": the local copy, which the run's CRM pass has just made the CRM's. */
    public static final ConflictPolicy DEFAULT_POLICY = ConflictPolicy.LOCAL_WINS;

    private OutlookPair() {
    }

    /**
     * The pair over a mailbox. On a true conflict the local copy wins: after the run's CRM pass it is the CRM's
     * (DESIGN.md: "the CRM copy wins, as Siebel Server Sync does").
     */
    public static SyncPair of(Endpoint mailbox) {
        return of(mailbox, PushLimit.OUTLOOK_DEFAULT);
    }

    /**
     * The pair over a mailbox that keeps at most {@code limit} contacts, tasks and appointments together (the seeds'
     * limit, configurable per profile with {@code outpost connect --outlook-limit}).
     */
    public static SyncPair of(Endpoint mailbox, int limit) {
        return of(mailbox, limit, DEFAULT_POLICY);
    }

    /** As {@link #of(Endpoint, int)}, settling true conflicts the way the user chose in the settings. */
    public static SyncPair of(Endpoint mailbox, int limit, ConflictPolicy policy) {
        // The seeds' rules: e-mail pulled only, what a deletion in Outlook means per type, at most `limit` records sent.
        return new SyncPair(NAME, mailbox, policy, TYPES, MassDeleteGuard.DEFAULT, OutlookPairRules.rules(limit));
    }
}
