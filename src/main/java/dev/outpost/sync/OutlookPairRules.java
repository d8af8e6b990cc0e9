package dev.outpost.sync;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/**
 * The {@code outlook} pair's rules, from DESIGN.md's "Outlook pair rules" and the seeds they come from.
 *
 * <ul>
 *   <li>E-mail is one-way, Outlook to here (seed 003, Dynamics CRM for Outlook: "e-mail tracking is
 *       one-directional from Outlook to CRM"): pulled, never pushed.</li>
 *   <li>Deleted in Outlook after at least one successful sync (seed 001, Siebel Server Sync, "About Synchronizing
 *       Records During the Ongoing Extract Process"): a private contact deletes the personal contact here (and so
 *       in the CRM); a task deletes the task; a non-private contact only leaves the user's sync list (stop
 *       tracking: kept here and in the CRM, not sent to Outlook again).</li>
 *   <li>An appointment deleted in Outlook deletes it here. Seed 001 lists no special case for calendar records
 *       after a successful sync, so its general rule applies: "if a record is modified in one environment but is
 *       deleted in the other, then the record is deleted in the remaining environment"; seed 004 (Siebel CRM
 *       Desktop) says the same of every Outlook deletion: "Delete the appropriate record in the Siebel database".</li>
 *   <li>An e-mail deleted in Outlook stops being tracked and stays here: it is never pushed, so a deletion in
 *       the mailbox (filing, cleaning up) says nothing about the CRM activity it became (seed 003: tracking an
 *       e-mail saves "a copy of that record ... as an activity", one-directional).</li>
 *   <li>Records sent there: contacts, tasks and appointments, within a combined limit, default 5,000 (seed 000).</li>
 * </ul>
 */
public final class OutlookPairRules {

    /** The types the Outlook pair syncs, in the order it runs them. */
    public static final List<RecordType> TYPES = List.of(RecordType.CONTACT, RecordType.TASK, RecordType.APPOINTMENT,
            RecordType.EMAIL);

    /** The types Outlook keeps together under its limit. */
    public static final Set<RecordType> LIMITED = Set.of(RecordType.CONTACT, RecordType.TASK, RecordType.APPOINTMENT);

    /** What a deletion in Outlook means here. */
    public static final RemovalRule REMOVAL = OutlookPairRules::onRemoval;

    private OutlookPairRules() {
    }

    /** The rules with the default limit. */
    public static PairRules rules() {
        return rules(PushLimit.OUTLOOK_DEFAULT);
    }

    /** The rules with a limit of {@code limit} contacts, tasks and appointments together. */
    public static PairRules rules(int limit) {
        return new PairRules(Set.of(RecordType.EMAIL), REMOVAL, Optional.of(new PushLimit(limit, LIMITED)));
    }

    private static RemovalRule.Effect onRemoval(RecordType type, Record local) {
        return switch (type) {
            case CONTACT -> "true".equals(local.values().get("private"))
                    ? RemovalRule.Effect.DELETE_HERE : RemovalRule.Effect.STOP_TRACKING;
            case TASK, APPOINTMENT -> RemovalRule.Effect.DELETE_HERE;
            case EMAIL, ACCOUNT, OPPORTUNITY -> RemovalRule.Effect.STOP_TRACKING; // never sent there: not Outlook's to delete
        };
    }
}
