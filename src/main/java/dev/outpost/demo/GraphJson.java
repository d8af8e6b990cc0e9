package dev.outpost.demo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON in and out of the demo mailbox: responses, Outlook-looking ids, change keys and ETags. */
final class GraphJson {

    static final String CONTENT_TYPE =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    private GraphJson() {
    }

    static ApiResponse response(int status, JsonNode body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put("OData-Version", "4.0");
        headers.put("Cache-Control", "private");
        return new ApiResponse(status, headers, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, Map.of("Cache-Control", "private"), new byte[0]);
    }

    /**
     * The body of a request as a JSON object.
     *
     * @throws IllegalArgumentException when it is not one
     */
    static ObjectNode body(ApiRequest request) {
        if (request.body().length == 0) {
            throw new IllegalArgumentException("A JSON body is required.");
        }
        try {
            JsonNode node = RowJson.JSON.readTree(request.body());
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The body is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("The body cannot be read.", e);
        }
        throw new IllegalArgumentException("The body must be a JSON object.");
    }

    /**
     * An id shaped like an Outlook immutable id (base64url, ending in '='), unique per UUID. Real ids are longer and
     * encode the mailbox; clients must treat them as opaque either way.
     */
    static String outlookId(String prefix, UUID uuid) {
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array()) + "AAA=";
    }

    /** A change key that changes with every write of the item: the store version, dressed like Outlook's. */
    static String changeKey(long version) {
        ByteBuffer bytes = ByteBuffer.allocate(20).putInt(0x09000000).putLong(0x4F5554504F5354L).putLong(version);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    static String etag(long version) {
        return "W/\"" + changeKey(version) + "\"";
    }
}
