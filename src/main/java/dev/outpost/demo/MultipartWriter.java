package dev.outpost.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes an OData {@code $batch} response: one part per request or change set, in request order, CRLF line ends. */
final class MultipartWriter {

    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"), Map.entry(201, "Created"),
            Map.entry(204, "No Content"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(412, "Precondition Failed"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(503, "Service Unavailable"));

    private final String boundary = "batchresponse_" + UUID.randomUUID();
    private final StringBuilder out = new StringBuilder();

    String contentType() {
        return "multipart/mixed; boundary=" + boundary;
    }

    /** One response outside a change set (or the failure that ended a change set), with its Content-ID if any. */
    void response(ApiResponse response, String contentId) {
        out.append("--").append(boundary).append("\r\n");
        http(out, response, contentId);
    }

    /** The responses of a committed change set, paired with their Content-IDs. */
    void changeSet(List<ApiResponse> responses, List<String> contentIds) {
        String inner = "changesetresponse_" + UUID.randomUUID();
        out.append("--").append(boundary).append("\r\n")
                .append("Content-Type: multipart/mixed; boundary=").append(inner).append("\r\n\r\n");
        for (int i = 0; i < responses.size(); i++) {
            out.append("--").append(inner).append("\r\n");
            http(out, responses.get(i), contentIds.get(i));
        }
        out.append("--").append(inner).append("--\r\n");
    }

    byte[] finish() {
        out.append("--").append(boundary).append("--\r\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void http(StringBuilder out, ApiResponse response, String contentId) {
        out.append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n");
        if (contentId != null) {
            out.append("Content-ID: ").append(contentId).append("\r\n");
        }
        out.append("\r\nHTTP/1.1 ").append(response.status()).append(' ')
                .append(REASONS.getOrDefault(response.status(), "Status")).append("\r\n");
        response.headers().forEach((k, v) -> out.append(k).append(": ").append(v).append("\r\n"));
        out.append("\r\n");
        if (response.body().length > 0) {
            out.append(new String(response.body(), StandardCharsets.UTF_8)).append("\r\n");
        }
    }
}
