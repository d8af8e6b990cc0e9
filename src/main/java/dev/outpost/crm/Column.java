package dev.outpost.crm;

/**
 * One Outpost field and the Dataverse column it travels in (see {@code docs/crm-mapping.md}).
 *
 * @param field      the Outpost field name
 * @param column     the column read ({@code _x_value} for a lookup)
 * @param kind       how the value is converted
 * @param navigation the navigation property a lookup is written through ({@code parentcustomerid_account});
 *                   for a regarding lookup the part before the target, {@code regardingobjectid}
 */
record Column(String field, String column, Kind kind, String navigation) {

    /** How a value is converted between the wire and Outpost's canonical text. */
    enum Kind {
        /** JSON string, kept as is (length checked against the field). */
        TEXT,
        /** JSON true/false ↔ "true"/"false". */
        BOOLEAN,
        /** JSON number ↔ two decimals. */
        MONEY,
        /** JSON integer 0–100 ↔ "42". */
        PERCENT,
        /** {@code yyyy-MM-dd} ↔ the same. */
        DATE,
        /** DateTimeOffset; Outpost keeps the UTC date, writes midnight UTC. */
        DATE_AS_DATE_TIME,
        /** DateTimeOffset ↔ {@code Instant.toString()} in UTC. */
        DATE_TIME,
        /** prioritycode 0/1/2 ↔ low/normal/high. */
        PRIORITY,
        /** statecode 0 open, 1 completed, 2 canceled ↔ done false/true/false. */
        DONE,
        /** A lookup to one entity set. */
        LOOKUP,
        /** The polymorphic regarding lookup of an activity. */
        REGARDING
    }

    static Column of(String field, String column, Kind kind) {
        return new Column(field, column, kind, null);
    }

    static Column lookup(String field, String column, String navigation) {
        return new Column(field, column, Kind.LOOKUP, navigation);
    }

    static Column regarding() {
        return new Column("regardingId", "_regardingobjectid_value", Kind.REGARDING, "regardingobjectid");
    }

    /** The annotation that names a lookup's target entity. */
    String lookupNameAnnotation() {
        return column + "@Microsoft.Dynamics.CRM.lookuplogicalname";
    }
}
