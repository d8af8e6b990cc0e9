package dev.outpost.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Graph's error bodies: {@code {"error":{"code":…,"message":…,"innerError":{"date":…,"request-id":…,
 * "client-request-id":…}}}} (https://learn.microsoft.com/graph/errors). Codes are the ones Outlook's services
 * send where known; the ones marked unconfirmed below are our best guess.
 */
final class GraphErrors {

    static final String ITEM_NOT_FOUND = "ErrorItemNotFound";
    static final String INVALID_REQUEST = "ErrorInvalidRequest";
    static final String SYNC_STATE_NOT_FOUND = "syncStateNotFound";

    private GraphErrors() {
    }

    /** Thrown where a request is refused deep inside an operation; carries the answer. */
    static final class Refused extends RuntimeException {
        private final transient ApiResponse response;

        Refused(ApiResponse response) {
            super(null, null, false, false);
            this.response = response;
        }

        ApiResponse response() {
            return response;
        }
    }

    static Refused refuse(int status, String code, String message) {
        return new Refused(error(status, code, message));
    }

    static ApiResponse error(int status, String code, String message) {
        ObjectNode root = RowJson.JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        ObjectNode inner = error.putObject("innerError");
        inner.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""));
        String id = UUID.randomUUID().toString();
        inner.put("request-id", id);
        inner.put("client-request-id", id);
        return GraphJson.response(status, root);
    }

    static ApiResponse badRequest(String message) {
        return error(400, INVALID_REQUEST, message);
    }

    static ApiResponse notFound() {
        return error(404, ITEM_NOT_FOUND, "The specified object was not found in the store.");
    }

    static ApiResponse noRoute(String method, String path) {
        return error(400, "BadRequest", "Resource not found for the segment '" + path + "' (" + method
                + " is not part of the demo mailbox).");
    }

    static ApiResponse unauthorized(String why) {
        return error(401, "InvalidAuthenticationToken", why).withHeader("WWW-Authenticate", "Bearer");
    }

    static ApiResponse throttled(int retryAfterSeconds) {
        return error(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.")
                .withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }

    static ApiResponse unavailable() {
        return error(503, "ServiceNotAvailable", "The service is temporarily unavailable (demo fault).");
    }

    /** Graph's answer to an expired delta token, with where to start again. */
    static ApiResponse syncStateNotFound(String restartUrl) {
        return error(410, SYNC_STATE_NOT_FOUND,
                "The sync state generation is not found. The delta token is expired and data must be synchronized "
                        + "again.")
                .withHeader("Location", restartUrl);
    }
}
