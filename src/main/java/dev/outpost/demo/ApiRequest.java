package dev.outpost.demo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One Web API request, whether it came over a socket or out of a {@code $batch} part.
 *
 * @param method  GET, PATCH, …
 * @param path    the path after {@code /api/data/v9.2/}, e.g. {@code contacts(…)}
 * @param query   the decoded query options in request order
 * @param headers the headers, names in lower case
 * @param body    the body, empty when none
 */
record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {

    static final String API_PATH = "/api/data/v9.2/";

    /** Builds a request from a target such as {@code /api/data/v9.2/contacts?$select=a} or {@code contacts?…}. */
    static ApiRequest of(String method, String target, Map<String, String> headers, byte[] body) {
        String pathAndQuery = target;
        int api = pathAndQuery.indexOf(API_PATH);
        if (api >= 0) {
            pathAndQuery = pathAndQuery.substring(api + API_PATH.length());
        } else if (pathAndQuery.startsWith("/")) {
            pathAndQuery = pathAndQuery.substring(1);
        }
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, String> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                query.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return new ApiRequest(method.toUpperCase(Locale.ROOT), decode(path), query, lower, body);
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The value of one preference in the {@code Prefer} header(s), e.g. {@code odata.maxpagesize} → "500". */
    Optional<String> preference(String name) {
        String prefer = headers.get("prefer");
        if (prefer == null) {
            return Optional.empty();
        }
        for (String part : prefer.split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            String key = eq < 0 ? p : p.substring(0, eq).trim();
            if (key.equalsIgnoreCase(name)) {
                return Optional.of(eq < 0 ? "" : p.substring(eq + 1).trim().replace("\"", ""));
            }
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
