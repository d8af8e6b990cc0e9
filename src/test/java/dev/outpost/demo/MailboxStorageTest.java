package dev.outpost.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class MailboxStorageTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path folder;

    @Test
    void theSameSeedGivesTheSameMailbox() throws Exception {
        try (DemoServer a = DemoServer.start(0, DemoOptions.defaults().seed(7).sampleTime(NOW));
                DemoServer b = DemoServer.start(0, DemoOptions.defaults().seed(7).sampleTime(NOW))) {
            JsonNode first = new MailboxClient(a).ok("me/contacts?$top=5&$select=id,displayName");
            JsonNode second = new MailboxClient(b).ok("me/contacts?$top=5&$select=id,displayName");

            assertThat(first.get("value").toString()).isEqualTo(second.get("value").toString());
            assertThat(a.mailboxCount("contacts") + a.mailboxCount("calendar") + a.mailboxCount("tasks")
                    + a.mailboxCount("inbox") + a.mailboxCount("sentitems")).isEqualTo(200);
        }
    }

    @Test
    void aFolderBackedMailboxSurvivesARestartAndItsDeltaLinksStillWork() throws Exception {
        String id;
        String deltaLink;
        String oldRoot;
        try (DemoServer server = DemoServer.start(0, DemoOptions.defaults().folder(folder).fixedToken("t"))) {
            MailboxClient client = new MailboxClient(server).token("t");
            deltaLink = client.round("me/mailFolders/inbox/messages/delta", 100).deltaLink();
            id = client.created("me/contacts", "{\"givenName\":\"Kept\",\"surname\":\"Across\"}").get("id").asText();
            oldRoot = server.graphUrl().toString();
        }
        try (DemoServer server = DemoServer.start(0, DemoOptions.defaults().folder(folder).fixedToken("t"))) {
            MailboxClient client = new MailboxClient(server).token("t");

            assertThat(client.ok("me/contacts/" + id).get("surname").asText()).isEqualTo("Across");
            assertThat(client.round(deltaLink.replace(oldRoot, server.graphUrl().toString()), 100).entries()).isEmpty();
            assertThat(server.mailboxCount("inbox")).isEqualTo(40);
        }
    }

    @Test
    void nothingOfTheMailboxIsReadableOnDisk() throws Exception {
        try (DemoServer server = DemoServer.start(0, DemoOptions.defaults().folder(folder).fixedToken("t"))) {
            new MailboxClient(server).token("t").created("me/contacts", "{\"givenName\":\"Secretive\",\"surname\":\"Person\"}");
        }

        byte[] bytes = Files.readAllBytes(folder.resolve(MailboxStore.FILE));
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("Secretive").doesNotContain("Shared with CRM");
    }
}
