package dev.outpost.outlook;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.kiota.RequestHeaders;

/**
 * The {@code Prefer} header of a Graph request, as one comma-separated value (RFC 7240 allows that). One value
 * rather than several headers because the SDK writes a batch part's headers as a JSON object, where a second
 * {@code Prefer} would be a duplicate key. <em>Unconfirmed</em>: Graph's docs only show one preference per header;
 * RFC 7240 section 2 allows the list form.
 */
record GraphPrefer(String value) {

    /** Immutable ids and the page size: every request. */
    static GraphPrefer common(int pageSize) {
        return of(pageSize, false);
    }

    /** Plus UTC times and text bodies, for events and messages. */
    static GraphPrefer of(int pageSize, boolean outlookItem) {
        List<String> parts = new ArrayList<>(List.of("IdType=\"ImmutableId\"", "odata.maxpagesize=" + pageSize));
        if (outlookItem) {
            parts.add("outlook.timezone=\"UTC\"");
            parts.add("outlook.body-content-type=\"text\"");
        }
        return new GraphPrefer(String.join(", ", parts));
    }

    /** Sets the header on a request configuration, replacing any earlier value. */
    void applyTo(RequestHeaders headers) {
        headers.remove("Prefer");
        headers.add("Prefer", value);
    }
}
