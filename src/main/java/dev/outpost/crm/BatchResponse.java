package dev.outpost.crm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an OData {@code $batch} response: one entry per change set or request, in request order. A committed
 * change set is a nested multipart holding its responses; a failed one holds only the failure. Accepts CRLF and
 * bare LF line ends.
 */
final class BatchResponse {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";,\\s]+)\"?", Pattern.CASE_INSENSITIVE);

    private BatchResponse() {
    }

    /** The boundary of a {@code multipart/mixed} content type. */
    static Optional<String> boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("multipart/mixed")) {
            return Optional.empty();
        }
        Matcher m = BOUNDARY.matcher(contentType);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * The first response of each top-level part, in order (each change set holds one request).
     *
     * @throws IllegalArgumentException when the body is not a multipart with that boundary
     */
    static List<CrmResponse> parse(String contentType, String body) {
        String boundary = boundary(contentType)
                .orElseThrow(() -> new IllegalArgumentException("not a multipart/mixed response"));
        List<CrmResponse> responses = new ArrayList<>();
        for (MimePart part : parts(body, boundary)) {
            Optional<String> inner = boundary(part.headers().get("content-type"));
            if (inner.isPresent()) {
                List<MimePart> members = parts(part.content(), inner.get());
                if (members.isEmpty()) {
                    throw new IllegalArgumentException("an empty change set response");
                }
                responses.add(http(members.getFirst().content()));
            } else {
                responses.add(http(part.content()));
            }
        }
        return responses;
    }

    private record MimePart(Map<String, String> headers, String content) {
    }

    private static List<MimePart> parts(String body, String boundary) {
        String delimiter = "--" + boundary;
        List<MimePart> parts = new ArrayList<>();
        String[] chunks = body.split("(?:\r?\n|^)" + Pattern.quote(delimiter), -1);
        for (int i = 1; i < chunks.length; i++) {
            String chunk = chunks[i];
            if (chunk.startsWith("--")) {
                break; // the closing delimiter
            }
            int lineEnd = chunk.indexOf('\n');
            if (lineEnd < 0) {
                continue;
            }
            String rest = chunk.substring(lineEnd + 1);
            int blank = blankLine(rest);
            Map<String, String> headers = headers(blank < 0 ? rest : rest.substring(0, blank));
            parts.add(new MimePart(headers, blank < 0 ? "" : rest.substring(afterBlank(rest, blank))));
        }
        return parts;
    }

    /** The HTTP response inside an {@code application/http} part. */
    static CrmResponse http(String text) {
        int blank = blankLine(text);
        String head = blank < 0 ? text : text.substring(0, blank);
        String body = blank < 0 ? "" : text.substring(afterBlank(text, blank)).strip();
        String[] lines = head.split("\r?\n", 2);
        String[] status = lines[0].trim().split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/")) {
            throw new IllegalArgumentException("a batch part without an HTTP status line");
        }
        int code;
        try {
            code = Integer.parseInt(status[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a batch part with an unreadable status");
        }
        return new CrmResponse(code, lines.length > 1 ? headers(lines[1]) : Map.of(), body);
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static int blankLine(String text) {
        if (text.startsWith("\r\n") || text.startsWith("\n")) {
            return 0;
        }
        int crlf = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        int found = crlf < 0 ? lf : lf < 0 ? crlf : Math.min(crlf, lf);
        return found < 0 ? -1 : found + (text.charAt(found) == '\r' ? 2 : 1);
    }

    private static int afterBlank(String text, int blank) {
        return text.startsWith("\r\n", blank) ? blank + 2 : blank + 1;
    }
}
