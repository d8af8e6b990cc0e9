package dev.outpost.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class MailboxMessagesTest {

    private DemoServer server;
    private MailboxClient client;

    @BeforeEach
    void start() throws Exception {
        server = DemoServer.start(0, DemoOptions.defaults().mailboxItems(100));
        client = new MailboxClient(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aMessageHasTheGraphShape() {
        JsonNode message = client.ok("me/mailFolders/inbox/messages?$top=1").get("value").get(0);

        for (String field : new String[] {"id", "changeKey", "subject", "sentDateTime", "receivedDateTime",
                "conversationId", "parentFolderId"}) {
            assertThat(message.get(field).asText()).as(field).isNotBlank();
        }
        assertThat(message.at("/from/emailAddress/address").asText()).contains("@");
        assertThat(message.at("/sender/emailAddress/name").asText()).isNotBlank();
        assertThat(message.at("/toRecipients/0/emailAddress/address").asText()).isEqualTo("me@outpost.example");
        assertThat(message.at("/body/content").asText()).isNotBlank();
        assertThat(message.get("categories").isArray()).isTrue();
        assertThat(client.ok("me/mailFolders/inbox").get("id").asText()).isEqualTo(message.get("parentFolderId").asText());
    }

    @Test
    void someSampleItemsAreSharedWithCrmAndSomeAreNot() {
        String shared = MailboxClient.encode("categories/any(c: c eq 'Shared with CRM')");
        int sharedMessages = client.ok("me/messages?$top=1000&$filter=" + shared).get("value").size();
        int allMessages = client.ok("me/messages?$top=1000").get("value").size();

        assertThat(sharedMessages).isPositive().isLessThan(allMessages);
        assertThat(client.ok("me/contacts?$top=1000&$filter=" + shared).get("value").size()).isPositive();
        assertThat(client.ok("me/events?$top=1000&$filter=" + shared).get("value").size()).isPositive();
    }

    @Test
    void aReplyIsSavedInSentItemsInTheSameConversationWithoutTheOriginalsCategories() {
        JsonNode original = client.ok("me/mailFolders/inbox/messages?$top=1").get("value").get(0);
        client.patch("me/messages/" + original.get("id").asText(), "{\"categories\":[\"Shared with CRM\"]}");

        HttpResponse<String> replied = client.post("me/messages/" + original.get("id").asText() + "/reply",
                "{\"comment\":\"Thanks, agreed.\"}");

        assertThat(replied.statusCode()).isEqualTo(202);
        String conversation = MailboxClient.encode("conversationId eq '" + original.get("conversationId").asText() + "'");
        JsonNode reply = client.ok("me/mailFolders/sentitems/messages?$filter=" + conversation).get("value").get(0);
        assertThat(reply.get("subject").asText()).startsWith("RE: ");
        assertThat(reply.at("/body/content").asText()).isEqualTo("Thanks, agreed.");
        assertThat(reply.at("/toRecipients/0/emailAddress/address").asText())
                .isEqualTo(original.at("/from/emailAddress/address").asText());
        assertThat(reply.get("categories")).isEmpty();
        assertThat(reply.get("changeKey").asText()).isNotBlank();
    }

    @Test
    void patchingCategoriesOfAMessageSticks() {
        String id = client.ok("me/mailFolders/sentitems/messages?$top=1").get("value").get(0).get("id").asText();

        HttpResponse<String> patched = client.patch("me/messages/" + id, "{\"categories\":[\"Shared with CRM\"]}");

        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(client.ok("me/messages/" + id).get("categories").get(0).asText()).isEqualTo("Shared with CRM");
    }

    @Test
    void theBodyOfASentMessageCannotChange() {
        String id = client.ok("me/mailFolders/inbox/messages?$top=1").get("value").get(0).get("id").asText();

        assertThat(client.patch("me/messages/" + id, "{\"subject\":\"rewritten\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void anExtendedPropertySetOnAMessageIsFoundByFilter() {
        String marker = "String {8ECCC264-6880-4EBE-992F-8888D2EEAA1D} Name OutpostRecordId";
        String id = client.ok("me/mailFolders/inbox/messages?$top=1").get("value").get(0).get("id").asText();
        client.patch("me/messages/" + id, "{\"singleValueExtendedProperties\":[{\"id\":\"" + marker + "\",\"value\":\"email-1\"}]}");

        String filter = "singleValueExtendedProperties/Any(ep: ep/id eq '" + marker + "' and ep/value eq 'email-1')";
        JsonNode found = client.ok("me/messages?$filter=" + MailboxClient.encode(filter));

        assertThat(found.get("value")).hasSize(1);
        assertThat(found.get("value").get(0).get("id").asText()).isEqualTo(id);
    }
}
