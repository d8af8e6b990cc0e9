package dev.outpost.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailboxFaultsTest {

    private DemoServer server;
    private MailboxClient client;

    @BeforeEach
    void start() throws Exception {
        server = DemoServer.start(0, DemoOptions.defaults().mailboxItems(40));
        client = new MailboxClient(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void throttlingAnswers429WithRetryAfterAndAGraphError() {
        server.faults().throttle(1.0, 7);

        HttpResponse<String> response = client.get("me/contacts");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(MailboxClient.json(response).at("/error/code").asText()).isEqualTo("ApplicationThrottled");
    }

    @Test
    void serverErrorsAnswer503() {
        server.faults().serverErrors(1.0);

        assertThat(client.get("me/todo/lists").statusCode()).isEqualTo(503);
    }

    @Test
    void expiredBearerTokensAnswer401() {
        server.faults().expireTokensNow();

        HttpResponse<String> response = client.get("me/contacts");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void aDroppedConnectionCutsTheResponse() {
        server.faults().dropConnections(1.0);

        assertThatThrownBy(() -> client.get("me/contacts?$top=50")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void latencyDelaysMailboxRequestsToo() {
        server.faults().latency(120);

        long start = System.nanoTime();
        client.get("me/todo/lists");

        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(120);
    }

    @Test
    void clearingTheFaultsAlsoClearsTheMailboxKnobs() {
        server.faults().mailbox().replay(true).emptyPages(true);

        server.faults().clear();

        assertThat(client.ok("me/mailFolders/inbox/messages/delta").get("value")).isNotEmpty();
    }
}
