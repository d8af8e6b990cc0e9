package dev.outpost.crm;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Web API response, from the socket or from a {@code $batch} part.
 *
 * @param status  the HTTP status
 * @param headers the headers, names in lower case (several values joined with a comma)
 * @param body    the body text, empty when none
 */
record CrmResponse(int status, Map<String, String> headers, String body) {

    private static final Pattern LITERAL = Pattern.compile("(?i)(literal\\s+)'[^']*'");

    CrmResponse {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.merge(k.toLowerCase(Locale.ROOT), v, (a, b) -> a + "," + b));
        headers = lower;
        body = body == null ? "" : body;
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }

    /**
     * The OData error's message ({@code {"error":{"message":…}}}), or the status when the body has none. Dataverse
     * echoes a rejected value as {@code the literal '…'}; that value is cut out, so messages and logs never hold one.
     */
    String errorMessage() {
        return errorField("message").map(m -> LITERAL.matcher(m).replaceAll("$1'…'")).orElse("HTTP " + status);
    }

    /** The OData error's code, e.g. {@code 0x80040217}, if the body has one. */
    Optional<String> errorCode() {
        return errorField("code");
    }

    private Optional<String> errorField(String field) {
        try {
            JsonNode error = Json.MAPPER.readTree(body).path("error").path(field);
            return error.isTextual() && !error.asText().isBlank() ? Optional.of(error.asText()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
