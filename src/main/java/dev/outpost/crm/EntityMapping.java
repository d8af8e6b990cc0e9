package dev.outpost.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.outpost.model.RecordType;

/**
 * The field ↔ column contract of {@code docs/crm-mapping.md} for one record type: the entity set, its logical
 * name, its key and the mapped columns.
 *
 * @param type    the Outpost record type
 * @param set     the entity set in URLs, e.g. {@code contacts}
 * @param logical the entity's logical name, e.g. {@code contact}
 * @param key     the primary key column
 * @param columns the mapped columns, in the order of the contract
 */
record EntityMapping(RecordType type, String set, String logical, String key, List<Column> columns) {

    static final String MODIFIED_ON = "modifiedon";
    static final String VERSION = "versionnumber";
    /** The owning systemuser, read for the "records I own" filter (see OwnerFilter). */
    static final String OWNER = "_ownerid_value";

    private static final Map<RecordType, EntityMapping> ALL = Map.of(
            RecordType.ACCOUNT, new EntityMapping(RecordType.ACCOUNT, "accounts", "account", "accountid", List.of(
                    text("name", "name"), text("phone", "telephone1"), text("website", "websiteurl"),
                    text("city", "address1_city"))),
            RecordType.CONTACT, new EntityMapping(RecordType.CONTACT, "contacts", "contact", "contactid", List.of(
                    text("firstName", "firstname"), text("lastName", "lastname"), text("email", "emailaddress1"),
                    text("phone", "telephone1"), text("mobile", "mobilephone"), text("jobTitle", "jobtitle"),
                    Column.lookup("accountId", "_parentcustomerid_value", "parentcustomerid_account"),
                    Column.of("private", "outpost_private", Column.Kind.BOOLEAN), text("category", "outpost_category"))),
            RecordType.OPPORTUNITY, new EntityMapping(RecordType.OPPORTUNITY, "opportunities", "opportunity",
                    "opportunityid", List.of(
                    text("name", "name"), Column.lookup("accountId", "_parentaccountid_value", "parentaccountid"),
                    Column.of("estimatedValue", "estimatedvalue", Column.Kind.MONEY),
                    Column.of("closeDate", "estimatedclosedate", Column.Kind.DATE),
                    Column.of("probability", "closeprobability", Column.Kind.PERCENT), text("stage", "stepname"))),
            RecordType.TASK, new EntityMapping(RecordType.TASK, "tasks", "task", "activityid", List.of(
                    text("subject", "subject"), text("notes", "description"),
                    Column.of("due", "scheduledend", Column.Kind.DATE_AS_DATE_TIME),
                    Column.of("priority", "prioritycode", Column.Kind.PRIORITY),
                    Column.of("done", "statecode", Column.Kind.DONE), Column.regarding())),
            RecordType.APPOINTMENT, new EntityMapping(RecordType.APPOINTMENT, "appointments", "appointment", "activityid",
                    List.of(text("subject", "subject"), Column.of("start", "scheduledstart", Column.Kind.DATE_TIME),
                            Column.of("end", "scheduledend", Column.Kind.DATE_TIME), text("location", "location"),
                            text("notes", "description"), Column.regarding())),
            RecordType.EMAIL, new EntityMapping(RecordType.EMAIL, "emails", "email", "activityid", List.of(
                    text("subject", "subject"), text("from", "sender"), text("to", "torecipients"),
                    Column.of("sent", "actualend", Column.Kind.DATE_TIME), text("body", "description"),
                    Column.regarding())));

    /** The mapping of a record type. */
    static EntityMapping of(RecordType type) {
        return ALL.get(type);
    }

    /** The entity set of a logical name ({@code contact} → {@code contacts}), for regarding targets. */
    static Optional<EntityMapping> ofLogical(String logical) {
        return ALL.values().stream().filter(m -> m.logical.equals(logical)).findFirst();
    }

    /** The {@code $select} list: the key, the mapped columns, {@code modifiedon}, {@code versionnumber}, the owner. */
    String select() {
        List<String> names = new ArrayList<>();
        names.add(key);
        columns.forEach(c -> names.add(c.column()));
        names.add(MODIFIED_ON);
        names.add(VERSION);
        names.add(OWNER);
        return String.join(",", names);
    }

    Optional<Column> column(String field) {
        return columns.stream().filter(c -> c.field().equals(field)).findFirst();
    }

    private static Column text(String field, String column) {
        return Column.of(field, column, Column.Kind.TEXT);
    }
}
