package dev.outpost.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class MailboxContactsTest {

    static final String MARKER = "String {8ECCC264-6880-4EBE-992F-8888D2EEAA1D} Name OutpostRecordId";

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
    void aContactHasTheGraphShape() {
        JsonNode contact = client.ok("me/contacts?$top=1").get("value").get(0);

        assertThat(contact.get("@odata.etag").asText()).startsWith("W/\"");
        assertThat(contact.get("changeKey").asText()).isNotBlank();
        assertThat(contact.get("@odata.etag").asText()).contains(contact.get("changeKey").asText());
        for (String field : new String[] {"id", "createdDateTime", "lastModifiedDateTime", "parentFolderId", "givenName",
                "surname", "displayName", "jobTitle", "companyName"}) {
            assertThat(contact.get(field).asText()).as(field).isNotBlank();
        }
        assertThat(contact.get("emailAddresses").get(0).get("address").asText()).contains("@");
        assertThat(contact.get("emailAddresses").get(0).has("name")).isTrue();
        assertThat(contact.get("businessPhones").isArray()).isTrue();
        assertThat(contact.get("categories").isArray()).isTrue();
        assertThat(contact.has("mobilePhone")).isTrue();
        assertThat(contact.has("singleValueExtendedProperties")).as("only when expanded").isFalse();
    }

    @Test
    void theDefaultFolderIsReachableByTheIdItsContactsCarryAndByItsWellKnownName() {
        String folderId = client.ok("me/contacts?$top=1").get("value").get(0).get("parentFolderId").asText();

        assertThat(client.ok("me/contactFolders/" + folderId).get("id").asText()).isEqualTo(folderId);
        assertThat(client.ok("me/contactFolders/contacts").get("id").asText()).isEqualTo(folderId);
        assertThat(client.ok("me/contactFolders/" + folderId + "/contacts?$top=5").get("value")).hasSize(5);
    }

    @Test
    void createReadUpdateDelete() {
        JsonNode made = client.created("me/contacts", """
                {"givenName":"Ada","surname":"Lovelace","emailAddresses":[{"name":"Ada","address":"ada@example.org"}],
                 "businessPhones":["+1 555 0100"],"jobTitle":"Analyst","companyName":"Engines Ltd",
                 "categories":["Shared with CRM"],"personalNotes":"met at the fair"}""");
        String id = made.get("id").asText();

        assertThat(made.get("displayName").asText()).isEqualTo("Ada Lovelace");
        assertThat(client.ok("me/contacts/" + id).get("companyName").asText()).isEqualTo("Engines Ltd");

        HttpResponse<String> patched = client.patch("me/contacts/" + id, "{\"jobTitle\":\"Chief Analyst\"}");
        assertThat(patched.statusCode()).isEqualTo(200);
        JsonNode after = MailboxClient.json(patched);
        assertThat(after.get("jobTitle").asText()).isEqualTo("Chief Analyst");
        assertThat(after.get("changeKey").asText()).isNotEqualTo(made.get("changeKey").asText());
        assertThat(after.get("givenName").asText()).isEqualTo("Ada");

        assertThat(client.delete("me/contacts/" + id).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = client.get("me/contacts/" + id);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(MailboxClient.json(gone).at("/error/code").asText()).isEqualTo("ErrorItemNotFound");
    }

    @Test
    void anExtendedPropertyFilterFindsExactlyTheMarkedContact() {
        String id = client.created("me/contacts", """
                {"givenName":"Marked","surname":"One","singleValueExtendedProperties":[{"id":"%s","value":"crm-42"}]}"""
                .formatted(MARKER)).get("id").asText();
        client.created("me/contacts", """
                {"givenName":"Marked","surname":"Two","singleValueExtendedProperties":[{"id":"%s","value":"crm-43"}]}"""
                .formatted(MARKER));

        String filter = "singleValueExtendedProperties/Any(ep: ep/id eq '" + MARKER + "' and ep/value eq 'crm-42')";
        JsonNode found = client.ok("me/contacts?$filter=" + MailboxClient.encode(filter) + "&$expand="
                + MailboxClient.encode("singleValueExtendedProperties($filter=id eq '" + MARKER + "')"));

        assertThat(found.get("value")).hasSize(1);
        assertThat(found.get("value").get(0).get("id").asText()).isEqualTo(id);
        assertThat(found.get("value").get(0).at("/singleValueExtendedProperties/0/value").asText()).isEqualTo("crm-42");
    }

    @Test
    void contactsAreFoundByEmailAddress() {
        String id = client.created("me/contacts", """
                {"givenName":"Mail","surname":"Key","emailAddresses":[{"name":"Mail Key","address":"Mail.Key@Example.org"}]}"""
        ).get("id").asText();

        JsonNode found = client.ok("me/contactFolders/contacts/contacts?$filter="
                + MailboxClient.encode("emailAddresses/any(a:a/address eq 'mail.key@example.org')"));

        assertThat(found.get("value")).hasSize(1);
        assertThat(found.get("value").get(0).get("id").asText()).isEqualTo(id);
    }

    @Test
    void anUnsupportedFilterIsRefused() {
        HttpResponse<String> response = client.get("me/contacts?$filter=" + MailboxClient.encode("startswith(surname,'A')"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(MailboxClient.json(response).at("/error/code").asText()).isNotBlank();
    }

    @Test
    void listsPageWithTopAndANextLink() {
        JsonNode first = client.ok("me/contacts?$top=7");

        assertThat(first.get("value")).hasSize(7);
        JsonNode second = client.ok(first.get("@odata.nextLink").asText());
        assertThat(second.get("value")).hasSize(7);
        assertThat(second.get("value").get(0).get("id").asText()).isNotEqualTo(first.get("value").get(0).get("id").asText());
    }

    @Test
    void withoutATokenTheAnswerIs401WithAGraphError() {
        HttpResponse<String> response = client.token(null).get("me/contacts");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(MailboxClient.json(response).at("/error/code").asText()).isEqualTo("InvalidAuthenticationToken");
        assertThat(MailboxClient.json(response).at("/error/innerError/request-id").asText()).isNotBlank();
    }

    @Test
    void theImmutableIdPreferenceIsAcknowledged() {
        HttpResponse<String> response = client.get("me/contacts?$top=1", "Prefer", "IdType=\"ImmutableId\"");

        assertThat(response.headers().firstValue("Preference-Applied")).hasValueSatisfying(
                v -> assertThat(v).contains("IdType=\"ImmutableId\""));
    }
}
