package dev.outpost.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /me/messages/{id}/reply} (https://learn.microsoft.com/graph/api/message-reply): sends a reply to a
 * message's sender, saved in Sent Items in the same conversation ({@code conversationId}), without the original's
 * categories, answered {@code 202 Accepted}. The demo's way for a conversation to grow.
 */
final class MailboxReplies {

    private final MailboxStore store;
    private final Clock clock;

    MailboxReplies(MailboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    ApiResponse reply(String id, ObjectNode body) {
        Optional<MailboxStore.Entry> original = List.of(Mailbox.INBOX, Mailbox.SENT_ITEMS).stream()
                .map(folder -> store.find(folder, id).filter(e -> !e.deleted())).flatMap(Optional::stream).findFirst();
        if (original.isEmpty()) {
            return GraphErrors.notFound();
        }
        ObjectNode was = original.get().data();
        Instant now = clock.instant();
        ObjectNode m = RowJson.JSON.createObjectNode();
        m.put("createdDateTime", MailboxItems.timestamp(now));
        m.put("lastModifiedDateTime", MailboxItems.timestamp(now));
        m.put("parentFolderId", Mailbox.SENT_ITEMS_ID);
        m.put("subject", "RE: " + was.path("subject").asText("").replaceFirst("(?i)^re: ", ""));
        m.put("sentDateTime", MailboxItems.timestamp(now));
        m.put("receivedDateTime", MailboxItems.timestamp(now));
        m.put("conversationId", was.path("conversationId").asText(""));
        m.put("isRead", true);
        m.put("importance", "normal");
        m.put("hasAttachments", false);
        String text = body.path("comment").asText("");
        m.put("bodyPreview", text.length() > 255 ? text.substring(0, 255) : text);
        ObjectNode content = m.putObject("body");
        content.put("contentType", "text");
        content.put("content", text);
        ObjectNode me = RowJson.JSON.createObjectNode();
        me.putObject("emailAddress").put("name", "Demo User").put("address", MailboxSample.ME);
        m.set("from", me);
        m.set("sender", me.deepCopy());
        m.putArray("toRecipients").add(was.path("from").deepCopy());
        m.putArray("categories");
        store.put(Mailbox.SENT_ITEMS, GraphJson.outlookId("AAMkAGRlbW8", UUID.randomUUID()), m);
        return new ApiResponse(202, java.util.Map.of("Cache-Control", "private"), new byte[0]);
    }
}
