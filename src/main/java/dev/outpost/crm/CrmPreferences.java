package dev.outpost.crm;

/** The {@code Prefer} header values the connector sends. */
final class CrmPreferences {

    /** Lookup targets of polymorphic lookups ({@code regardingobjectid}) come only when asked for. */
    static final String ANNOTATIONS = "odata.include-annotations=\"Microsoft.Dynamics.CRM.lookuplogicalname\"";

    private CrmPreferences() {
    }

    /** For every page of a change feed. */
    static String tracking(CrmConnection connection) {
        return "odata.track-changes, odata.maxpagesize=" + connection.pageSize() + ", " + ANNOTATIONS;
    }

    /** For a plain listing or a single-row read. */
    static String plain(CrmConnection connection) {
        return "odata.maxpagesize=" + connection.pageSize() + ", " + ANNOTATIONS;
    }

    /** For a write whose new version we want back. */
    static String write() {
        return "return=representation, " + ANNOTATIONS;
    }
}
