package dev.outpost.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBackedServerTest {

    @TempDir
    Path folder;

    @Test
    void aServerInAFolderKeepsItsRowsUsersAndVersionsAcrossARestart() throws Exception {
        String delta;
        String user;
        String id = "eeeeeeee-0000-0000-0000-000000000001";
        try (DemoServer first = DemoServer.start(0, DemoOptions.defaults().folder(folder).records(200))) {
            DemoClient client = new DemoClient(first);
            client.patch("contacts(" + id + ")", "{\"lastname\":\"Kept\"}");
            delta = client.track("contacts?$select=lastname", 5000).deltaLink();
            user = first.userId();
        }

        try (DemoServer second = DemoServer.start(0, DemoOptions.defaults().folder(folder).records(999))) {
            DemoClient client = new DemoClient(second);
            assertThat(second.count("contacts")).isEqualTo(61);
            assertThat(second.userId()).isEqualTo(user);
            assertThat(DemoClient.json(client.get("contacts(" + id + ")")).get("lastname").asText()).isEqualTo("Kept");
            client.patch("contacts(" + id + ")", "{\"lastname\":\"Again\"}");
            String sameDelta = delta.replaceFirst("http://127.0.0.1:\\d+/", second.url().toString());

            DemoClient.Listing changes = client.track(sameDelta, 5000);

            assertThat(changes.rows()).extracting(r -> r.get("lastname").asText()).containsExactly("Again");
        }
    }

    @Test
    void aServerInAFolderLeavesNoRecordValueReadableOnDisk() throws Exception {
        String id = "eeeeeeee-0000-0000-0000-000000000002";
        try (DemoServer server = DemoServer.start(0, DemoOptions.defaults().folder(folder).records(50))) {
            new DemoClient(server).patch("contacts(" + id + ")", "{\"lastname\":\"Zyxwvutsrq\"}");
        }

        try (var files = java.nio.file.Files.walk(folder)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String bytes = new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file.toString()).doesNotContain("Zyxwvutsrq");
            }
        }
    }
}
