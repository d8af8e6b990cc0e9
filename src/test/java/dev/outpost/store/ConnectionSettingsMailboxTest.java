package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.store.ConnectionSettings.MailboxOptions;

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

    @Test
    void aMailboxSavedBeforeItsOptionsExistedReadsWithTheDefaults() throws Exception {
        Files.writeString(folder.resolve("connection.json"), "{\"crmUrl\":\"https://contoso.crm.dynamics.com\","
                + "\"tokenVariable\":\"OUTPOST_ACCESS_TOKEN\",\"mailbox\":{\"graphUrl\":\"https://graph.microsoft.com/v1.0\","
                + "\"tokenVariable\":\"OUTPOST_GRAPH_TOKEN\"}}");

        MailboxOptions options = ConnectionSettings.read(new ProfileFolder(folder)).orElseThrow().mailbox().orElseThrow()
                .options();

        assertThat(options).isEqualTo(MailboxOptions.DEFAULTS);
        assertThat(options.category()).isEqualTo("Shared with CRM");
        assertThat(options.daysBack()).isEqualTo(30);
        assertThat(options.daysAhead()).isEqualTo(180);
        assertThat(options.limit()).isEqualTo(5000);
        assertThat(options.autocapture()).isFalse();
        assertThat(options.shareReplies()).isFalse();
    }

    @Test
    void aMailboxsOptionsAreKeptAcrossAWriteAndARead() {
        MailboxOptions options = MailboxOptions.DEFAULTS.category("CRM").calendarWindow(7, 60).limit(250)
                .autocapture(true).shareReplies(true);
        new ConnectionSettings(URI.create("https://contoso.crm.dynamics.com"), "OUTPOST_ACCESS_TOKEN")
                .withMailbox(Optional.of(new ConnectionSettings.Mailbox(URI.create("https://graph.microsoft.com/v1.0"),
                        "OUTPOST_GRAPH_TOKEN", options))).write(new ProfileFolder(folder));

        assertThat(ConnectionSettings.read(new ProfileFolder(folder)).orElseThrow().mailbox().orElseThrow().options())
                .isEqualTo(options);
    }

    @Test
    void anOptionOutsideItsRangeIsRefusedSayingWhatIsAllowed() {
        MailboxOptions d = MailboxOptions.DEFAULTS;
        assertThatThrownBy(() -> d.limit(0)).hasMessageContaining("between 1 and 100000");
        assertThatThrownBy(() -> d.limit(100_001)).hasMessageContaining("between 1 and 100000");
        assertThatThrownBy(() -> d.calendarWindow(-1, 180)).hasMessageContaining("days back");
        assertThatThrownBy(() -> d.calendarWindow(30, 0)).hasMessageContaining("days ahead");
        assertThatThrownBy(() -> d.category("  ")).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> d.category("x".repeat(256))).hasMessageContaining("at most 255");
        assertThat(d.limit(1).limit()).isEqualTo(1);
        assertThat(d.limit(100_000).limit()).isEqualTo(100_000);
        assertThat(d.calendarWindow(0, 1).daysBack()).isZero();
        assertThat(d.category("  CRM  ").category()).as("trimmed").isEqualTo("CRM");
    }

    @Test
    void aFileWithAnOptionOutOfRangeCannotBeReadAndSaysHowToRepairIt() throws Exception {
        Files.writeString(folder.resolve("connection.json"), "{\"crmUrl\":\"https://contoso.crm.dynamics.com\","
                + "\"mailbox\":{\"graphUrl\":\"https://graph.microsoft.com/v1.0\",\"limit\":0}}");

        assertThatThrownBy(() -> ConnectionSettings.read(new ProfileFolder(folder)))
                .isInstanceOf(StoreException.class).hasMessageContaining("between 1 and 100000")
                .hasMessageContaining("outpost connect");
    }
}
