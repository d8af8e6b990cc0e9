package dev.outpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.outlook.OutlookPair;
import dev.outpost.outlook.OutlookSettings;
import dev.outpost.outlook.SyncRound;
import dev.outpost.sync.SyncReport;
import dev.outpost.sync.TypeReport;

/**
 * Untracking a contact for Outlook, end to end through the Graph SDK and the demo mailbox: the next sync takes the
 * sharing category off the item (nothing is deleted anywhere, the item's other categories stay), and tracking it again
 * puts the category back and edits flow again.
 */
class OutlookUntrackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OTHER = "Key customer";

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
    void untrackingTakesTheCategoryOffTheItemAndTrackingAgainPutsItBack() throws Exception {
        assertDone(p.sync());
        Record contact = contactLinkedToBoth();
        String crmId = p.link("crm", contact.id()).orElseThrow().remoteId();
        String itemId = p.link(OutlookPair.NAME, contact.id()).orElseThrow().remoteId();
        ObjectNode categories = JSON.createObjectNode();
        categories.putArray("categories").add(OutlookSettings.DEFAULT_CATEGORY).add(OTHER);
        p.mailbox.patch("me/contacts/" + itemId, categories);
        assertDone(p.sync());
        int items = p.mailboxItems("me/contacts").size();
        int crmContacts = p.crmRows("contacts").size();

        p.store.sync().untrack(OutlookPair.NAME, contact.id());
        assertDone(p.sync());

        JsonNode item = p.mailbox.get("me/contacts/" + itemId);
        assertThat(item).as("the item, still in the mailbox").isNotNull();
        assertThat(categoriesOf(item)).containsExactly(OTHER);
        assertThat(p.mailboxItems("me/contacts")).hasSize(items);
        assertThat(p.crmRows("contacts")).hasSize(crmContacts)
                .anySatisfy(r -> assertThat(r.get("contactid").asText()).isEqualTo(crmId));
        assertThat(p.store.records().find(contact.id())).get().extracting(Record::deleted).isEqualTo(false);
        assertThat(p.link(OutlookPair.NAME, contact.id())).hasValueSatisfying(l -> assertThat(l.inScope()).isFalse());
        assertASyncAfterMovesNothing();
        assertThat(categoriesOf(p.mailbox.get("me/contacts/" + itemId))).containsExactly(OTHER);

        p.store.sync().track(OutlookPair.NAME, contact.id());
        assertDone(p.sync());

        assertThat(categoriesOf(p.mailbox.get("me/contacts/" + itemId)))
                .containsExactlyInAnyOrder(OTHER, OutlookSettings.DEFAULT_CATEGORY);
        assertThat(p.link(OutlookPair.NAME, contact.id())).hasValueSatisfying(l -> assertThat(l.inScope()).isTrue());
        assertThat(p.mailboxItems("me/contacts")).hasSize(items);
        assertASyncAfterMovesNothing();

        p.mailbox.patch("me/contacts/" + itemId, JSON.createObjectNode().put("jobTitle", "Buyer (Outlook)"));
        assertDone(p.sync());
        assertThat(p.crm.read("contacts", crmId, "jobtitle")).isEqualTo("Buyer (Outlook)");
        p.crm.edit("contacts", crmId, "telephone1", "+1 555 0199");
        assertDone(p.sync());
        assertThat(p.mailbox.get("me/contacts/" + itemId).path("businessPhones").path(0).asText()).isEqualTo("+1 555 0199");
        assertThat(p.crmRows("contacts")).hasSize(crmContacts);
        assertThat(p.mailboxItems("me/contacts")).hasSize(items);
    }

    @Test
    void whileUntrackedAnEditInOutlookStaysThereAndTrackingAgainBringsIt() throws Exception {
        assertDone(p.sync());
        Record contact = contactLinkedToBoth();
        String crmId = p.link("crm", contact.id()).orElseThrow().remoteId();
        String itemId = p.link(OutlookPair.NAME, contact.id()).orElseThrow().remoteId();
        p.store.sync().untrack(OutlookPair.NAME, contact.id());
        assertDone(p.sync());

        p.mailbox.patch("me/contacts/" + itemId, JSON.createObjectNode().put("jobTitle", "Edited while untracked"));
        assertDone(p.sync());
        assertThat(p.crm.read("contacts", crmId, "jobtitle")).isNotEqualTo("Edited while untracked");

        p.store.sync().track(OutlookPair.NAME, contact.id());
        assertDone(p.sync());
        assertDone(p.sync());

        assertThat(categoriesOf(p.mailbox.get("me/contacts/" + itemId))).contains(OutlookSettings.DEFAULT_CATEGORY);
        assertThat(p.store.records().find(contact.id()).orElseThrow().get("jobTitle")).isEqualTo("Edited while untracked");
        assertThat(p.crm.read("contacts", crmId, "jobtitle")).isEqualTo("Edited while untracked");
        assertASyncAfterMovesNothing();
    }

    private Record contactLinkedToBoth() {
        return p.store.records().list(RecordType.CONTACT, "").stream()
                .filter(r -> p.link("crm", r.id()).isPresent() && p.link(OutlookPair.NAME, r.id()).isPresent())
                .findFirst().orElseThrow(() -> new AssertionError("no contact is linked to both the CRM and Outlook"));
    }

    private static List<String> categoriesOf(JsonNode item) {
        List<String> found = new ArrayList<>();
        item.path("categories").forEach(c -> found.add(c.asText()));
        return found;
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
}
