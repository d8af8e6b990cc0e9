package dev.outpost.outlook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.graph.models.Entity;
import com.microsoft.graph.models.Message;
import com.microsoft.kiota.RequestInformation;

/**
 * Shares the replies of a page of messages ({@link OutlookSettings#shareReplies()}): a message without the sharing
 * category whose conversation holds a shared message ({@link SharedConversations}) is in scope, and gets the
 * category (one batch of PATCHes a page), so Outlook shows it shared as the seeds' add-in does. A tag that fails is
 * logged; the message is in scope all the same and is tagged at the next round that sees it.
 */
final class ReplySharing {

    private static final Logger LOG = LoggerFactory.getLogger(ReplySharing.class);

    private final MessageItems messages;
    private final SharedConversations conversations;
    private final GraphBatch batch;
    private final BooleanSupplier previewing;

    /** @param previewing whether a dry run is under way: the replies are then in scope but not tagged */
    ReplySharing(MessageItems messages, SharedConversations conversations, GraphBatch batch, BooleanSupplier previewing) {
        this.messages = messages;
        this.conversations = conversations;
        this.batch = batch;
        this.previewing = previewing;
    }

    /** The page's replies, by id, as read after tagging (or before, when the tag failed). */
    Map<String, ItemRead> replies(List<? extends Entity> page) {
        List<Message> unshared = new ArrayList<>();
        for (Entity entity : page) {
            if (!(entity instanceof Message m) || m.getId() == null || m.getAdditionalData().containsKey("@removed")) {
                continue;
            }
            if (messages.shared(m.getCategories())) {
                conversations.shared(m.getConversationId());
            } else if (m.getConversationId() != null && !m.getConversationId().isBlank()) {
                unshared.add(m);
            }
        }
        if (unshared.isEmpty()) {
            return Map.of();
        }
        Set<String> shared = conversations.sharedAmong(unshared.stream().map(Message::getConversationId).toList());
        Map<String, Message> replies = new LinkedHashMap<>();
        unshared.stream().filter(m -> shared.contains(m.getConversationId())).forEach(m -> replies.put(m.getId(), m));
        if (replies.isEmpty()) {
            return Map.of();
        }
        if (previewing.getAsBoolean()) {
            Map<String, ItemRead> untagged = new LinkedHashMap<>();
            replies.forEach((id, m) -> untagged.put(id, messages.read(m)));
            return untagged;
        }
        Map<String, RequestInformation> tags = new LinkedHashMap<>();
        replies.forEach((id, m) -> tags.put(id, messages.shareRequest(m)));
        Map<String, ItemRead> reads = new LinkedHashMap<>();
        batch.send(tags).forEach((id, answer) -> {
            Message now = replies.get(id);
            if (answer.ok()) {
                now = answer.as(messages.factory());
            } else {
                LOG.warn("Could not add the sharing category to a reply in a shared conversation ({}); it is synced "
                        + "all the same", answer.error());
            }
            reads.put(id, messages.read(now));
        });
        return reads;
    }

    /** The mail round ended. */
    void roundEnded() {
        conversations.forget();
    }
}
