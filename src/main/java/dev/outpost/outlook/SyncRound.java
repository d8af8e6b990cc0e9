package dev.outpost.outlook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.outpost.model.RecordType;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncEngine;
import dev.outpost.sync.SyncPair;
import dev.outpost.sync.SyncReport;
import dev.outpost.sync.TypeOutcome;
import dev.outpost.sync.TypeReport;

/**
 * One sync run over both pairs, as the window's <em>Sync now</em> and {@code outpost sync} do it: the CRM pair, then
 * the Outlook pair when a mailbox is connected, then the CRM pair once more for the types the Outlook pass changed
 * here, so an edit made in Outlook reaches the CRM in the same run (and a CRM edit reaches Outlook).
 *
 * <p>The second CRM pass needs no pull of its own: the first one just left the anchors current, so its delta reads
 * come back empty and cost one request per type; only the types the Outlook pass changed are run, and not those
 * the first CRM pass failed to sync. (It lives here
 * rather than in {@code sync} because it names the two pairs; it needs nothing of the Graph connector.)
 */
public final class SyncRound {

    /**
     * What the passes of a run did.
     *
     * @param crm      the CRM pass
     * @param outlook  the Outlook pass, when a mailbox is connected
     * @param crmAgain the second CRM pass, when the Outlook pass brought changes
     */
    public record Reports(SyncReport crm, Optional<SyncReport> outlook, Optional<SyncReport> crmAgain) {

        /** Every pass's report, in the order they ran. */
        public List<SyncReport> all() {
            List<SyncReport> all = new ArrayList<>();
            all.add(crm);
            outlook.ifPresent(all::add);
            crmAgain.ifPresent(all::add);
            return all;
        }

        public int conflicts() {
            return all().stream().mapToInt(SyncReport::conflicts).sum();
        }
    }

    private final SyncEngine engine;

    public SyncRound(SyncEngine engine) {
        this.engine = engine;
    }

    /** Runs the passes; a dry run previews both pairs once and writes nothing anywhere. */
    public Reports run(SyncPair crm, Optional<SyncPair> outlook, RunOptions options) {
        SyncReport first = engine.run(crm, options);
        if (outlook.isEmpty() || options.cancelled().getAsBoolean()) {
            return new Reports(first, Optional.empty(), Optional.empty());
        }
        SyncReport mailbox = engine.run(outlook.get(), options);
        // A type the CRM pass could not sync (offline, signed out) is not tried again: it would only fail again.
        List<RecordType> crmFailed = first.types().stream().filter(t -> t.outcome() == TypeOutcome.FAILED)
                .map(TypeReport::type).toList();
        List<RecordType> changedHere = mailbox.types().stream().filter(t -> t.pulled() > 0 || t.merged() > 0)
                .map(TypeReport::type).filter(crm.types()::contains).filter(t -> !crmFailed.contains(t)).toList();
        if (options.dryRun() || changedHere.isEmpty() || options.cancelled().getAsBoolean()) {
            return new Reports(first, Optional.of(mailbox), Optional.empty());
        }
        // Accounts and opportunities that the changed records refer to are already linked: the first pass saw to it.
        SyncPair again = new SyncPair(crm.name(), crm.endpoint(), crm.policy(), changedHere, crm.guard(), crm.rules());
        return new Reports(first, Optional.of(mailbox), Optional.of(engine.run(again, options)));
    }
}
