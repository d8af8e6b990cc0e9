package dev.outpost.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.model.RecordType;

/**
 * Turns {@link SampleRecords} into Dataverse rows for the demo store, following {@code docs/crm-mapping.md}:
 * GUIDs derived from the seed, references to rows made before (activities regard accounts, contacts or deals),
 * most rows owned by the signed-in user and a few by colleagues. The same seed and moment give the same rows.
 */
final class SampleData {

    /** Outpost field → Dataverse column, per type; lookups and converted values are handled below. */
    static final Map<RecordType, Map<String, String>> COLUMNS = new EnumMap<>(Map.of(
            RecordType.ACCOUNT, Map.of("name", "name", "phone", "telephone1", "website", "websiteurl",
                    "city", "address1_city"),
            RecordType.CONTACT, Map.of("firstName", "firstname", "lastName", "lastname", "email", "emailaddress1",
                    "phone", "telephone1", "mobile", "mobilephone", "jobTitle", "jobtitle",
                    "category", "outpost_category"),
            RecordType.OPPORTUNITY, Map.of("name", "name", "closeDate", "estimatedclosedate", "stage", "stepname"),
            RecordType.TASK, Map.of("subject", "subject", "notes", "description"),
            RecordType.APPOINTMENT, Map.of("subject", "subject", "start", "scheduledstart", "end", "scheduledend",
                    "location", "location", "notes", "description"),
            RecordType.EMAIL, Map.of("subject", "subject", "from", "sender", "to", "torecipients", "sent", "actualend",
                    "body", "description")));

    private final long seed;
    private final Instant now;
    private final String userId;

    /**
     * @param seed   decides every value and GUID
     * @param now    the moment dates are spread around and rows were last modified
     * @param userId the signed-in user, owner of most rows
     */
    SampleData(long seed, Instant now, String userId) {
        this.seed = seed;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.userId = userId;
    }

    /** The GUID of the {@code index}-th sample row of a set: the same for the same seed. */
    static String guid(long seed, String set, int index) {
        return UUID.nameUUIDFromBytes(("outpost-demo:" + seed + ":" + set + ":" + index).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Colleagues who own the rows the user does not. */
    static String colleague(long seed, int index) {
        return guid(seed, "systemusers", index);
    }

    /** {@code total} rows over the six sets, accounts first so that everything else can refer to them. */
    List<StoredRow> rows(int total) {
        SampleRecords records = new SampleRecords(seed, now);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EED_CAFEL);
        Map<RecordType, List<String>> made = new EnumMap<>(RecordType.class);
        List<StoredRow> rows = new ArrayList<>(total);
        for (Map.Entry<RecordType, Integer> entry : SampleRecords.split(total).entrySet()) {
            RecordType type = entry.getKey();
            EntitySet set = EntitySet.named(type.plural()).orElseThrow();
            List<String> ids = new ArrayList<>(entry.getValue());
            List<String> accounts = made.getOrDefault(RecordType.ACCOUNT, List.of());
            for (int i = 0; i < entry.getValue(); i++) {
                Map<String, String> values = records.next(type, accounts);
                String id = guid(seed, set.name(), i);
                rows.add(new StoredRow(set.name(), id, 0, false, row(type, values, made, random)));
                ids.add(id);
            }
            made.put(type, ids);
        }
        return rows;
    }

    private ObjectNode row(RecordType type, Map<String, String> values, Map<RecordType, List<String>> made,
            SplittableRandom random) {
        ObjectNode row = RowJson.JSON.createObjectNode();
        COLUMNS.get(type).forEach((field, column) -> {
            if (values.containsKey(field)) {
                row.put(column, values.get(field));
            }
        });
        switch (type) {
            case CONTACT -> {
                lookup(row, "_parentcustomerid_value", "account", values.get("accountId"));
                row.put("outpost_private", Boolean.parseBoolean(values.get("private")));
            }
            case OPPORTUNITY -> {
                lookup(row, "_parentaccountid_value", "account", values.get("accountId"));
                row.put("estimatedvalue", new BigDecimal(values.get("estimatedValue")));
                row.put("closeprobability", Integer.parseInt(values.get("probability")));
            }
            case TASK -> {
                row.put("scheduledend", values.get("due") + "T00:00:00Z");
                row.put("prioritycode", List.of("low", "normal", "high").indexOf(values.get("priority")));
                row.put("statecode", Boolean.parseBoolean(values.get("done")) ? 1 : 0);
                regarding(row, values.get("regardingId"), made, random);
            }
            case APPOINTMENT, EMAIL -> regarding(row, values.get("regardingId"), made, random);
            case ACCOUNT -> { }
        }
        boolean mine = random.nextInt(10) != 0;
        lookup(row, EntitySet.OWNER, "systemuser", mine ? userId : colleague(seed, random.nextInt(3)));
        row.put(EntitySet.MODIFIED_ON, now.toString());
        return row;
    }

    /** Activities regard an account (as SampleRecords picks), or now and then one of its people or deals. */
    private static void regarding(ObjectNode row, String account, Map<RecordType, List<String>> made,
            SplittableRandom random) {
        int pick = random.nextInt(4);
        List<String> contacts = made.getOrDefault(RecordType.CONTACT, List.of());
        List<String> deals = made.getOrDefault(RecordType.OPPORTUNITY, List.of());
        if (pick == 1 && !contacts.isEmpty()) {
            lookup(row, "_regardingobjectid_value", "contact", contacts.get(random.nextInt(contacts.size())));
        } else if (pick == 2 && !deals.isEmpty()) {
            lookup(row, "_regardingobjectid_value", "opportunity", deals.get(random.nextInt(deals.size())));
        } else {
            lookup(row, "_regardingobjectid_value", "account", account);
        }
    }

    private static void lookup(ObjectNode row, String column, String logical, String id) {
        if (id != null) {
            row.put(column, id);
            row.put(column + EntitySet.LOOKUP_NAME, logical);
        }
    }
}
