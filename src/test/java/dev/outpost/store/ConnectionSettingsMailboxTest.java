package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionSettingsMailboxTest {

    @TempDir
    Path folder;

    @Test
    void aFileWrittenBeforeMailboxesExistedReadsAsNoMailbox() throws Exception {
        Files.writeString(folder.resolve("connection.json"),
                "{\"crmUrl\":\"https://contoso.crm.dynamics.com\",\"tokenVariable\":\"OUTPOST_ACCESS_TOKEN\"}");

        assertThat(ConnectionSettings.read(new ProfileFolder(folder)).orElseThrow().mailbox()).isEmpty();
    }

    @Test
    void aMailboxIsKeptWithItsTokenVariable() {
        ConnectionSettings.Mailbox box = new ConnectionSettings.Mailbox(URI.create("https://graph.microsoft.com/v1.0/"),
                "MY_GRAPH_TOKEN");
        new ConnectionSettings(URI.create("https://contoso.crm.dynamics.com"), "OUTPOST_ACCESS_TOKEN")
                .withMailbox(Optional.of(box)).write(new ProfileFolder(folder));

        ConnectionSettings read = ConnectionSettings.read(new ProfileFolder(folder)).orElseThrow();

        assertThat(read.mailbox()).contains(new ConnectionSettings.Mailbox(URI.create("https://graph.microsoft.com/v1.0"),
                "MY_GRAPH_TOKEN"));
        assertThat(read.syncedWhole()).isEqualTo(Set.of());
    }

    @Test
    void demoModeSyncsTheDemoMailboxEvenFromAnOlderFile() throws Exception {
        Files.writeString(folder.resolve("connection.json"),
                "{\"crmUrl\":\"http://127.0.0.1\",\"tokenVariable\":\"OUTPOST_ACCESS_TOKEN\",\"demo\":true}");

        assertThat(ConnectionSettings.read(new ProfileFolder(folder)).orElseThrow().mailbox()).isPresent();
    }
}
