package dev.outpost.sync.memory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.outpost.model.RecordType;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.RemoteChange;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.memory.Tokens.Cursor;
import dev.outpost.sync.memory.Tokens.Delta;
import dev.outpost.sync.memory.Tokens.Listing;

/**
 * Cuts the correct, fault-free pages of a feed. A listing walks the live records in id order after the
 * cursor's id and ends with the log position at which it started, so whatever changed while it was
 * paged through is reported again by the next delta. A delta walks the compacted log between its anchor and
 * the position at which it started, reporting each changed record's state now.
 */
final class FeedPages {

    private final ChangeLog log;
    private final Map<RecordType, TypeStore> stores;
    private final Tokens tokens;

    FeedPages(ChangeLog log, Map<RecordType, TypeStore> stores, Tokens tokens) {
        this.log = log;
        this.stores = stores;
        this.tokens = tokens;
    }

    ChangePage page(Cursor cursor, int pageSize) {
        return switch (cursor) {
            case Listing listing -> listingPage(listing, pageSize);
            case Delta delta -> deltaPage(delta, pageSize);
        };
    }

    /** The entries a faulty feed may send for this one: the record's earlier states, and the entry itself. */
    List<RemoteChange> statesOf(RecordType type, RemoteChange entry) {
        List<RemoteChange> states = new ArrayList<>();
        for (RemoteRecord old : stores.get(type).history(entry.remoteId())) {
            states.add(new RemoteChange.Upsert(old));
        }
        states.add(entry);
        return states;
    }

    private ChangePage listingPage(Listing listing, int pageSize) {
        TypeStore store = stores.get(listing.type());
        List<RemoteChange> changes = new ArrayList<>(Math.min(pageSize, store.size()));
        String last = listing.afterId();
        Iterator<RemoteRecord> records = store.after(listing.afterId()).iterator();
        while (changes.size() < pageSize && records.hasNext()) {
            RemoteRecord record = records.next();
            last = record.remoteId();
            if (store.inScope(record)) {
                changes.add(new RemoteChange.Upsert(record));
            }
        }
        return records.hasNext()
                ? ChangePage.more(changes, tokens.next(new Listing(listing.type(), listing.start(), last)))
                : ChangePage.last(changes, tokens.anchor(listing.type(), listing.start()));
    }

    private ChangePage deltaPage(Delta delta, int pageSize) {
        RecordType type = delta.type();
        List<RemoteChange> changes = new ArrayList<>();
        long last = delta.after();
        Iterator<Map.Entry<Long, String>> changed = log.between(type, delta.after(), delta.end()).entrySet().iterator();
        while (changes.size() < pageSize && changed.hasNext()) {
            Map.Entry<Long, String> entry = changed.next();
            last = entry.getKey();
            changes.add(currentChange(type, entry.getValue()));
        }
        return changed.hasNext()
                ? ChangePage.more(changes, tokens.next(new Delta(type, delta.end(), last)))
                : ChangePage.last(changes, tokens.anchor(type, delta.end()));
    }

    private RemoteChange currentChange(RecordType type, String remoteId) {
        TypeStore store = stores.get(type);
        return store.live(remoteId)
                .<RemoteChange>map(r -> store.inScope(r) ? new RemoteChange.Upsert(r) : new RemoteChange.OutOfScope(remoteId))
                .orElseGet(() -> new RemoteChange.Removal(remoteId));
    }
}
