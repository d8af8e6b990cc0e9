package dev.outpost.crm;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.outpost.model.RecordType;
import dev.outpost.sync.EndpointException;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.WriteOutcome;

/**
 * Sends writes as {@code POST $batch} requests of at most the connection's batch size, one change set per write
 * and {@code Prefer: odata.continue-on-error}, so every write gets its own answer, in order. A whole batch that
 * fails in transit is retried by the {@link WebApiClient}; conditional writes make that replay harmless.
 */
final class BatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final WebApiClient client;
    private final RowQueries queries;
    private final ReferenceTargets targets;

    BatchWriter(WebApiClient client, RowQueries queries, ReferenceTargets targets) {
        this.client = client;
        this.queries = queries;
        this.targets = targets;
    }

    List<WriteOutcome> write(RecordType type, List<RemoteWrite> writes) {
        EntityMapping mapping = EntityMapping.of(type);
        ConditionalWrite conditional = new ConditionalWrite(mapping, new RowWriter(mapping, this::regardingTarget),
                client.connection().apiUrl().toString());
        List<WriteOutcome> outcomes = new ArrayList<>();
        int size = client.connection().batchSize();
        for (int from = 0; from < writes.size(); from += size) {
            List<ConditionalWrite.Planned> planned = writes.subList(from, Math.min(writes.size(), from + size)).stream()
                    .map(conditional::plan).toList();
            try {
                outcomes.addAll(send(type, conditional, planned));
            } catch (EndpointException e) {
                if (outcomes.isEmpty()) {
                    throw e;
                }
                // Earlier batches went through: answer them, and the rest as failures to try again.
                LOG.warn("A batch of {} changes failed after {} were answered: {}", type.plural(), outcomes.size(),
                        e.getMessage());
                while (outcomes.size() < writes.size()) {
                    outcomes.add(new WriteOutcome.Failed(e.getMessage(), true));
                }
                return outcomes;
            }
        }
        return outcomes;
    }

    private List<WriteOutcome> send(RecordType type, ConditionalWrite conditional, List<ConditionalWrite.Planned> planned) {
        BatchRequest batch = new BatchRequest();
        planned.stream().filter(p -> p.part() != null).forEach(p -> batch.add(p.part()));
        List<CrmResponse> answers = batch.size() == 0 ? List.of() : post(type, batch);
        List<WriteOutcome> outcomes = new ArrayList<>();
        int answer = 0;
        for (ConditionalWrite.Planned p : planned) {
            if (p.part() == null) {
                outcomes.add(p.decided());
                continue;
            }
            if (answer >= answers.size()) {
                outcomes.add(new WriteOutcome.Failed("The CRM stopped before this change. It will be tried again.", true));
                continue;
            }
            CrmResponse response = answers.get(answer++);
            if (conditional.next(p, response) == ConditionalWrite.Next.READ_BACK) {
                outcomes.add(readBack(type, p.id()));
            } else {
                outcomes.add(conditional.outcome(p, response));
            }
        }
        return outcomes;
    }

    private List<CrmResponse> post(RecordType type, BatchRequest batch) {
        URI uri = client.connection().apiUrl().resolve("$batch");
        CrmResponse response = client.send("POST", uri, Map.of("Prefer", "odata.continue-on-error"),
                batch.contentType(), batch.body());
        if (!response.ok()) {
            throw new EndpointException("The CRM refused a batch of " + type.pluralLabel().toLowerCase(Locale.ROOT)
                    + " changes: "
                    + response.errorMessage());
        }
        try {
            return BatchResponse.parse(response.header("Content-Type").orElse(null), response.body());
        } catch (IllegalArgumentException e) {
            LOG.warn("Unreadable $batch response for {}: {}", type.plural(), e.getMessage());
            throw new EndpointException("The CRM's answer to a batch of " + type.pluralLabel().toLowerCase(Locale.ROOT)
                    + " changes could not be read. Sync again; changes already made are recognized.");
        }
    }

    /** A create met a row with its own GUID: an earlier try made it, so answer that row's id and version. */
    private WriteOutcome readBack(RecordType type, String id) {
        Optional<RemoteRecord> row = queries.fetch(type, id);
        return row.<WriteOutcome>map(r -> new WriteOutcome.Written(r.remoteId(), r.version()))
                .orElseGet(() -> new WriteOutcome.Failed("The CRM reported the new record as existing but cannot "
                        + "find it. It will be tried again.", true));
    }

    /** The logical name of a regarding target: learned from reads, else found by asking each possible set. */
    private Optional<String> regardingTarget(String id) {
        Optional<String> known = targets.logicalOf(id);
        if (known.isPresent()) {
            return known;
        }
        for (RecordType candidate : List.of(RecordType.ACCOUNT, RecordType.CONTACT, RecordType.OPPORTUNITY)) {
            EntityMapping mapping = EntityMapping.of(candidate);
            CrmResponse response = client.send("GET", client.connection().apiUrl().resolve(mapping.set() + "(" + id
                    + ")?$select=" + mapping.key()), Map.of());
            if (response.ok()) {
                targets.learn(id, mapping.logical());
                return Optional.of(mapping.logical());
            }
        }
        return Optional.empty();
    }
}
