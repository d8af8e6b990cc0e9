package dev.outpost.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.model.RecordType;

/**
 * The sample mailbox: contacts, events around now (most in the coming weeks, some in the past, a few outside the
 * default sync window of 30 days back and 180 ahead), To Do tasks, Inbox and Sent Items, some of each carrying the
 * category {@value #SHARED} (which is in the master list), others not. Names come from {@link SampleRecords}; the
 * same seed and moment give the same mailbox, ids included.
 */
final class MailboxSample {

    /** The category Outpost's Outlook pair syncs by default (DESIGN.md, "Outlook pair rules"). */
    static final String SHARED = "Shared with CRM";
    static final String ME = "me@outpost.example";

    /** Outlook's default colour categories, plus ours. */
    private static final List<Map.Entry<String, String>> CATEGORIES = List.of(Map.entry("Red category", "preset0"),
            Map.entry("Orange category", "preset1"), Map.entry("Yellow category", "preset3"),
            Map.entry("Green category", "preset4"), Map.entry("Blue category", "preset7"),
            Map.entry("Purple category", "preset8"), Map.entry(SHARED, "preset9"));

    private final long seed;
    private final Instant now;

    MailboxSample(long seed, Instant now) {
        this.seed = seed;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The id of the {@code index}-th sample item of a folder: the same for the same seed. */
    static String id(long seed, String folder, int index) {
        return GraphJson.outlookId("AAMkAGRlbW8", UUID.nameUUIDFromBytes(("outpost-mailbox:" + seed + ":" + folder + ":"
                + index).getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code total} items (30% contacts, 25% events, 15% tasks, 20% inbox, 10% sent) and the master categories. */
    List<MailboxStore.Entry> entries(int total) {
        SampleRecords records = new SampleRecords(seed ^ 0x0071_0C0DL, now);
        SplittableRandom random = new SplittableRandom(seed ^ 0x6D61_696CL);
        List<MailboxStore.Entry> entries = new ArrayList<>();
        for (int i = 0; i < CATEGORIES.size(); i++) {
            ObjectNode c = RowJson.JSON.createObjectNode();
            c.put("displayName", CATEGORIES.get(i).getKey());
            c.put("color", CATEGORIES.get(i).getValue());
            entries.add(entry(Mailbox.CATEGORIES, UUID.nameUUIDFromBytes(("outpost-category:" + seed + ":" + i)
                    .getBytes(StandardCharsets.UTF_8)).toString(), c));
        }
        int contacts = total * 30 / 100;
        int events = total * 25 / 100;
        int tasks = total * 15 / 100;
        int inbox = total * 20 / 100;
        int sent = Math.max(0, total - contacts - events - tasks - inbox);
        for (int i = 0; i < contacts; i++) {
            entries.add(entry(Mailbox.CONTACTS, id(seed, Mailbox.CONTACTS, i), contact(records, random)));
        }
        for (int i = 0; i < events; i++) {
            entries.add(entry(Mailbox.CALENDAR, id(seed, Mailbox.CALENDAR, i), event(records, random, i)));
        }
        for (int i = 0; i < tasks; i++) {
            entries.add(entry(Mailbox.TASKS, id(seed, Mailbox.TASKS, i), task(records, random)));
        }
        for (int i = 0; i < inbox; i++) {
            entries.add(entry(Mailbox.INBOX, id(seed, Mailbox.INBOX, i), message(records, random, true)));
        }
        for (int i = 0; i < sent; i++) {
            entries.add(entry(Mailbox.SENT_ITEMS, id(seed, Mailbox.SENT_ITEMS, i), message(records, random, false)));
        }
        return entries;
    }

    private ObjectNode contact(SampleRecords records, SplittableRandom random) {
        Map<String, String> v = records.next(RecordType.CONTACT, List.of());
        ObjectNode c = base(random.nextInt(60));
        c.put("parentFolderId", Mailbox.CONTACTS_FOLDER_ID);
        c.put("givenName", v.get("firstName"));
        c.put("surname", v.get("lastName"));
        c.put("displayName", v.get("firstName") + " " + v.get("lastName"));
        ObjectNode email = c.putArray("emailAddresses").addObject();
        email.put("name", v.get("firstName") + " " + v.get("lastName"));
        email.put("address", v.get("email"));
        c.putArray("businessPhones").add(v.get("phone"));
        c.put("mobilePhone", v.get("mobile"));
        c.put("jobTitle", v.get("jobTitle"));
        c.put("companyName", records.next(RecordType.ACCOUNT, List.of()).get("name"));
        c.put("personalNotes", "");
        categories(c, random);
        return c;
    }

    private ObjectNode event(SampleRecords records, SplittableRandom random, int index) {
        Map<String, String> v = records.next(RecordType.APPOINTMENT, List.of());
        Instant start = Instant.parse(v.get("start"));
        Instant end = Instant.parse(v.get("end"));
        if (index % 12 == 5) { // a few far in the past, a few far ahead: outside the default window
            Duration shift = Duration.ofDays(index % 24 == 5 ? -75 : 230);
            start = start.plus(shift);
            end = end.plus(shift);
        }
        ObjectNode e = base(random.nextInt(60));
        e.put("subject", v.get("subject"));
        ObjectNode body = e.putObject("body");
        body.put("contentType", "html");
        body.put("content", "<html><body><p>Agenda: " + v.get("subject") + "</p></body></html>");
        e.put("_start", start.toString());
        e.put("_end", end.toString());
        e.put("originalStartTimeZone", "UTC");
        e.put("originalEndTimeZone", "UTC");
        e.putObject("location").put("displayName", v.get("location"));
        e.put("isAllDay", false);
        e.put("showAs", "busy");
        e.put("importance", "normal");
        e.put("iCalUId", "040000008200E00074C5B7101A82E008" + Long.toHexString(random.nextLong()));
        categories(e, random);
        return e;
    }

    private ObjectNode task(SampleRecords records, SplittableRandom random) {
        Map<String, String> v = records.next(RecordType.TASK, List.of());
        ObjectNode t = base(random.nextInt(60));
        t.put("title", v.get("subject"));
        ObjectNode body = t.putObject("body");
        body.put("contentType", "text");
        body.put("content", v.get("notes"));
        t.put("_due", LocalDate.parse(v.get("due")).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        t.put("importance", v.get("priority"));
        t.put("status", Boolean.parseBoolean(v.get("done")) ? "completed" : "notStarted");
        t.put("isReminderOn", false);
        categories(t, random);
        return t;
    }

    private ObjectNode message(SampleRecords records, SplittableRandom random, boolean received) {
        Map<String, String> v = records.next(RecordType.EMAIL, List.of());
        Instant sent = Instant.parse(v.get("sent"));
        String other = v.get("from");
        String otherName = nameOf(other);
        ObjectNode m = base(0);
        m.put("createdDateTime", sent.toString());
        m.put("lastModifiedDateTime", sent.toString());
        m.put("parentFolderId", received ? Mailbox.INBOX_ID : Mailbox.SENT_ITEMS_ID);
        m.put("subject", received ? v.get("subject") : v.get("subject").replaceFirst("^Re: ", "RE: "));
        m.put("sentDateTime", sent.toString());
        m.put("receivedDateTime", sent.plusSeconds(2).toString());
        m.put("conversationId", "AAQkAGRlbW8" + Long.toHexString(random.nextLong()) + "=");
        m.put("isRead", random.nextInt(3) != 0);
        m.put("importance", "normal");
        m.put("hasAttachments", false);
        String text = v.get("body");
        m.put("bodyPreview", text.length() > 255 ? text.substring(0, 255) : text);
        ObjectNode body = m.putObject("body");
        body.put("contentType", "text");
        body.put("content", text);
        ObjectNode from = address(received ? otherName : "Demo User", received ? other : ME);
        m.set("from", from);
        m.set("sender", from.deepCopy());
        ArrayNode to = m.putArray("toRecipients");
        to.add(address(received ? "Demo User" : otherName, received ? ME : other));
        categories(m, random);
        return m;
    }

    private ObjectNode base(int daysAgo) {
        ObjectNode data = RowJson.JSON.createObjectNode();
        Instant created = now.minus(Duration.ofDays(daysAgo + 1L));
        data.put("createdDateTime", created.toString());
        data.put("lastModifiedDateTime", now.minus(Duration.ofDays(daysAgo)).toString());
        return data;
    }

    private static void categories(ObjectNode item, SplittableRandom random) {
        ArrayNode categories = item.putArray("categories");
        int pick = random.nextInt(10);
        if (pick < 3) {
            categories.add(SHARED);
        } else if (pick == 3) {
            categories.add("Green category");
        }
    }

    private static ObjectNode address(String name, String address) {
        ObjectNode recipient = RowJson.JSON.createObjectNode();
        ObjectNode email = recipient.putObject("emailAddress");
        email.put("name", name);
        email.put("address", address);
        return recipient;
    }

    private static String nameOf(String address) {
        String local = address.substring(0, address.indexOf('@'));
        StringBuilder name = new StringBuilder();
        for (String part : local.split("\\.")) {
            if (!part.isEmpty()) {
                name.append(name.isEmpty() ? "" : " ").append(Character.toUpperCase(part.charAt(0)))
                        .append(part.substring(1));
            }
        }
        return name.toString();
    }

    private static MailboxStore.Entry entry(String folder, String id, ObjectNode data) {
        return new MailboxStore.Entry(folder, id, 0, false, data);
    }
}
