package dev.outpost.outlook;

import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;

import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Recipient;
import com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaGetResponse;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.ParsableFactory;

import dev.outpost.model.RecordType;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.UserKey;

/**
 * Messages of one mail folder (Inbox or Sent Items, by their well-known names). Read-only: e-mail is one-way,
 * Outlook to CRM. Bodies are asked for as text.
 */
final class MessageItems extends OutlookItems<Message> {

    private final String folder;

    MessageItems(GraphConnection connection, String folder) {
        super(connection, true);
        this.folder = folder;
    }

    String folder() {
        return folder;
    }

    @Override
    RecordType type() {
        return RecordType.EMAIL;
    }

    @Override
    boolean writable() {
        return false;
    }

    @Override
    DeltaPage<Message> firstPage() {
        return page(client.me().mailFolders().byMailFolderId(folder).messages().delta()
                .get(rc -> prefer.applyTo(rc.headers)));
    }

    @Override
    DeltaPage<Message> page(String link) {
        return page(client.me().mailFolders().byMailFolderId(folder).messages().delta().withUrl(link)
                .get(rc -> prefer.applyTo(rc.headers)));
    }

    private static DeltaPage<Message> page(DeltaGetResponse response) {
        return new DeltaPage<>(response.getValue() == null ? List.of() : response.getValue(),
                response.getOdataNextLink(), response.getOdataDeltaLink());
    }

    @Override
    RequestInformation getRequest(String id) {
        return client.me().messages().byMessageId(id).toGetRequestInformation(rc -> prefer.applyTo(rc.headers));
    }

    /** The messages of a conversation, every folder, with their categories only. */
    RequestInformation conversationRequest(String conversationId) {
        return client.me().messages().toGetRequestInformation(rc -> {
            prefer.applyTo(rc.headers);
            rc.queryParameters.filter = "conversationId eq " + literal(conversationId);
            rc.queryParameters.select = new String[] {"id", "categories"};
        });
    }

    /** Adds the sharing category to a message's categories (a reply shared with its conversation). */
    RequestInformation shareRequest(Message item) {
        Message patch = new Message();
        List<String> categories = new java.util.ArrayList<>(item.getCategories() == null ? List.of() : item.getCategories());
        categories.add(settings.shareCategory());
        patch.setCategories(categories);
        return client.me().messages().byMessageId(item.getId()).toPatchRequestInformation(patch,
                rc -> prefer.applyTo(rc.headers));
    }

    @Override
    RequestInformation createRequest(Message item) {
        throw new UnsupportedOperationException("mail is read-only");
    }

    @Override
    RequestInformation updateRequest(String id, Message item) {
        throw new UnsupportedOperationException("mail is read-only");
    }

    @Override
    RequestInformation deleteRequest(String id) {
        throw new UnsupportedOperationException("mail is read-only");
    }

    @Override
    ParsableFactory<Message> factory() {
        return Message::createFromDiscriminatorValue;
    }

    @Override
    String version(Message item) {
        return item.getChangeKey();
    }

    @Override
    List<String> categories(Message item) {
        return item.getCategories();
    }

    @Override
    Message categoriesPatch(List<String> categories) {
        Message patch = new Message();
        patch.setCategories(categories);
        return patch;
    }

    @Override
    ItemRead read(Message item) {
        String id = item.getId();
        Optional<ItemRead> unidentified = unidentified(id, item.getChangeKey(), "changeKey");
        if (unidentified.isPresent()) {
            return unidentified.get();
        }
        try {
            List<String> to = item.getToRecipients() == null ? List.of() : item.getToRecipients().stream()
                    .map(MessageItems::address).filter(Objects::nonNull).toList();
            ItemRead.Values values = new ItemRead.Values(type())
                    .put("subject", item.getSubject())
                    .put("from", address(item.getFrom()))
                    .put("to", String.join("; ", to))
                    .put("sent", item.getSentDateTime() == null ? null : modified(item.getSentDateTime()).toString())
                    .put("body", item.getBody() == null ? null : item.getBody().getContent());
            return new ItemRead.Readable(new RemoteRecord(id, item.getChangeKey(), values.map(),
                    modified(item.getLastModifiedDateTime())), shared(item.getCategories()));
        } catch (ItemRead.BadValue e) {
            return new ItemRead.Unreadable(id, e.field(), e.getMessage());
        }
    }

    private static String address(Recipient recipient) {
        return recipient == null || recipient.getEmailAddress() == null ? null : recipient.getEmailAddress().getAddress();
    }

    @Override
    Message body(Map<String, String> values, Message current) {
        throw new UnsupportedOperationException("mail is read-only");
    }

    @Override
    void mark(Message item, String clientId) {
        throw new UnsupportedOperationException("mail is read-only");
    }

    @Override
    List<Message> findCreated(String clientId) {
        return List.of(); // Outpost never creates mail
    }

    @Override
    RequestInformation findCreatedRequest(String clientId) {
        throw new UnsupportedOperationException("mail is read-only");
    }

    @Override
    List<Message> found(GraphBatch.Answer answer, String clientId) {
        return List.of();
    }

    @Override
    /**
     * By subject ({@code subject eq}) in both Inbox and Sent Items; a server refusing the filter gets a scan of both.
     * (Mail is one-way, so the engine has little reason to ask.)
     */
    List<Message> candidates(UserKey key) {
        String subject = keyParts(key, 3).getFirst();
        List<Message> found = new java.util.ArrayList<>();
        for (String name : List.of("inbox", "sentitems")) {
            var messages = client.me().mailFolders().byMailFolderId(name).messages();
            found.addAll(filteredOrScanned(() -> all(messages.get(rc -> {
                        prefer.applyTo(rc.headers);
                        rc.queryParameters.filter = "subject eq " + literal(subject);
                    }), link -> messages.withUrl(link).get(rc -> prefer.applyTo(rc.headers)),
                            p -> p.getValue(), p -> p.getOdataNextLink()),
                    () -> all(messages.get(rc -> prefer.applyTo(rc.headers)),
                            link -> messages.withUrl(link).get(rc -> prefer.applyTo(rc.headers)),
                            p -> p.getValue(), p -> p.getOdataNextLink())));
        }
        return found;
    }
}
