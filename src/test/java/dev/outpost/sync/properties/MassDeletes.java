package dev.outpost.sync.properties;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.outpost.model.RecordType;
import dev.outpost.store.JournalEntry;
import dev.outpost.store.Link;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncReport;
import dev.outpost.sync.TypeOutcome;
import dev.outpost.sync.TypeReport;

/**
 * The deletions a sync is about to carry over, counted before it starts, to check the mass-delete guard:
 * it may stop a type only when the run would delete more than 25 records and more than 20% of that type
 * on one side. The counts are upper bounds of what the engine can see (and the totals lower bounds), so a
 * stop they cannot explain is a guard that fired too early.
 */
final class MassDeletes {

    private static final int MINIMUM = 25;
    private static final double SHARE = 0.2;

    /**
     * @param goneThere   local records whose endpoint copy was deleted: a pull would delete them here
     * @param liveHere    live local records of the type
     * @param deletedHere local deletions whose endpoint copy still exists: a push would delete them there
     * @param linksLeft   links whose endpoint copy still exists: the fewest records the endpoint can hold then
     */
    private record Counts(int goneThere, int liveHere, int deletedHere, int linksLeft) {
    }

    private final Map<RecordType, Counts> counts = new EnumMap<>(RecordType.class);

    private MassDeletes() {
    }

    /**
     * @param inFlight writes the app died sending: a create that arrived is linked when the next run starts,
     *                 so a record deleted here since counts as a deletion to send there
     */
    static MassDeletes count(BothSides now, List<JournalEntry> inFlight) {
        MassDeletes deletes = new MassDeletes();
        for (RecordType type : EditedFields.TYPES) {
            int goneThere = 0;
            int deletedHere = 0;
            int linksLeft = 0;
            for (Link link : now.links.get(type)) {
                boolean there = now.remote(link.remoteId()).isPresent();
                boolean here = now.live(link.recordId()).isPresent();
                if (there) {
                    linksLeft++;
                }
                if (here && !there) {
                    goneThere++;
                }
                if (!here && there) {
                    deletedHere++;
                }
            }
            deletedHere += (int) inFlight.stream().filter(j -> j.type() == type && j.op().equals("create")
                    && now.live(j.recordId()).isEmpty()).count();
            deletes.counts.put(type, new Counts(goneThere, now.local.get(type).size(), deletedHere, linksLeft));
        }
        return deletes;
    }

    private static boolean pastThreshold(int deletions, int total) {
        return deletions > MINIMUM && deletions > SHARE * total;
    }

    /** Fails when the report shows the guard stopping a type whose deletions stay under the threshold. */
    void checkGuard(SyncReport report, RunOptions options, SyncWorld world) {
        for (TypeReport type : report.types()) {
            if (type.outcome() != TypeOutcome.NEEDS_CONFIRMATION) {
                continue;
            }
            if (options.confirmedMassDeletes().contains(type.type())) {
                throw new AssertionError("The mass-delete guard stopped " + type.type().plural()
                        + " although the user had confirmed their deletion: " + type.message() + world.storyText());
            }
            Counts c = counts.get(type.type());
            if (!pastThreshold(c.goneThere(), c.liveHere()) && !pastThreshold(c.deletedHere(), c.linksLeft())) {
                throw new AssertionError("The mass-delete guard stopped " + type.type().plural() + " under its threshold "
                        + "(more than " + MINIMUM + " and more than " + (int) (SHARE * 100) + "% of one side): "
                        + c.goneThere() + " deleted on the endpoint of " + c.liveHere() + " here, " + c.deletedHere()
                        + " deleted here of " + c.linksLeft() + " linked. It said: " + type.message() + world.storyText());
            }
        }
    }
}
