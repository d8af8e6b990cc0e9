package dev.outpost.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.outpost.model.RecordType;

/**
 * A conflict kept whole until the user decides: the base both sides agreed on, this computer's values and
 * the endpoint's, so no edit is lost whatever is chosen.
 *
 * @param kind            what collided (the sync engine's {@code ConflictKind} name)
 * @param fields          the fields changed on both sides (empty for an update/delete conflict)
 * @param remoteValues    the endpoint's values, empty when it deleted the record
 * @param localValues     this computer's values, empty when it deleted the record
 */
public record ConflictRow(long id, String pair, String recordId, RecordType type, String kind, List<String> fields,
                          Map<String, String> baseValues, Optional<Map<String, String>> localValues,
                          Optional<Map<String, String>> remoteValues, String remoteId, String remoteVersion,
                          Instant localChangedAt, Instant remoteChangedAt, Instant detectedAt) {
}
