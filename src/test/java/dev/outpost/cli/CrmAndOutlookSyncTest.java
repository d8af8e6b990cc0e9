package dev.outpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.outlook.OutlookEndpoint;
import dev.outpost.outlook.OutlookPair;
import dev.outpost.outlook.OutlookSettings;
import dev.outpost.outlook.SyncRound;
import dev.outpost.store.Link;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.Endpoint;
import dev.outpost.sync.ForwardingEndpoint;
import dev.outpost.sync.SyncReport;
import dev.outpost.sync.SyncStep;
import dev.outpost.sync.TypeReport;
import dev.outpost.testing.ChildJvm;

/**
 * Both pairs end to end over loopback: a real store and engine, the Dataverse connector and the Outlook connector
 * (the Graph SDK), one demo server serving the CRM and the mailbox. A run is what {@code outpost sync} and the
 * window's <em>Sync now</em> do: the CRM pair, the Outlook pair, and the CRM pair again for what Outlook brought.
 */
class CrmAndOutlookSyncTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    @TempDir
    Path folder;

    private CrmAndMailboxProfile p;

    @BeforeEach
    void start() {
        p = new CrmAndMailboxProfile(folder, 30, 40);
    }

    @AfterEach
    void stop() throws Exception {
        p.close();
    }

    @Test
    void oneRunCarriesAnOutlookEditToTheCrmAndACrmEditToOutlook() throws Exception {
        assertDone(p.sync());
        Record contact = contactLinkedToBoth();
        String crmId = p.link("crm", contact.id()).orElseThrow().remoteId();
        String itemId = p.link(OutlookPair.NAME, contact.id()).orElseThrow().remoteId();

        p.mailbox.patch("me/contacts/" + itemId, JSON.createObjectNode().put("jobTitle", "Head of Sales (Outlook)"));
        p.crm.edit("contacts", crmId, "telephone1", "+1 555 0100");
        SyncRound.Reports run = p.sync();

        assertDone(run);
        assertThat(run.crmAgain()).as("the second CRM pass, sending Outlook's edit on").isPresent();
        assertThat(p.crm.read("contacts", crmId, "jobtitle")).isEqualTo("Head of Sales (Outlook)");
        assertThat(p.mailbox.get("me/contacts/" + itemId).path("businessPhones").path(0).asText()).isEqualTo("+1 555 0100");
        Record local = p.store.records().find(contact.id()).orElseThrow();
        assertThat(local.get("jobTitle")).isEqualTo("Head of Sales (Outlook)");
        assertThat(local.get("phone")).isEqualTo("+1 555 0100");
        assertASyncAfterMovesNothing();
    }

    @Test
    void aContactDeletedInOutlookLeavesTheCrmUnlessItIsPrivateThenItGoesThereToo() throws Exception {
        assertDone(p.sync());
        List<Record> both = p.store.records().list(RecordType.CONTACT, "").stream()
                .filter(r -> p.link("crm", r.id()).isPresent() && p.link(OutlookPair.NAME, r.id()).isPresent()).toList();
        Record shared = both.get(0);
        Record personal = p.store.records().update(both.get(1).id(), Map.of("private", "true"));
        assertDone(p.sync());
        String sharedCrmId = p.link("crm", shared.id()).orElseThrow().remoteId();
        String personalCrmId = p.link("crm", personal.id()).orElseThrow().remoteId();
        String sharedItem = p.link(OutlookPair.NAME, shared.id()).orElseThrow().remoteId();

        p.mailbox.delete("me/contacts/" + sharedItem);
        p.mailbox.delete("me/contacts/" + p.link(OutlookPair.NAME, personal.id()).orElseThrow().remoteId());
        assertDone(p.sync());

        // Not private: only off the Outlook list. Kept here and in the CRM, and not put back into Outlook.
        assertThat(p.store.records().find(shared.id())).get().extracting(Record::deleted).isEqualTo(false);
        assertThat(p.crmRows("contacts")).anySatisfy(r -> assertThat(r.get("contactid").asText()).isEqualTo(sharedCrmId));
        assertThat(p.link(OutlookPair.NAME, shared.id())).isEmpty();
        // Private: the personal contact goes, here and in the CRM.
        assertThat(p.store.records().find(personal.id()).map(Record::deleted).orElse(true)).as("gone here").isTrue();
        assertThat(p.crmRows("contacts")).noneSatisfy(r -> assertThat(r.get("contactid").asText()).isEqualTo(personalCrmId));
        assertASyncAfterMovesNothing();
        assertThat(p.mailbox.get("me/contacts/" + sharedItem)).isNull();
    }

    @Test
    void aContactInTheCrmAndInOutlookWithTheSameEmailBecomesOneLocalRecordLinkedToBoth() throws Exception {
        JsonNode row = p.crmRows("contacts").stream().filter(r -> !r.path("emailaddress1").asText().isBlank())
                .findFirst().orElseThrow();
        String email = row.get("emailaddress1").asText();
        ObjectNode item = JSON.createObjectNode().put("givenName", row.path("firstname").asText())
                .put("surname", row.path("lastname").asText());
        item.putArray("emailAddresses").addObject().put("address", email.toUpperCase(java.util.Locale.ROOT));
        item.putArray("categories").add(OutlookSettings.DEFAULT_CATEGORY);
        String itemId = p.mailbox.post("me/contacts", item).get("id").asText();

        assertDone(p.sync());

        Record local = p.contactByEmail(email);
        assertThat(p.link("crm", local.id()).map(Link::remoteId)).contains(row.get("contactid").asText());
        assertThat(p.link(OutlookPair.NAME, local.id()).map(Link::remoteId)).contains(itemId);
        assertThat(p.mailboxItems("me/contacts").stream().filter(c -> hasEmail(c, email))).hasSize(1);
        assertThat(p.crmRows("contacts").stream().filter(r -> email.equalsIgnoreCase(r.path("emailaddress1").asText())))
                .hasSize(1);
        assertASyncAfterMovesNothing();
    }

    @Test
    void anEventMadeInPacificTimeLandsAtTheSameInstantHereAndInTheCrm() throws Exception {
        LocalDate day = LocalDate.now(PACIFIC).plusDays(10);
        ObjectNode event = JSON.createObjectNode().put("subject", "Pacific kickoff");
        event.putObject("start").put("dateTime", day + "T09:00:00").put("timeZone", "Pacific Standard Time");
        event.putObject("end").put("dateTime", day + "T10:30:00").put("timeZone", "Pacific Standard Time");
        event.putArray("categories").add(OutlookSettings.DEFAULT_CATEGORY);
        p.mailbox.post("me/events", event);
        Instant start = day.atTime(9, 0).atZone(PACIFIC).toInstant();

        assertDone(p.sync());

        Record local = appointment("Pacific kickoff");
        assertThat(Instant.parse(local.get("start"))).isEqualTo(start);
        assertThat(Instant.parse(local.get("end"))).isEqualTo(start.plus(Duration.ofMinutes(90)));
        String crmId = p.link("crm", local.id()).orElseThrow().remoteId();
        assertThat(Instant.parse(p.crm.read("appointments", crmId, "scheduledstart"))).isEqualTo(start);
        assertThat(Instant.parse(p.crm.read("appointments", crmId, "scheduledend"))).isEqualTo(start.plus(Duration.ofMinutes(90)));
    }

    @Test
    void anEventThatLeavesTheCalendarWindowIsDeletedNowhere() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(5));
        ObjectNode event = JSON.createObjectNode().put("subject", "Leaves the window");
        event.set("start", MailboxColleague.dateTime(start));
        event.set("end", MailboxColleague.dateTime(start.plus(Duration.ofHours(1))));
        event.putArray("categories").add(OutlookSettings.DEFAULT_CATEGORY);
        String itemId = p.mailbox.post("me/events", event).get("id").asText();
        assertDone(p.sync());
        Record local = appointment("Leaves the window");
        String crmId = p.link("crm", local.id()).orElseThrow().remoteId();

        Instant later = start.plus(Duration.ofDays(250)); // past the window's 180 days ahead
        p.mailbox.patch("me/events/" + itemId, (ObjectNode) JSON.createObjectNode()
                .<ObjectNode>set("start", MailboxColleague.dateTime(later))
                .set("end", MailboxColleague.dateTime(later.plus(Duration.ofHours(1)))));
        SyncRound.Reports left = p.sync();
        SyncRound.Reports after = p.sync();

        for (SyncReport report : List.of(left.all(), after.all()).stream().flatMap(List::stream).toList()) {
            assertThat(report.types()).allSatisfy(t -> assertThat(t.pulledDeleted() + t.pushedDeleted())
                    .as("%s deletions in %s", t.type(), report.pair()).isZero());
        }
        assertThat(p.store.records().find(local.id()).map(Record::deleted)).contains(false);
        assertThat(p.crm.read("appointments", crmId, "subject")).isEqualTo("Leaves the window");
        assertThat(p.mailbox.get("me/events/" + itemId)).isNotNull();
        assertThat(p.link(OutlookPair.NAME, local.id()).map(Link::inScope)).contains(false);
        assertThat(p.mailboxItems("me/events").stream().filter(e -> e.path("subject").asText().equals("Leaves the window")))
                .as("events of that subject in the mailbox").hasSize(1);
    }

    @Test
    void anEventLeftOutOfAListingOfANarrowerWindowIsDeletedNowhere() throws Exception {
        // As when the window moves on (the anchor expires weekly) or `connect --calendar-window` narrows it: the
        // next listing covers the new window only, and an event outside it is missing, not deleted.
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(20));
        ObjectNode event = JSON.createObjectNode().put("subject", "Outside the narrow window");
        event.set("start", MailboxColleague.dateTime(start));
        event.set("end", MailboxColleague.dateTime(start.plus(Duration.ofHours(1))));
        event.putArray("categories").add(OutlookSettings.DEFAULT_CATEGORY);
        String itemId = p.mailbox.post("me/events", event).get("id").asText();
        assertDone(p.sync());
        Record local = appointment("Outside the narrow window");
        String crmId = p.link("crm", local.id()).orElseThrow().remoteId();

        p.store.sync().clearAnchor(OutlookPair.NAME, RecordType.APPOINTMENT);
        OutlookEndpoint narrow = new OutlookEndpoint(OutlookSettings.of(p.server.graphUrl(), () -> CrmAndMailboxProfile.TOKEN)
                .calendarWindow(30, 7));
        try (narrow) {
            SyncRound.Reports listed = p.sync(p.outlookPair(narrow));
            for (SyncReport report : listed.all()) {
                assertThat(report.types()).allSatisfy(t -> assertThat(t.pulledDeleted() + t.pushedDeleted())
                        .as("%s deletions in %s", t.type(), report.pair()).isZero());
            }
        }
        assertThat(p.store.records().find(local.id()).map(Record::deleted)).contains(false);
        assertThat(p.crm.read("appointments", crmId, "subject")).isEqualTo("Outside the narrow window");
        assertThat(p.mailbox.get("me/events/" + itemId)).isNotNull();
        assertThat(p.link(OutlookPair.NAME, local.id()).map(Link::inScope)).contains(false);
    }

    @Test
    void deltaTokensExpiringMidRoundAreReListedWithNothingLostOrDuplicated() throws Exception {
        assertDone(p.sync());
        // Edits to every shared contact and a new one: with pages of 3, the next delta round takes several pages.
        List<JsonNode> shared = p.mailboxItems("me/contacts").stream().filter(CrmAndOutlookSyncTest::shared).toList();
        for (JsonNode contact : shared) {
            p.mailbox.patch("me/contacts/" + contact.get("id").asText(),
                    JSON.createObjectNode().put("jobTitle", "Edited " + contact.get("id").asText().hashCode()));
        }
        ObjectNode added = JSON.createObjectNode().put("givenName", "Tova").put("surname", "Late");
        added.putArray("emailAddresses").addObject().put("address", "tova.late@example.com");
        added.putArray("categories").add(OutlookSettings.DEFAULT_CATEGORY);
        p.mailbox.post("me/contacts", added);
        AtomicBoolean expired = new AtomicBoolean();
        Endpoint expiring = new ForwardingEndpoint(p.outlookEndpoint(3)) {
            @Override
            public ChangePage changes(RecordType type, Optional<String> from) {
                ChangePage page = super.changes(type, from);
                if (type == RecordType.CONTACT && from.isPresent() && !page.isLast() && expired.compareAndSet(false, true)) {
                    p.server.faults().mailbox().expireDeltaTokensNow(); // the next page answers 410 Gone
                }
                return page;
            }
        };

        SyncRound.Reports run = p.sync(p.outlookPair(expiring));

        assertThat(expired).as("the tokens expired mid-round").isTrue();
        assertDone(run);
        for (JsonNode contact : shared) {
            String recordId = p.store.sync().linksByRemoteId(OutlookPair.NAME, List.of(contact.get("id").asText()))
                    .values().iterator().next().recordId();
            String title = "Edited " + contact.get("id").asText().hashCode();
            assertThat(p.store.records().find(recordId).orElseThrow().get("jobTitle")).isEqualTo(title);
            String crmId = p.link("crm", recordId).orElseThrow().remoteId();
            assertThat(p.crm.read("contacts", crmId, "jobtitle")).as("the edit in the CRM").isEqualTo(title);
        }
        Record late = p.contactByEmail("tova.late@example.com");
        assertThat(p.link("crm", late.id())).as("the new contact, sent on to the CRM").isPresent();
        List<Link> links = p.store.sync().links(OutlookPair.NAME, RecordType.CONTACT);
        assertThat(links.stream().map(Link::remoteId).distinct()).as("mailbox contacts linked twice").hasSize(links.size());
        assertNoDuplicateContacts();
        assertASyncAfterMovesNothing();
    }

    @Test
    void aCrashBetweenCreatingInOutlookAndRecordingItLeavesNoDuplicateAfterARestart() throws Exception {
        assertDone(p.sync());
        String email = "nora.crash@example.com";
        String recordId = p.store.records().create(RecordType.CONTACT, Map.of("firstName", "Nora", "lastName", "Crash",
                "email", email)).id();
        p.closeStore();

        try (ChildJvm child = ChildJvm.start(OutlookSyncKilledAtStep.class, folder.toString(), p.graphUrl().toString(),
                CrmAndMailboxProfile.TOKEN, SyncStep.BATCH_SENT.name(), "1")) {
            assertThat(child.waitForExit(Duration.ofSeconds(90))).as("the child's exit; it printed:\n%s", child.output())
                    .isEqualTo(OutlookSyncKilledAtStep.KILLED);
        }
        assertThat(p.mailboxItems("me/contacts").stream().filter(c -> hasEmail(c, email)))
                .as("the create reached the mailbox before the app died").hasSize(1);

        p.reopenStore();
        SyncRound.Reports restart = p.sync();

        assertDone(restart);
        assertThat(restart.outlook().orElseThrow().types()).filteredOn(t -> t.type() == RecordType.CONTACT)
                .singleElement().satisfies(t -> assertThat(t.pushedCreated()).as("contacts created again").isZero());
        List<JsonNode> items = p.mailboxItems("me/contacts").stream().filter(c -> hasEmail(c, email)).toList();
        assertThat(items).as("mailbox contacts of that e-mail after the restart").hasSize(1);
        assertThat(p.link(OutlookPair.NAME, recordId).map(Link::remoteId)).contains(items.getFirst().get("id").asText());
        assertASyncAfterMovesNothing();
    }

    private Record contactLinkedToBoth() {
        return p.store.records().list(RecordType.CONTACT, "").stream()
                .filter(r -> p.link("crm", r.id()).isPresent() && p.link(OutlookPair.NAME, r.id()).isPresent())
                .findFirst().orElseThrow(() -> new AssertionError("no contact is linked to both the CRM and Outlook"));
    }

    private Record appointment(String subject) {
        List<Record> found = p.store.records().list(RecordType.APPOINTMENT, "").stream()
                .filter(r -> subject.equals(r.get("subject"))).toList();
        assertThat(found).as("local appointments '%s'", subject).hasSize(1);
        return found.getFirst();
    }

    private void assertNoDuplicateContacts() {
        List<String> local = p.store.records().list(RecordType.CONTACT, "").stream().map(r -> r.get("email"))
                .filter(e -> e != null && !e.isBlank()).map(e -> e.toLowerCase(java.util.Locale.ROOT)).toList();
        assertThat(local).as("local contacts' e-mails").doesNotHaveDuplicates();
        List<String> mailbox = p.mailboxItems("me/contacts").stream()
                .map(c -> c.path("emailAddresses").path(0).path("address").asText().toLowerCase(java.util.Locale.ROOT))
                .filter(e -> !e.isBlank()).toList();
        assertThat(mailbox).as("mailbox contacts' e-mails").doesNotHaveDuplicates();
        List<String> crm = p.crmRows("contacts").stream().map(r -> r.path("emailaddress1").asText().toLowerCase(java.util.Locale.ROOT))
                .filter(e -> !e.isBlank()).toList();
        assertThat(crm).as("CRM contacts' e-mails").doesNotHaveDuplicates();
    }

    private void assertASyncAfterMovesNothing() {
        SyncRound.Reports again = p.sync();
        for (SyncReport report : again.all()) {
            for (TypeReport t : report.types()) {
                assertThat(t.pulled() + t.pushed()).as("%s moved by %s in a sync with nothing to do", t.type(),
                        report.pair()).isZero();
            }
        }
        assertThat(again.crmAgain()).isEmpty();
    }

    private static void assertDone(SyncRound.Reports run) {
        for (SyncReport report : run.all()) {
            assertThat(report.outcome()).as("%s: %s", report.pair(), report.types()).isIn("done");
        }
    }

    private static boolean shared(JsonNode item) {
        for (JsonNode c : item.path("categories")) {
            if (c.asText().equalsIgnoreCase(OutlookSettings.DEFAULT_CATEGORY)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasEmail(JsonNode contact, String email) {
        for (JsonNode a : contact.path("emailAddresses")) {
            if (a.path("address").asText().equalsIgnoreCase(email)) {
                return true;
            }
        }
        return false;
    }
}
