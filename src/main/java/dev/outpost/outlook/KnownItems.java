package dev.outpost.outlook;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.microsoft.graph.models.Entity;

/**
 * One kind's items as this endpoint last saw them (in a delta page or a write's answer), cut down to what a write
 * needs ({@link OutlookItems#residue}), and the last {@code @odata.deltaLink} its feed handed out. Asking that link
 * tells which items changed since: every other item is still as seen, so a write needs no read of its own to check
 * the version (Graph documents no If-Match for Outlook items) or to keep what Outpost does not map.
 *
 * <p>Memory only, per endpoint: a new endpoint knows no link, and its writes read the items as before.
 */
final class KnownItems<T extends Entity> {

    private final Map<String, T> items = new ConcurrentHashMap<>();
    private volatile String link;

    /** The last delta link the feed handed out, or that the check before a write arrived at. */
    Optional<String> link() {
        return Optional.ofNullable(link);
    }

    void link(String deltaLink) {
        this.link = deltaLink;
    }

    /** Forgets the link (Graph no longer takes it): writes read their items until the next delta round ends. */
    void forgetLink() {
        this.link = null;
    }

    /** Forgets every item and the link: a complete listing starts a new chain of links. */
    void clear() {
        items.clear();
        link = null;
    }

    void seen(String id, T residue) {
        if (id != null && residue != null) {
            items.put(id, residue);
        }
    }

    void gone(String id) {
        if (id != null) {
            items.remove(id);
        }
    }

    Optional<T> get(String id) {
        return Optional.ofNullable(items.get(id));
    }
}
