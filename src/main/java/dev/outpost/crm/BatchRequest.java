package dev.outpost.crm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An OData {@code $batch} body ({@code multipart/mixed}) with one change set per request, so one failed write
 * does not roll back the others. CRLF line ends, parts {@code application/http} with binary transfer encoding.
 */
final class BatchRequest {

    /**
     * One request of the batch.
     *
     * @param method  PATCH or DELETE
     * @param url     the absolute URL
     * @param headers the request's own headers (conditions, Prefer)
     * @param json    the JSON body, or null
     */
    record Part(String method, String url, Map<String, String> headers, String json) {
        Part {
            headers = new LinkedHashMap<>(headers);
        }
    }

    private final String boundary = "batch_" + UUID.randomUUID();
    private final List<Part> parts = new ArrayList<>();

    void add(Part part) {
        parts.add(part);
    }

    int size() {
        return parts.size();
    }

    String contentType() {
        return "multipart/mixed; boundary=" + boundary;
    }

    String body() {
        StringBuilder out = new StringBuilder();
        int contentId = 1;
        for (Part part : parts) {
            String changeSet = "changeset_" + UUID.randomUUID();
            out.append("--").append(boundary).append("\r\n")
                    .append("Content-Type: multipart/mixed; boundary=").append(changeSet).append("\r\n\r\n")
                    .append("--").append(changeSet).append("\r\n")
                    .append("Content-Type: application/http\r\n")
                    .append("Content-Transfer-Encoding: binary\r\n")
                    .append("Content-ID: ").append(contentId++).append("\r\n\r\n")
                    .append(part.method()).append(' ').append(part.url()).append(" HTTP/1.1\r\n");
            part.headers().forEach((k, v) -> out.append(k).append(": ").append(v).append("\r\n"));
            if (part.json() != null) {
                out.append("Content-Type: application/json; type=entry\r\n\r\n").append(part.json()).append("\r\n");
            } else {
                out.append("\r\n");
            }
            out.append("--").append(changeSet).append("--\r\n");
        }
        out.append("--").append(boundary).append("--\r\n");
        return out.toString();
    }
}
