package dev.outpost.outlook;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.graph.models.CategoryColor;
import com.microsoft.graph.models.OutlookCategory;
import com.microsoft.kiota.ApiException;

/**
 * Puts the sharing category into the mailbox's master categories ({@code GET}, then {@code POST} when missing),
 * once per endpoint, before its first sync or write: without it the user finds no "Shared with CRM" to pick in
 * Outlook (the seeds: "after the add-in has been deployed, the category is available for users in Outlook"). A
 * {@code 409} (made meanwhile, by Outlook or another Outpost) is as good as made. It never fails a sync: items may
 * carry a category missing from the master list (Outlook then shows it uncoloured), so a refusal is logged; a
 * passing fault (throttled, 5xx, no connection) is tried again at the next sync or write.
 */
final class MasterCategory {

    private static final Logger LOG = LoggerFactory.getLogger(MasterCategory.class);
    /** Outlook's preset7 (blue in Outlook's palette at the time of writing): a colour the user can change. */
    static final CategoryColor COLOR = CategoryColor.Preset7;

    private final GraphConnection connection;
    private final AtomicBoolean done = new AtomicBoolean();

    MasterCategory(GraphConnection connection) {
        this.connection = connection;
    }

    void ensure() {
        if (done.get()) {
            return;
        }
        synchronized (this) {
            if (done.get()) {
                return;
            }
            String name = connection.settings().shareCategory();
            GraphPrefer prefer = GraphPrefer.common(connection.settings().pageSize());
            try {
                var categories = connection.client().me().outlook().masterCategories();
                var existing = categories.get(rc -> prefer.applyTo(rc.headers));
                boolean found = existing != null && existing.getValue() != null && existing.getValue().stream()
                        .anyMatch(c -> name.trim().equalsIgnoreCase(c.getDisplayName() == null ? "" : c.getDisplayName().trim()));
                if (!found) {
                    OutlookCategory category = new OutlookCategory();
                    category.setDisplayName(name.trim());
                    category.setColor(COLOR);
                    try {
                        categories.post(category, rc -> prefer.applyTo(rc.headers));
                        LOG.info("Added the category '{}' to the mailbox's categories", name);
                    } catch (ApiException e) {
                        if (e.getResponseStatusCode() != 409) {
                            throw e;
                        }
                    }
                }
                done.set(true);
            } catch (ApiException e) {
                int status = e.getResponseStatusCode();
                boolean passing = GraphConnection.RETRYABLE.contains(status) || status >= 500 || status == 401;
                LOG.warn("Could not add the category '{}' to the mailbox's categories{}: {}", name,
                        passing ? " (tried again at the next sync)" : "", DeltaFeed.describe(e));
                done.set(!passing);
            } catch (RuntimeException e) {
                LOG.warn("Could not add the category '{}' to the mailbox's categories (tried again at the next sync): {}",
                        name, e.getMessage());
            }
        }
    }
}
