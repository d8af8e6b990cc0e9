package dev.outpost.outlook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.graph.models.Entity;
import com.microsoft.kiota.RequestInformation;

import dev.outpost.sync.WriteOutcome;

/**
 * Takes the sharing category off items the user untracked, or puts it back on items tracked again, keeping every
 * other category and everything else of the item. The current categories are read first (one batch of GETs per 20
 * items): what the feed last showed does not keep them, and a PATCH of {@code categories} replaces the whole list.
 * An item already as wanted is not written; one gone (404) has nothing left to share. Both directions are harmless
 * to repeat.
 */
final class SharingCategoryWrites<T extends Entity> {

    private final OutlookItems<T> items;
    private final GraphBatch batch;
    private final MasterCategory category;
    private final String name;

    SharingCategoryWrites(OutlookItems<T> items, GraphBatch batch, MasterCategory category, String name) {
        this.items = items;
        this.batch = batch;
        this.category = category;
        this.name = name;
    }

    /** Shares ({@code shared}) or stops sharing the items; one answer per id, in order. */
    List<WriteOutcome> share(List<String> ids, boolean shared) {
        WriteOutcome[] outcomes = new WriteOutcome[ids.size()];
        if (shared) {
            category.ensure();
        }
        Map<Integer, RequestInformation> gets = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            gets.put(i, items.getRequest(ids.get(i)));
        }
        Map<Integer, RequestInformation> patches = new LinkedHashMap<>();
        batch.send(gets).forEach((i, answer) -> {
            if (answer.status() == 404) {
                outcomes[i] = new WriteOutcome.RemoteGone();
            } else if (!answer.ok()) {
                outcomes[i] = failed(answer);
            } else {
                T item = answer.as(items.factory());
                List<String> now = items.categories(item) == null ? List.of() : items.categories(item);
                List<String> wanted = new ArrayList<>();
                for (String c : now) {
                    if (c != null && !c.trim().equalsIgnoreCase(name.trim())) {
                        wanted.add(c);
                    }
                }
                if (shared) {
                    wanted.add(name);
                }
                if (shared == hasName(now)) {
                    outcomes[i] = new WriteOutcome.Written(ids.get(i), items.version(item)); // already as wanted
                } else {
                    patches.put(i, items.updateRequest(ids.get(i), items.categoriesPatch(wanted)));
                }
            }
        });
        batch.send(patches).forEach((i, answer) -> {
            if (answer.ok()) {
                T item = answer.as(items.factory());
                outcomes[i] = new WriteOutcome.Written(ids.get(i), item.getId() == null ? "" : items.version(item));
            } else if (answer.status() == 404) {
                outcomes[i] = new WriteOutcome.RemoteGone();
            } else {
                outcomes[i] = failed(answer);
            }
        });
        return List.of(outcomes);
    }

    private boolean hasName(List<String> categories) {
        return categories.stream().anyMatch(c -> c != null && c.trim().equalsIgnoreCase(name.trim()));
    }

    private static WriteOutcome failed(GraphBatch.Answer answer) {
        int status = answer.status();
        if (status == 401) {
            return new WriteOutcome.Failed("Outlook did not accept your sign-in. Sign in again, then sync.", true);
        }
        if (status == 429 || status >= 500) {
            return new WriteOutcome.Failed("Outlook could not take the change now (" + answer.error() + ").", true);
        }
        return new WriteOutcome.Failed("Outlook refused to change the item's categories: " + answer.error(), false);
    }
}
