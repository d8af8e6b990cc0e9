package dev.outpost.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.outpost.model.RecordType;

/**
 * The writes that move a record into or out of a pair's scope: the user's track choices and the pair's limit.
 * Each touches the link, the {@code pair_scope} row and the push leftovers together; {@link SyncStore} runs each
 * in one transaction.
 */
final class PairScopeWrites {

    private final SyncRecordRows records;
    private final LinkRows links;
    private final ScopeRows scope;

    PairScopeWrites(SyncRecordRows records, LinkRows links, ScopeRows scope) {
        this.records = records;
        this.links = links;
        this.scope = scope;
    }

    void track(String pair, String recordId) throws SQLException {
        LocalRecord local = existing(recordId);
        RecordType type = local.record().type();
        boolean untracked = scope.tracked(pair, recordId).filter(t -> !t).isPresent();
        scope.setTracked(pair, recordId, type, true);
        Link link = links.byRecordIds(pair, List.of(recordId)).get(recordId);
        if (link != null && !link.inScope() && !scope.overLimit(pair, recordId)) {
            links.put(type, List.of(inScope(link, true)), Set.of());
            if (!untracked) {
                // Paused by the other side (Outlook: the user took the category off there): its copy lacks the
                // pair's marker, so the next sync claims it, as it does a copy it released.
                scope.setReleased(pair, recordId, true);
            }
        }
        links.addLeftover(pair, type, recordId); // below the push mark: the next push must look at it anyway
        scope.clearLimitMark(pair); // one more candidate: rank again
    }

    void untrack(String pair, String recordId) throws SQLException {
        LocalRecord local = existing(recordId);
        scope.setTracked(pair, recordId, local.record().type(), false);
        Link link = links.byRecordIds(pair, List.of(recordId)).get(recordId);
        if (link != null && link.inScope()) {
            links.put(local.record().type(), List.of(inScope(link, false)), Set.of());
        }
        scope.clearLimitMark(pair); // one candidate fewer: its place goes to the next
    }

    void limitPush(String pair, Map<String, RecordType> outside) throws SQLException {
        Map<String, Boolean> before = scope.overLimitPaused(pair);
        List<String> leaving = outside.keySet().stream().filter(id -> !before.containsKey(id)).toList();
        Map<String, Link> leavingLinks = links.byRecordIds(pair, leaving);
        for (String id : leaving) {
            Link link = leavingLinks.get(id);
            boolean pause = link != null && link.inScope();
            if (pause) {
                links.put(outside.get(id), List.of(inScope(link, false)), Set.of());
            }
            scope.markOverLimit(pair, id, outside.get(id), pause);
        }
        List<String> back = before.keySet().stream().filter(id -> !outside.containsKey(id)).toList();
        Map<String, Link> backLinks = links.byRecordIds(pair, back);
        Map<String, LocalRecord> backRecords = records.byIds(back);
        for (String id : back) {
            LocalRecord local = backRecords.get(id);
            if (local != null && local.record().deleted() && before.get(id)) {
                continue; // deleted here while paused: resuming would delete the copy there because of the limit
            }
            scope.releaseOverLimit(pair, id);
            if (local == null || scope.tracked(pair, id).filter(t -> !t).isPresent()) {
                continue; // purged, or the user took it out meanwhile: it stays out
            }
            Link link = backLinks.get(id);
            if (link != null && before.get(id) && !link.inScope()) {
                links.put(local.record().type(), List.of(inScope(link, true)), Set.of());
            }
            links.addLeftover(pair, local.record().type(), id);
        }
    }

    private static Link inScope(Link link, boolean inScope) {
        return new Link(link.pair(), link.recordId(), link.remoteId(), link.remoteVersion(), link.syncedRev(), link.base(),
                inScope);
    }

    private LocalRecord existing(String recordId) throws SQLException {
        LocalRecord local = records.byIds(List.of(recordId)).get(recordId);
        if (local == null) {
            throw new RecordNotFoundException("No record has the id " + recordId + ". List the records to find it.");
        }
        return local;
    }
}
