package dev.outpost.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchTest {

    private static final String A = "cccccccc-0000-0000-0000-00000000000a";
    private static final String B = "cccccccc-0000-0000-0000-00000000000b";
    private static final String C = "cccccccc-0000-0000-0000-00000000000c";
    private static final Pattern STATUS = Pattern.compile("HTTP/1.1 (\\d{3})");

    private DemoServer server;
    private DemoClient client;
    private String existing;

    @BeforeEach
    void start() throws Exception {
        server = DemoServer.start(0, DemoOptions.defaults().records(20));
        client = new DemoClient(server);
        existing = SampleData.guid(42, "contacts", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private String create(String id, String lastname, int contentId) {
        return "--changeset_X\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-ID: " + contentId + "\r\n\r\n"
                + "PATCH " + server.apiUrl() + "contacts(" + id + ") HTTP/1.1\r\n"
                + "Content-Type: application/json\r\nIf-None-Match: *\r\n\r\n"
                + "{\"lastname\":\"" + lastname + "\"}\r\n";
    }

    private static String changeSet(String name, String... requests) {
        return "--batch_B\r\nContent-Type: multipart/mixed; boundary=" + name + "\r\n\r\n"
                + String.join("", requests).replace("changeset_X", name) + "--" + name + "--\r\n";
    }

    private HttpResponse<String> batch(String body, String... headers) {
        return client.send(client.request("$batch", headers)
                .header("Content-Type", "multipart/mixed; boundary=batch_B")
                .POST(HttpRequest.BodyPublishers.ofString(body + "--batch_B--\r\n")).build());
    }

    private static List<Integer> statuses(HttpResponse<String> response) {
        Matcher m = STATUS.matcher(response.body());
        return m.results().map(r -> Integer.parseInt(r.group(1))).toList();
    }

    @Test
    void aChangeSetCommitsAllItsRequests() {
        HttpResponse<String> response = batch(changeSet("changeset_1", create(A, "A", 1), create(B, "B", 2)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("multipart/mixed; boundary=batchresponse_");
        assertThat(statuses(response)).containsExactly(204, 204);
        assertThat(response.body()).contains("Content-ID: 1", "Content-ID: 2", "changesetresponse_");
        assertThat(client.get("contacts(" + A + ")").statusCode()).isEqualTo(200);
        assertThat(client.get("contacts(" + B + ")").statusCode()).isEqualTo(200);
    }

    @Test
    void aFailingChangeSetKeepsNoneOfItsWritesAndStopsTheBatch() {
        String failing = changeSet("changeset_2", create(B, "B", 3), create(existing, "Dup", 4));
        String after = changeSet("changeset_3", create(C, "C", 5));

        HttpResponse<String> response = batch(changeSet("changeset_1", create(A, "A", 1)) + failing + after);

        assertThat(statuses(response)).containsExactly(204, 412);
        assertThat(response.body()).contains("Content-ID: 4");
        assertThat(client.get("contacts(" + A + ")").statusCode()).isEqualTo(200);
        assertThat(client.get("contacts(" + B + ")").statusCode()).isEqualTo(404);
        assertThat(client.get("contacts(" + C + ")").statusCode()).isEqualTo(404);
    }

    @Test
    void continueOnErrorRunsTheRestAfterAFailingChangeSet() {
        String failing = changeSet("changeset_1", create(B, "B", 1), create(existing, "Dup", 2));
        String after = changeSet("changeset_2", create(C, "C", 3));

        HttpResponse<String> response = batch(failing + after, "Prefer", "odata.continue-on-error");

        assertThat(statuses(response)).containsExactly(412, 204);
        assertThat(response.headers().firstValue("Preference-Applied")).hasValue("odata.continue-on-error");
        assertThat(client.get("contacts(" + B + ")").statusCode()).isEqualTo(404);
        assertThat(client.get("contacts(" + C + ")").statusCode()).isEqualTo(200);
    }

    @Test
    void getsOutsideChangeSetsAnswerInOrder() {
        String get = "--batch_B\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                + "GET " + server.apiUrl() + "contacts(" + existing + ")?$select=lastname HTTP/1.1\r\n"
                + "Accept: application/json\r\n\r\n";
        String missing = get.replace(existing, C);

        HttpResponse<String> response = batch(get + changeSet("changeset_1", create(A, "A", 1)) + get,
                "Prefer", "odata.continue-on-error");

        assertThat(statuses(response)).containsExactly(200, 204, 200);
        assertThat(statuses(batch(missing))).containsExactly(404);
    }

    @Test
    void aContentIdReferenceBindsToARowCreatedEarlierInTheChangeSet() {
        String account = "--changeset_X\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-ID: 1\r\n\r\nPOST /api/data/v9.2/accounts HTTP/1.1\r\nContent-Type: application/json\r\n\r\n"
                + "{\"name\":\"New Co\"}\r\n";
        String contact = "--changeset_X\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-ID: 2\r\n\r\nPATCH contacts(" + A + ") HTTP/1.1\r\nContent-Type: application/json\r\n\r\n"
                + "{\"lastname\":\"A\",\"parentcustomerid_account@odata.bind\":\"$1\"}\r\n";

        HttpResponse<String> response = batch(changeSet("changeset_1", account, contact));

        assertThat(statuses(response)).containsExactly(204, 204);
        assertThat(DemoClient.json(client.get("contacts(" + A + ")")).get("_parentcustomerid_value").isNull()).isFalse();
    }

    @Test
    void bareLineFeedsAreReadToo() {
        String body = changeSet("changeset_1", create(A, "A", 1)) + "--batch_B--\r\n";

        HttpResponse<String> response = client.send(client.request("$batch")
                .header("Content-Type", "multipart/mixed; boundary=batch_B")
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("\r\n", "\n"))).build());

        assertThat(statuses(response)).containsExactly(204);
        assertThat(client.get("contacts(" + A + ")").statusCode()).isEqualTo(200);
    }

    @Test
    void moreThan1000RequestsGet400() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            many.append(create("dddddddd-0000-0000-0000-" + String.format("%012d", i), "N" + i, i));
        }

        HttpResponse<String> response = batch(changeSet("changeset_1", many.toString()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(server.count("contacts")).isEqualTo(6);
    }

    @Test
    void aThousandRequestsInOneChangeSetAreFine() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            many.append(create("dddddddd-0000-0000-0000-" + String.format("%012d", i), "N" + i, i));
        }

        HttpResponse<String> response = batch(changeSet("changeset_1", many.toString()));

        assertThat(statuses(response)).hasSize(1000).containsOnly(204);
        assertThat(server.count("contacts")).isEqualTo(1006);
    }
}
