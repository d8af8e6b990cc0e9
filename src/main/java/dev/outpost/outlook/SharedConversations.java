package dev.outpost.outlook;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.MessageCollectionResponse;
import com.microsoft.kiota.RequestInformation;

import dev.outpost.sync.EndpointException;

/**
 * Which conversations hold a shared message, for the sharing of replies ({@link OutlookSettings#shareReplies()}):
 * a message without the category whose conversation holds a shared one is shared too. Shared messages of the pages
 * read so far say so for free; other conversations are asked about, once each per mail round, in batches:
 * {@code GET /me/messages?$filter=conversationId eq '…'&$select=id,categories} (the conversation's messages in every
 * folder, their categories compared here). What the round learnt is forgotten when it ends, so a category removed
 * since counts at the next round.
 */
final class SharedConversations {

    private final MessageItems messages;
    private final GraphBatch batch;
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();

    SharedConversations(MessageItems messages, GraphBatch batch) {
        this.messages = messages;
        this.batch = batch;
    }

    /** A shared message of this conversation was seen. */
    void shared(String conversationId) {
        if (conversationId != null && !conversationId.isBlank()) {
            known.put(conversationId, true);
        }
    }

    /** The conversations among these that hold a shared message; the ones not known yet are asked about in one batch. */
    Set<String> sharedAmong(Collection<String> conversationIds) {
        Map<String, RequestInformation> asks = new LinkedHashMap<>();
        for (String id : conversationIds) {
            if (id != null && !id.isBlank() && !known.containsKey(id)) {
                asks.put(id, messages.conversationRequest(id));
            }
        }
        if (!asks.isEmpty()) {
            batch.send(asks).forEach((id, answer) -> {
                if (!answer.ok()) {
                    throw new EndpointException("Outlook could not say whether a conversation holds a shared e-mail ("
                            + answer.error() + "). Sync again later.");
                }
                List<Message> found = answer.as(MessageCollectionResponse::createFromDiscriminatorValue).getValue();
                known.put(id, found != null && found.stream().anyMatch(m -> messages.shared(m.getCategories())));
            });
        }
        Set<String> shared = new HashSet<>();
        for (String id : conversationIds) {
            if (id != null && Boolean.TRUE.equals(known.get(id))) {
                shared.add(id);
            }
        }
        return shared;
    }

    /** The mail round ended: the next one asks again. */
    void forget() {
        known.clear();
    }
}
