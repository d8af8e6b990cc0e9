package dev.outpost.outlook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchRequestContentCollection;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import com.microsoft.kiota.serialization.ParseNodeFactoryRegistry;

import dev.outpost.sync.EndpointException;

import okhttp3.Response;

/**
 * Sends requests through Graph JSON batching ({@code POST /$batch}, at most 20 requests a batch, by the SDK's
 * {@link BatchRequestContentCollection}) and answers each by its own key. Parts answered 429, 503 or 504 are sent
 * again after their Retry-After (the SDK's retry middleware only sees the batch as a whole), up to three rounds and
 * as long as the wait stays under the settings' limit; then they keep that status.
 */
final class GraphBatch {

    private static final Logger LOG = LoggerFactory.getLogger(GraphBatch.class);
    private static final int ROUNDS = 3;

    /** One part's answer: its status, headers and body text. */
    record Answer(int status, Map<String, String> headers, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body read as a Graph model through the SDK's JSON parse nodes. */
        <T extends Parsable> T as(ParsableFactory<T> factory) {
            try {
                return ParseNodeFactoryRegistry.defaultInstance.getParseNode("application/json",
                        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).getObjectValue(factory);
            } catch (RuntimeException e) {
                throw new EndpointException("Outlook answered a request with something that is not the item it "
                        + "should be. Sync again later.", e);
            }
        }

        /** Graph's error message, or the status. */
        String error() {
            int at = body.indexOf("\"message\"");
            if (at >= 0) {
                int open = body.indexOf('"', body.indexOf(':', at) + 1);
                int close = open < 0 ? -1 : body.indexOf('"', open + 1);
                if (close > open) {
                    return body.substring(open + 1, close);
                }
            }
            return "HTTP " + status;
        }
    }

    /** Waits between retry rounds; tests replace it. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final GraphConnection connection;
    private final Sleeper sleeper;

    GraphBatch(GraphConnection connection, Sleeper sleeper) {
        this.connection = connection;
        this.sleeper = sleeper;
    }

    /** Sends every request and answers each, keyed as given. */
    <K> Map<K, Answer> send(Map<K, RequestInformation> requests) {
        Map<K, Answer> answers = new LinkedHashMap<>();
        Map<K, RequestInformation> pending = new LinkedHashMap<>(requests);
        for (int round = 1; !pending.isEmpty(); round++) {
            Map<K, Answer> got = sendOnce(pending);
            pending = new LinkedHashMap<>();
            Duration wait = Duration.ZERO;
            for (Map.Entry<K, Answer> entry : got.entrySet()) {
                Answer answer = entry.getValue();
                Duration after = retryAfter(answer);
                if (GraphConnection.RETRYABLE.contains(answer.status()) && round < ROUNDS
                        && after.compareTo(connection.settings().maxRetryWait()) <= 0) {
                    pending.put(entry.getKey(), requests.get(entry.getKey()));
                    wait = after.compareTo(wait) > 0 ? after : wait;
                } else {
                    answers.put(entry.getKey(), answer);
                }
            }
            if (!pending.isEmpty()) {
                LOG.info("Outlook throttled {} part(s) of a batch; trying them again in {} s", pending.size(),
                        wait.toSeconds());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EndpointException("The sync was stopped while Outlook asked it to wait.");
                }
            }
        }
        Map<K, Answer> ordered = new LinkedHashMap<>();
        requests.keySet().forEach(k -> ordered.put(k, answers.get(k)));
        return ordered;
    }

    private <K> Map<K, Answer> sendOnce(Map<K, RequestInformation> requests) {
        var client = connection.client();
        BatchRequestContentCollection collection = new BatchRequestContentCollection(client, 20);
        Map<String, K> keys = new HashMap<>();
        requests.forEach((key, request) -> keys.put(collection.addBatchRequestStep(request), key));
        Map<K, Answer> answers = new HashMap<>();
        try {
            for (BatchRequestContent content : collection.getBatchRequestsForExecution()) {
                BatchResponseContent response = client.getBatchRequestBuilder().post(content, OutlookItems.ERRORS);
                Map<String, Response> parts = response.getResponses();
                for (String id : content.getBatchRequestSteps().keySet()) {
                    Response part = parts.get(id);
                    answers.put(keys.get(id), part == null
                            ? new Answer(502, Map.of(), "{\"error\":{\"message\":\"Outlook left this request of the batch unanswered\"}}")
                            : answer(part));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new EndpointException("Outlook could not be reached to save changes (" + e.getMessage()
                    + "). Check the connection, then sync again.", e);
        }
        return answers;
    }

    private static Answer answer(Response part) throws IOException {
        Map<String, String> headers = new HashMap<>();
        part.headers().forEach(h -> headers.put(h.getFirst().toLowerCase(java.util.Locale.ROOT), h.getSecond()));
        String body = part.body() == null ? "" : part.body().string();
        return new Answer(part.code(), headers, body);
    }

    private static Duration retryAfter(Answer answer) {
        return Optional.ofNullable(answer.headers().get("retry-after")).map(v -> {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return Duration.ofSeconds(10);
            }
        }).orElse(Duration.ofSeconds(answer.status() == 429 ? 10 : 2));
    }
}
