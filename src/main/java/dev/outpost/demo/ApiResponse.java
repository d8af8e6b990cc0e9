package dev.outpost.demo;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Web API response, written to a socket or into a {@code $batch} response part.
 *
 * @param status  the HTTP status
 * @param headers the headers to send besides Content-Length
 * @param body    the body, empty when none
 */
record ApiResponse(int status, Map<String, String> headers, byte[] body) {

    static final String JSON = "application/json; odata.metadata=minimal";

    static ApiResponse json(int status, String json) {
        return json(status, json.getBytes(StandardCharsets.UTF_8));
    }

    static ApiResponse json(int status, byte[] json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        headers.put("OData-Version", "4.0");
        return new ApiResponse(status, headers, json);
    }

    static ApiResponse noContent() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("OData-Version", "4.0");
        return new ApiResponse(204, headers, new byte[0]);
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, copy, body);
    }

    boolean failed() {
        return status >= 400;
    }
}
