package dev.outpost.demo;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Dataverse entity set the demo server serves: its logical name, key column, the columns a client may read
 * and write, and the navigation properties a client binds references through (see {@code docs/crm-mapping.md}).
 *
 * @param name     the entity set name in URLs, e.g. {@code contacts}
 * @param logical  the entity's logical name, e.g. {@code contact}
 * @param key      the primary key column, e.g. {@code contactid}
 * @param columns  the writable columns with their types, lookup value columns ({@code _x_value}) included
 * @param binds    navigation property → the lookup value column it sets and the entity sets it may point at
 */
record EntitySet(String name, String logical, String key, Map<String, ColumnType> columns, Map<String, Bind> binds) {

    /** The column types the demo server checks loosely. */
    enum ColumnType { STRING, BOOLEAN, INTEGER, DECIMAL, DATE, DATE_TIME, LOOKUP }

    /**
     * A navigation property that sets a lookup.
     *
     * @param lookupColumn the {@code _x_value} column it sets
     * @param target       the entity set it points at
     */
    record Bind(String lookupColumn, String target) { }

    static final String OWNER = "_ownerid_value";
    static final String MODIFIED_ON = "modifiedon";
    static final String VERSION = "versionnumber";
    static final String LOOKUP_NAME = "@Microsoft.Dynamics.CRM.lookuplogicalname";

    /** Whether a client may name the column in {@code $select}. */
    boolean readable(String column) {
        return columns.containsKey(column) || column.equals(key) || column.equals(MODIFIED_ON)
                || column.equals(VERSION) || column.equals(OWNER);
    }

    /** All readable columns in a stable order, for a GET without {@code $select}. */
    List<String> allColumns() {
        var all = new java.util.ArrayList<String>();
        all.add(key);
        all.addAll(columns.keySet());
        all.addAll(List.of(OWNER, MODIFIED_ON, VERSION));
        return all;
    }

    /** The six sets, in the order the sample data is made. */
    static final List<EntitySet> ALL = List.of(
            set("accounts", "account", "accountid",
                    cols("name", "telephone1", "websiteurl", "address1_city"), Map.of()),
            set("contacts", "contact", "contactid",
                    cols("firstname", "lastname", "emailaddress1", "telephone1", "mobilephone", "jobtitle",
                            "outpost_category")
                            .with("outpost_private", ColumnType.BOOLEAN)
                            .with("_parentcustomerid_value", ColumnType.LOOKUP),
                    Map.of("parentcustomerid_account", new Bind("_parentcustomerid_value", "accounts"),
                            "parentcustomerid_contact", new Bind("_parentcustomerid_value", "contacts"))),
            set("opportunities", "opportunity", "opportunityid",
                    cols("name", "stepname")
                            .with("_parentaccountid_value", ColumnType.LOOKUP)
                            .with("estimatedvalue", ColumnType.DECIMAL)
                            .with("estimatedclosedate", ColumnType.DATE)
                            .with("closeprobability", ColumnType.INTEGER),
                    Map.of("parentaccountid", new Bind("_parentaccountid_value", "accounts"))),
            activity("tasks", "task", cols("subject", "description")
                    .with("scheduledend", ColumnType.DATE_TIME)
                    .with("prioritycode", ColumnType.INTEGER)
                    .with("statecode", ColumnType.INTEGER)),
            activity("appointments", "appointment", cols("subject", "location", "description")
                    .with("scheduledstart", ColumnType.DATE_TIME)
                    .with("scheduledend", ColumnType.DATE_TIME)),
            activity("emails", "email", cols("subject", "sender", "torecipients", "description")
                    .with("actualend", ColumnType.DATE_TIME)));

    /** The set with this name, if the demo server serves it. */
    static Optional<EntitySet> named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst();
    }

    private static EntitySet activity(String name, String logical, Columns columns) {
        Map<String, Bind> binds = new LinkedHashMap<>();
        for (String target : List.of("account", "contact", "opportunity")) {
            binds.put("regardingobjectid_" + target + "_" + logical,
                    new Bind("_regardingobjectid_value", target.equals("opportunity") ? "opportunities" : target + "s"));
        }
        return set(name, logical, "activityid", columns.with("_regardingobjectid_value", ColumnType.LOOKUP), binds);
    }

    private static EntitySet set(String name, String logical, String key, Columns columns, Map<String, Bind> binds) {
        Map<String, Bind> allBinds = new LinkedHashMap<>(binds);
        allBinds.put("ownerid", new Bind(OWNER, "systemusers"));
        return new EntitySet(name, logical, key, Collections.unmodifiableMap(columns.map),
                Collections.unmodifiableMap(allBinds));
    }

    private static Columns cols(String... strings) {
        Columns columns = new Columns();
        Arrays.stream(strings).forEach(s -> columns.map.put(s, ColumnType.STRING));
        return columns;
    }

    /** A small builder so the table above reads as a list. */
    private static final class Columns {
        final Map<String, ColumnType> map = new LinkedHashMap<>();

        Columns with(String column, ColumnType type) {
            map.put(column, type);
            return this;
        }
    }
}
