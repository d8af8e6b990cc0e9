package dev.outpost.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OData error bodies the demo server answers with, shaped {@code {"error":{"code":…,"message":…}}}
 * with Dataverse's codes where Dataverse has one.
 */
final class ODataErrors {

    static final String STALE_ROW_VERSION = "0x80060882";
    static final String NOT_FOUND = "0x80040217";
    static final String DUPLICATE = "0x80040237";
    static final String BAD_PROPERTY = "0x80060888";
    static final String BAD_VALUE = "0x80048d19";
    static final String EXPIRED_VERSION_STAMP = "0x80044352";
    static final String THROTTLED = "0x80072322";
    static final String UNAUTHORIZED = "0x80072560";
    static final String UNAVAILABLE = "0x80040216";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ODataErrors() {
    }

    static ApiResponse error(int status, String code, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return ApiResponse.json(status, root.toString());
    }

    static ApiResponse badRequest(String message) {
        return error(400, BAD_PROPERTY, message);
    }

    static ApiResponse notFound(EntitySet set, String id) {
        return error(404, NOT_FOUND, set.logical() + " With Id = " + id + " Does Not Exist");
    }

    static ApiResponse stale() {
        return error(412, STALE_ROW_VERSION,
                "The version of the existing record doesn't match the RowVersion property provided.");
    }

    static ApiResponse exists() {
        return error(412, DUPLICATE, "A record with matching key values already exists.");
    }

    static ApiResponse unauthorized(String why) {
        return error(401, UNAUTHORIZED, why).withHeader("WWW-Authenticate", "Bearer");
    }

    static ApiResponse throttled(int retryAfterSeconds) {
        return error(429, THROTTLED, "Number of requests exceeded the limit of 6000 over time window of 300 seconds.")
                .withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }

    static ApiResponse unavailable() {
        return error(503, UNAVAILABLE, "The service is temporarily unavailable (demo fault).");
    }
}
