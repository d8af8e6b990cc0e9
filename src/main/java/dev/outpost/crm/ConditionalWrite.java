package dev.outpost.crm;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.WriteOutcome;

/**
 * One {@link RemoteWrite} as a conditional Dataverse request, and its answer as a {@link WriteOutcome}:
 * <ul>
 * <li>create: {@code PATCH <set>(<client GUID>)} with {@code If-None-Match: *}, so a replay cannot make a second row
 *     (its {@code 412} means the row is already ours);</li>
 * <li>update: {@code PATCH} with {@code If-Match: W/"<version>"}, explicit nulls for cleared fields;
 *     {@code 412} is "remote changed", {@code 404} on the row itself "remote gone";</li>
 * <li>delete: {@code DELETE} with {@code If-Match}; {@code 404} is "already deleted".</li>
 * </ul>
 * A {@code 404} naming another row is a reference to a missing record, not a missing row.
 */
final class ConditionalWrite {

    /** What to do with the answer. */
    enum Next {
        /** The outcome is final. */
        DONE,
        /** A replayed create: read the row's version to answer {@link WriteOutcome.Written}. */
        READ_BACK
    }

    /**
     * The write as a request, or an outcome decided without asking the server.
     *
     * @param id      the row's GUID
     * @param part    the request, or null when {@code decided} is set
     * @param decided the outcome known without a request (a value the CRM could not take)
     */
    record Planned(RemoteWrite write, String id, BatchRequest.Part part, WriteOutcome decided) {
    }

    private final EntityMapping mapping;
    private final RowWriter writer;
    private final String apiUrl;

    ConditionalWrite(EntityMapping mapping, RowWriter writer, String apiUrl) {
        this.mapping = mapping;
        this.writer = writer;
        this.apiUrl = apiUrl;
    }

    Planned plan(RemoteWrite write) {
        try {
            return switch (write) {
                case RemoteWrite.Create create -> {
                    String id = RowQueries.guidOfClientId(create.clientId());
                    yield planned(write, id, "PATCH", Map.of("If-None-Match", "*"),
                            writer.body(create.values(), false).toString());
                }
                case RemoteWrite.Update update -> {
                    Optional<String> id = RowQueries.guid(update.remoteId());
                    if (id.isEmpty()) {
                        yield new Planned(write, update.remoteId(), null, new WriteOutcome.RemoteGone());
                    }
                    yield planned(write, id.get(), "PATCH", Map.of("If-Match", etag(update.expectedVersion())),
                            writer.body(update.values(), true).toString());
                }
                case RemoteWrite.Delete delete -> {
                    Optional<String> id = RowQueries.guid(delete.remoteId());
                    if (id.isEmpty()) {
                        yield new Planned(write, delete.remoteId(), null, new WriteOutcome.Deleted());
                    }
                    yield planned(write, id.get(), "DELETE", Map.of("If-Match", etag(delete.expectedVersion())), null);
                }
            };
        } catch (RowWriter.InvalidValue e) {
            return new Planned(write, null, null, new WriteOutcome.Failed(e.getMessage()
                    + ". Correct it in Outpost, then sync again.", false));
        }
    }

    private Planned planned(RemoteWrite write, String id, String method, Map<String, String> condition, String json) {
        Map<String, String> headers = new LinkedHashMap<>(condition);
        String url = apiUrl + mapping.set() + "(" + id + ")";
        if (json != null) {
            headers.put("Prefer", CrmPreferences.write());
            url += "?$select=" + mapping.key() + "," + EntityMapping.VERSION;
        }
        return new Planned(write, id, new BatchRequest.Part(method, url, headers, json), null);
    }

    /** The outcome of one answer; a replayed create needs {@link #next} to be READ_BACK first. */
    WriteOutcome outcome(Planned planned, CrmResponse response) {
        int status = response.status();
        RemoteWrite write = planned.write();
        if (status >= 200 && status < 300) {
            if (write instanceof RemoteWrite.Delete) {
                return new WriteOutcome.Deleted();
            }
            return version(response).<WriteOutcome>map(v -> new WriteOutcome.Written(planned.id(), v))
                    .orElseGet(() -> new WriteOutcome.Failed("The CRM saved the change but did not say its new version. "
                            + "Sync again to pick it up.", true));
        }
        if (status == 412) {
            return new WriteOutcome.RemoteChanged();
        }
        if (status == 404 && namesThisRow(response, planned.id())) {
            return write instanceof RemoteWrite.Delete ? new WriteOutcome.Deleted() : new WriteOutcome.RemoteGone();
        }
        if (status == 404) {
            return new WriteOutcome.Failed("It refers to a record that no longer exists in the CRM ("
                    + response.errorMessage() + "). Change the reference, then sync again.", false);
        }
        if (status == 401) {
            return new WriteOutcome.Failed("The CRM did not accept your sign-in. Sign in again, then sync.", true);
        }
        if (status == 429 || status >= 500) {
            return new WriteOutcome.Failed("The CRM could not take the change now (" + response.errorMessage()
                    + "). It will be tried again.", true);
        }
        return new WriteOutcome.Failed("The CRM refused the change: " + response.errorMessage(), false);
    }

    /** Whether the answer needs a read of the row: a create that met a row with its GUID, i.e. its own replay. */
    Next next(Planned planned, CrmResponse response) {
        return planned.write() instanceof RemoteWrite.Create && response.status() == 412 ? Next.READ_BACK : Next.DONE;
    }

    private static Optional<String> version(CrmResponse response) {
        if (!response.body().isBlank()) {
            try {
                JsonNode row = Json.MAPPER.readTree(response.body());
                String version = RowReader.version(row);
                if (version != null) {
                    return Optional.of(version);
                }
            } catch (Exception e) {
                // fall back to the header
            }
        }
        return response.header("ETag").map(RowReader::versionOfEtag);
    }

    /** A 404 names the row itself, or no row at all (then it can only be the row). */
    private static boolean namesThisRow(CrmResponse response, String id) {
        String message = response.errorMessage().toLowerCase(Locale.ROOT);
        boolean namesAnyGuid = message.matches("(?s).*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*");
        return !namesAnyGuid || message.contains(id.toLowerCase(Locale.ROOT));
    }

    private static String etag(String version) {
        String v = version.trim();
        return v.startsWith("W/") || v.startsWith("\"") ? v : "W/\"" + v + "\"";
    }
}
