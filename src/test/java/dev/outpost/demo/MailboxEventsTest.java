package dev.outpost.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class MailboxEventsTest {

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
    void anEventCreatedInPacificTimeReadsBackInUtc() {
        for (LocalDate day : new LocalDate[] {LocalDate.of(2027, 1, 15), LocalDate.of(2027, 7, 15)}) {
            JsonNode made = client.created("me/events", event("Pacific", day + "T09:00:00", day + "T10:00:00",
                    "Pacific Standard Time", null));
            // 17:00 UTC in winter (PST, -8), 16:00 in summer (PDT, -7): java.time knows which.
            LocalDateTime expected = LocalDateTime.of(day, LocalTime.of(9, 0)).atZone(ZoneId.of("America/Los_Angeles"))
                    .withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();

            JsonNode read = client.ok("me/events/" + made.get("id").asText(), "Prefer", "outlook.timezone=\"UTC\"");

            assertThat(read.at("/start/dateTime").asText()).isEqualTo(expected + ":00.0000000");
            assertThat(read.at("/start/timeZone").asText()).isEqualTo("UTC");
            assertThat(read.get("originalStartTimeZone").asText()).isEqualTo("Pacific Standard Time");
        }
    }

    @Test
    void theOutlookTimezonePreferenceConvertsStartAndEnd() {
        JsonNode made = client.created("me/events", event("Berlin", "2027-03-10T12:00:00", "2027-03-10T13:00:00", "UTC", null));

        HttpResponse<String> read = client.get("me/events/" + made.get("id").asText(), "Prefer",
                "outlook.timezone=\"W. Europe Standard Time\"");

        JsonNode event = MailboxClient.json(read);
        assertThat(event.at("/start/dateTime").asText()).isEqualTo("2027-03-10T13:00:00.0000000");
        assertThat(event.at("/start/timeZone").asText()).isEqualTo("W. Europe Standard Time");
        assertThat(read.headers().firstValue("Preference-Applied")).hasValueSatisfying(
                v -> assertThat(v).contains("outlook.timezone=\"W. Europe Standard Time\""));
    }

    @Test
    void anUnknownTimeZoneIsRefused() {
        HttpResponse<String> response = client.post("me/events", event("x", "2027-03-10T12:00:00", "2027-03-10T13:00:00",
                "Middle Earth Time", null));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(MailboxClient.json(response).at("/error/code").asText()).isEqualTo("TimeZoneNotSupportedException");
    }

    @Test
    void creatingTwiceWithTheSameTransactionIdReturnsTheFirstEvent() {
        String body = event("Retry me", "2027-02-01T09:00:00", "2027-02-01T09:30:00", "UTC", "outpost-7f3a");
        int before = server.mailboxCount("calendar");

        JsonNode first = client.created("me/events", body);
        JsonNode second = client.created("me/events", body);

        assertThat(second.get("id").asText()).isEqualTo(first.get("id").asText());
        assertThat(second.get("transactionId").asText()).isEqualTo("outpost-7f3a");
        assertThat(server.mailboxCount("calendar")).isEqualTo(before + 1);
        HttpResponse<String> different = client.post("me/events", event("Another", "2027-02-01T09:00:00",
                "2027-02-01T09:30:00", "UTC", "outpost-7f3a"));
        assertThat(different.statusCode()).isEqualTo(400);
        assertThat(MailboxClient.json(different).at("/error/code").asText()).isEqualTo("ErrorDuplicateTransactionId");
    }

    @Test
    void anEventHasTheGraphShape() {
        JsonNode made = client.created("me/events", """
                {"subject":"Review","body":{"contentType":"text","content":"Agenda"},
                 "start":{"dateTime":"2027-04-01T08:00:00","timeZone":"UTC"},
                 "end":{"dateTime":"2027-04-01T09:00:00","timeZone":"UTC"},
                 "location":{"displayName":"Room 1"},"categories":["Shared with CRM"]}""");
        JsonNode read = client.ok("me/events/" + made.get("id").asText());

        assertThat(read.get("@odata.etag").asText()).startsWith("W/\"");
        assertThat(read.get("changeKey").asText()).isNotBlank();
        assertThat(read.at("/body/content").asText()).isEqualTo("Agenda");
        assertThat(read.at("/body/contentType").asText()).isEqualTo("text");
        assertThat(read.at("/location/displayName").asText()).isEqualTo("Room 1");
        assertThat(read.get("categories").get(0).asText()).isEqualTo("Shared with CRM");
        assertThat(read.has("transactionId")).as("only when set").isFalse();
        assertThat(read.has("_start")).isFalse();
    }

    @Test
    void anExtendedPropertyFilterFindsTheMarkedEventAndPatchingKeepsOtherProperties() {
        String marker = "String {8ECCC264-6880-4EBE-992F-8888D2EEAA1D} Name OutpostRecordId";
        String id = client.created("me/events", """
                {"subject":"Marked","start":{"dateTime":"2027-05-01T08:00:00","timeZone":"UTC"},
                 "end":{"dateTime":"2027-05-01T09:00:00","timeZone":"UTC"},
                 "singleValueExtendedProperties":[{"id":"%s","value":"crm-9"}]}""".formatted(marker)).get("id").asText();
        client.patch("me/events/" + id, "{\"subject\":\"Marked and renamed\"}");

        String filter = "singleValueExtendedProperties/Any(ep: ep/id eq '" + marker + "' and ep/value eq 'CRM-9')";
        JsonNode found = client.ok("me/events?$filter=" + MailboxClient.encode(filter));

        assertThat(found.get("value")).hasSize(1);
        assertThat(found.get("value").get(0).get("subject").asText()).isEqualTo("Marked and renamed");
    }

    @Test
    void eventsAreFoundBySubject() {
        String id = client.created("me/events", event("Quarterly review – O'Brien", "2027-06-02T08:00:00",
                "2027-06-02T09:00:00", "UTC", null)).get("id").asText();

        JsonNode found = client.ok("me/events?$filter=" + MailboxClient.encode("subject eq 'Quarterly review – O''Brien'"));

        assertThat(found.get("value")).hasSize(1);
        assertThat(found.get("value").get(0).get("id").asText()).isEqualTo(id);
    }

    @Test
    void aStaleIfMatchIsRefusedWith412() {
        JsonNode made = client.created("me/events", event("Etag", "2027-06-01T08:00:00", "2027-06-01T09:00:00", "UTC", null));
        String id = made.get("id").asText();
        client.patch("me/events/" + id, "{\"subject\":\"Changed\"}");

        HttpResponse<String> stale = client.patch("me/events/" + id, "{\"subject\":\"Mine\"}", "If-Match",
                made.get("@odata.etag").asText());

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(MailboxClient.json(stale).at("/error/code").asText()).isEqualTo("ErrorIrresolvableConflict");
    }

    private static String event(String subject, String start, String end, String zone, String transactionId) {
        return """
                {"subject":"%s","start":{"dateTime":"%s","timeZone":"%s"},"end":{"dateTime":"%s","timeZone":"%s"}%s}"""
                .formatted(subject, start, zone, end, zone,
                        transactionId == null ? "" : ",\"transactionId\":\"" + transactionId + "\"");
    }
}
