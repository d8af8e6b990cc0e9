package dev.outpost.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class MailboxDeltaTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private DemoServer server;
    private MailboxClient client;
    private String contactsDelta;

    @BeforeEach
    void start() throws Exception {
        server = DemoServer.start(0, DemoOptions.defaults().mailboxItems(200).sampleTime(NOW));
        client = new MailboxClient(server);
        String folderId = client.ok("me/contacts?$top=1").get("value").get(0).get("parentFolderId").asText();
        contactsDelta = "me/contactFolders/" + folderId + "/contacts/delta";
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theFirstRoundListsEveryContactOnceAndEndsWithADeltaLink() {
        MailboxClient.Round round = client.round(contactsDelta, 1000);

        assertThat(round.itemIds()).hasSize(server.mailboxCount("contacts")).doesNotHaveDuplicates();
        assertThat(round.removedIds()).isEmpty();
        assertThat(round.deltaLink()).contains("$deltatoken=").startsWith(server.graphUrl().toString());
        assertThat(round.items().get(0).get("@odata.type").asText()).isEqualTo("#microsoft.graph.contact");
    }

    @Test
    void pagesHoldAtMostMaxPageSizeAndChainWithSkipTokens() {
        HttpResponse<String> first = client.get(contactsDelta, "Prefer", "odata.maxpagesize=7");
        JsonNode page = MailboxClient.json(first);

        assertThat(page.get("value")).hasSize(7);
        assertThat(page.get("@odata.nextLink").asText()).contains("$skiptoken=");
        assertThat(first.headers().firstValue("Preference-Applied")).hasValue("odata.maxpagesize=7");
        MailboxClient.Round round = client.round(contactsDelta, 7);
        int contacts = server.mailboxCount("contacts");
        assertThat(round.pages()).isEqualTo((contacts + 6) / 7);
        assertThat(round.itemIds()).hasSize(contacts).doesNotHaveDuplicates();
    }

    @Test
    void aDeltaLinkWithNoChangesReturnsNothing() {
        MailboxClient.Round next = client.round(client.round(contactsDelta, 50).deltaLink(), 50);

        assertThat(next.entries()).isEmpty();
        assertThat(next.deltaLink()).contains("$deltatoken=");
    }

    @Test
    void createdUpdatedAndDeletedContactsComeBackInTheNextRound() {
        MailboxClient.Round first = client.round(contactsDelta, 100);
        String created = client.created("me/contacts", "{\"givenName\":\"New\",\"surname\":\"Person\"}").get("id").asText();
        String updated = first.itemIds().get(3);
        String deleted = first.itemIds().get(5);
        client.patch("me/contacts/" + updated, "{\"jobTitle\":\"Promoted\"}");
        client.delete("me/contacts/" + deleted);

        MailboxClient.Round next = client.round(first.deltaLink(), 100);

        assertThat(next.itemIds()).containsExactlyInAnyOrder(created, updated);
        assertThat(next.items().stream().filter(i -> i.get("id").asText().equals(updated)).findFirst().orElseThrow()
                .get("jobTitle").asText()).isEqualTo("Promoted");
        assertThat(next.removedIds()).containsExactly(deleted);
        JsonNode removal = next.entries().stream().filter(e -> e.has("@removed")).findFirst().orElseThrow();
        assertThat(removal.at("/@removed/reason").asText()).isEqualTo("deleted");
        assertThat(client.round(next.deltaLink(), 100).entries()).isEmpty();
    }

    @Test
    void aChangeDuringARoundIsNotLost() {
        HttpResponse<String> first = client.get(contactsDelta, "Prefer", "odata.maxpagesize=5");
        String laterId = MailboxClient.json(client.get(contactsDelta, "Prefer", "odata.maxpagesize=1000"))
                .get("value").get(40).get("id").asText();
        client.patch("me/contacts/" + laterId, "{\"jobTitle\":\"Changed mid-round\"}");

        MailboxClient.Round rest = client.round(MailboxClient.json(first).get("@odata.nextLink").asText(), 5);
        MailboxClient.Round next = client.round(rest.deltaLink(), 100);

        assertThat(next.itemIds()).contains(laterId);
    }

    @Test
    void everyConcurrentCreateReachesADeltaRound() throws Exception {
        MailboxClient.Round first = client.round(contactsDelta, 100);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.List<java.util.concurrent.Future<String>> made = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            made.add(pool.submit(() -> client.created("me/contacts", "{\"givenName\":\"Parallel\",\"surname\":\"No"
                    + n + "\"}").get("id").asText()));
        }
        Set<String> seen = new HashSet<>();
        String link = first.deltaLink();
        while (made.stream().anyMatch(f -> !f.isDone())) {
            MailboxClient.Round round = client.round(link, 7);
            seen.addAll(round.itemIds());
            link = round.deltaLink();
        }
        pool.shutdown();
        seen.addAll(client.round(link, 7).itemIds());

        for (java.util.concurrent.Future<String> f : made) {
            assertThat(seen).contains(f.get());
        }
    }

    @Test
    void theReplayKnobRepeatsEntriesAlreadyDelivered() {
        server.faults().mailbox().replay(true);

        MailboxClient.Round round = client.round(contactsDelta, 10);

        assertThat(round.itemIds()).hasSizeGreaterThan(server.mailboxCount("contacts"));
        assertThat(new HashSet<>(round.itemIds())).hasSize(server.mailboxCount("contacts"));
    }

    @Test
    void theEmptyPageKnobSendsEmptyPagesThatStillCarryANextLink() {
        server.faults().mailbox().emptyPages(true);

        JsonNode page = client.ok(contactsDelta, "Prefer", "odata.maxpagesize=50");
        assertThat(page.get("value")).isEmpty();
        assertThat(page.get("@odata.nextLink").asText()).contains("$skiptoken=");
        MailboxClient.Round round = client.round(contactsDelta, 50);
        assertThat(new HashSet<>(round.itemIds())).hasSize(server.mailboxCount("contacts"));
    }

    @Test
    void expiringDeltaTokensAnswers410SyncStateNotFoundWithWhereToStartAgain() {
        MailboxClient.Round round = client.round(contactsDelta, 100);
        String nextLink = client.ok(contactsDelta, "Prefer", "odata.maxpagesize=5").get("@odata.nextLink").asText();

        server.faults().mailbox().expireDeltaTokensNow();

        for (String link : List.of(round.deltaLink(), nextLink)) {
            HttpResponse<String> response = client.get(link);
            assertThat(response.statusCode()).isEqualTo(410);
            assertThat(MailboxClient.json(response).at("/error/code").asText()).isEqualTo("syncStateNotFound");
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(contactsDelta));
        }
        assertThat(client.round(contactsDelta, 100).itemIds()).hasSize(server.mailboxCount("contacts"));
    }

    @Test
    void aCalendarViewRoundListsTheEventsInItsWindowOnly() {
        Instant start = NOW.minus(Duration.ofDays(30));
        Instant end = NOW.plus(Duration.ofDays(180));
        MailboxClient.Round round = client.round(calendarView(start, end), 20);

        assertThat(round.items()).isNotEmpty();
        for (JsonNode event : round.items()) {
            Instant s = Instant.parse(event.at("/start/dateTime").asText() + "Z");
            Instant e = Instant.parse(event.at("/end/dateTime").asText() + "Z");
            assertThat(s).isBefore(end);
            assertThat(e).isAfter(start);
        }
        int all = server.mailboxCount("calendar");
        assertThat(round.items().size()).as("some sample events lie outside the default window").isLessThan(all);
    }

    @Test
    void anEventMovedOutOfTheWindowComesBackAsRemovedAndTheLinksKeepTheWindow() {
        Instant start = NOW.minus(Duration.ofDays(30));
        Instant end = NOW.plus(Duration.ofDays(180));
        MailboxClient.Round round = client.round(calendarView(start, end), 15);
        String moved = round.itemIds().get(0);
        String far = NOW.plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.HOURS).toString().replace("Z", "");
        client.patch("me/events/" + moved, """
                {"start":{"dateTime":"%s","timeZone":"UTC"},"end":{"dateTime":"%s","timeZone":"UTC"}}"""
                .formatted(far, far.replace("T", "T").substring(0, 11) + "23:00:00"));
        String created = client.created("me/events", """
                {"subject":"Inside","start":{"dateTime":"%s","timeZone":"UTC"},"end":{"dateTime":"%s","timeZone":"UTC"}}"""
                .formatted(NOW.plus(Duration.ofDays(2)).toString().replace("Z", ""),
                        NOW.plus(Duration.ofDays(2)).plus(Duration.ofHours(1)).toString().replace("Z", ""))).get("id").asText();

        MailboxClient.Round next = client.round(round.deltaLink(), 15);

        assertThat(next.removedIds()).containsExactly(moved);
        assertThat(next.itemIds()).containsExactly(created);
    }

    @Test
    void aCalendarViewDeltaWithoutAWindowIsRefused() {
        assertThat(client.get("me/calendarView/delta").statusCode()).isEqualTo(400);
    }

    @Test
    void inboxAndSentItemsAreTrackedOneFolderAtATime() {
        MailboxClient.Round inbox = client.round("me/mailFolders/inbox/messages/delta", 25);
        MailboxClient.Round sent = client.round("me/mailFolders/sentitems/messages/delta", 25);

        assertThat(inbox.itemIds()).hasSize(server.mailboxCount("inbox"));
        assertThat(sent.itemIds()).hasSize(server.mailboxCount("sentitems"));
        Set<String> both = new HashSet<>(inbox.itemIds());
        both.retainAll(sent.itemIds());
        assertThat(both).isEmpty();
        String id = inbox.itemIds().get(0);
        client.patch("me/messages/" + id, "{\"categories\":[\"Shared with CRM\"]}");
        assertThat(client.round(inbox.deltaLink(), 25).itemIds()).containsExactly(id);
        assertThat(client.round(sent.deltaLink(), 25).entries()).isEmpty();
    }

    @Test
    void toDoTasksAreTrackedInTheDefaultList() {
        String list = client.ok("me/todo/lists").get("value").get(0).get("id").asText();
        MailboxClient.Round round = client.round("me/todo/lists/" + list + "/tasks/delta", 10);

        assertThat(round.itemIds()).hasSize(server.mailboxCount("tasks"));
        String id = client.created("me/todo/lists/" + list + "/tasks", "{\"title\":\"Call back\"}").get("id").asText();
        assertThat(client.round(round.deltaLink(), 10).itemIds()).containsExactly(id);
    }

    @Test
    void theSdkSpellingOfTheUrlsWorksToo() {
        // Kiota's templates read "/users/{id}/…/delta()"; GraphClientFactory turns "/users/TokenToReplace" into "/me".
        String sdk = contactsDelta.replace("me/", "users/TokenToReplace/") + "()";

        assertThat(client.round(sdk, 1000).itemIds()).hasSize(server.mailboxCount("contacts"));
        assertThat(client.ok("me/calendarView/delta()?startDateTime=" + NOW + "&endDateTime=" + NOW.plus(Duration.ofDays(9)))
                .has("value")).isTrue();
    }

    private static String calendarView(Instant start, Instant end) {
        return "me/calendarView/delta?startDateTime=" + start + "&endDateTime=" + end;
    }
}
