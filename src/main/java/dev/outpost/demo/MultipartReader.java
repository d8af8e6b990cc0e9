package dev.outpost.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code multipart/mixed} bodies of OData {@code $batch} requests: the parts between boundary lines,
 * each with its MIME headers, and the HTTP request inside an {@code application/http} part. Accepts CRLF and
 * bare LF line ends.
 */
final class MultipartReader {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    /**
     * One MIME part.
     *
     * @param headers the part's headers, names in lower case
     * @param content the text after the headers' blank line
     */
    record Part(Map<String, String> headers, String content) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private MultipartReader() {
    }

    /** The boundary named in a {@code Content-Type} header, if it is a multipart one. */
    static Optional<String> boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
            return Optional.empty();
        }
        Matcher m = BOUNDARY.matcher(contentType);
        return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
    }

    /** The parts of a multipart body; text before the first and after the closing boundary is ignored. */
    static List<Part> parts(String body, String boundary) {
        String delimiter = "--" + boundary;
        List<Part> parts = new ArrayList<>();
        int at = body.startsWith(delimiter) ? 0 : body.indexOf("\n" + delimiter);
        while (at >= 0) {
            int lineStart = body.charAt(at) == '\n' ? at + 1 : at;
            int afterDelimiter = lineStart + delimiter.length();
            if (body.startsWith("--", afterDelimiter)) {
                break;
            }
            int contentStart = body.indexOf('\n', afterDelimiter);
            if (contentStart < 0) {
                break;
            }
            int next = body.indexOf("\n" + delimiter, contentStart);
            int end = next < 0 ? body.length() : next;
            if (end > contentStart && body.charAt(end - 1) == '\r') {
                end--;
            }
            parts.add(part(body.substring(contentStart + 1, Math.max(contentStart + 1, end))));
            at = next;
        }
        return parts;
    }

    /** The HTTP request inside an {@code application/http} part. */
    static ApiRequest request(Part part) {
        String text = part.content();
        int headEnd = blankLine(text);
        String head = headEnd < 0 ? text : text.substring(0, headEnd);
        String body = headEnd < 0 ? "" : text.substring(skipBlank(text, headEnd));
        String[] lines = head.split("\r?\n");
        String[] requestLine = lines[0].trim().split(" ");
        Map<String, String> headers = headers(lines, 1);
        return ApiRequest.of(requestLine[0], requestLine.length > 1 ? requestLine[1] : "", headers,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static Part part(String text) {
        int headEnd = blankLine(text);
        if (headEnd < 0) {
            return new Part(headers(text.split("\r?\n"), 0), "");
        }
        return new Part(headers(text.substring(0, headEnd).split("\r?\n"), 0), text.substring(skipBlank(text, headEnd)));
    }

    private static Map<String, String> headers(String[] lines, int from) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = from; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }

    /** Where the first empty line starts (the end of the headers), or -1. */
    private static int blankLine(String text) {
        if (text.startsWith("\r\n") || text.startsWith("\n")) {
            return 0;
        }
        int crlf = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        int found = crlf < 0 ? lf : lf < 0 ? crlf : Math.min(crlf, lf);
        return found < 0 ? -1 : found + (text.charAt(found) == '\r' ? 2 : 1);
    }

    private static int skipBlank(String text, int blank) {
        return text.startsWith("\r\n", blank) ? blank + 2 : blank + 1;
    }
}
