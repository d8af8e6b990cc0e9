package dev.outpost.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.model.Field;
import dev.outpost.model.Record;

/**
 * Writes a profile's unsynced work to a JSON file a person can read and {@link UnsyncedImport} can re-import:
 * per change its type, local id, title, what happened, the changed fields with their labels, values and base
 * values, all its values now, and for an open conflict the user's side. Values are in the store's canonical form
 * (what validation accepts again; date-times in UTC). The file is written to a temporary file first and moved into
 * place, so it is either whole or not there.
 */
public final class UnsyncedExport {

    static final String FORMAT = "outpost-unsynced-changes";
    static final int VERSION = 1;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private UnsyncedExport() {
    }

    /**
     * What was written.
     *
     * @param file      the file, absolute
     * @param changes   how many changes it holds (open conflicts without a local edit included)
     * @param conflicts how many of them are in an open conflict
     * @param syncIssues how many open sync issues it lists for reference (they are not re-imported)
     */
    public record Written(Path file, int changes, int conflicts, int syncIssues) {
    }

    /**
     * Writes the store's unsynced work to {@code file}, replacing it if it exists.
     *
     * @throws StoreException when the file cannot be written; no partial file is left
     */
    public static Written write(OfflineStore store, Path file) {
        UnsyncedWork work = store.unsyncedWork();
        List<UnsyncedChange> changes = withConflictsAlone(work);
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("exportedAt", Instant.now().toString());
        root.put("profile", store.profile().path().toString());
        ProfileIdentity.read(store.profile()).ifPresent(identity -> {
            ObjectNode from = root.putObject("identity");
            from.put("crmUrl", identity.crmUrl().toString());
            from.put("user", identity.user());
            from.put("tenant", identity.tenant());
        });
        root.put("summary", work.summary());
        ArrayNode entries = root.putArray("changes");
        changes.forEach(change -> entries.add(entry(change)));
        ArrayNode issues = root.putArray("syncIssues");
        for (SyncIssue issue : work.syncIssues()) {
            ObjectNode node = issues.addObject();
            node.put("type", issue.type().id());
            node.put("localId", issue.recordId());
            node.put("kind", issue.kind());
            node.put("reason", issue.reason());
        }
        Path target = file.toAbsolutePath();
        writeAtomically(root, target);
        return new Written(target, changes.size(), (int) changes.stream().filter(c -> c.conflict().isPresent()).count(),
                work.openSyncIssues());
    }

    /** The changes, plus a change for each open conflict whose record is not among them, so no user side is left out. */
    private static List<UnsyncedChange> withConflictsAlone(UnsyncedWork work) {
        List<UnsyncedChange> all = new ArrayList<>(work.changes());
        Set<String> listed = all.stream().map(c -> c.record().id()).collect(Collectors.toSet());
        for (ConflictRow conflict : work.conflicts()) {
            if (listed.add(conflict.recordId())) {
                Optional<Map<String, String>> mine = conflict.localValues();
                Record record = new Record(conflict.recordId(), conflict.type(), mine.orElse(conflict.baseValues()), 0,
                        mine.isEmpty());
                all.add(new UnsyncedChange(record, mine.isPresent() ? UnsyncedChange.What.CHANGED
                        : UnsyncedChange.What.DELETED, conflict.baseValues(), Optional.of(conflict)));
            }
        }
        return all;
    }

    private static ObjectNode entry(UnsyncedChange change) {
        Record record = change.record();
        ObjectNode node = JSON.createObjectNode();
        node.put("type", record.type().id());
        node.put("localId", record.id());
        node.put("title", record.title());
        node.put("what", change.what().word());
        ArrayNode fields = node.putArray("changedFields");
        change.changedFields().forEach((name, value) -> {
            ObjectNode field = fields.addObject();
            field.put("field", name);
            field.put("label", record.type().field(name).map(Field::label).orElse(name));
            field.put("value", value);
            if (change.what() == UnsyncedChange.What.CHANGED) {
                field.put("base", change.base().getOrDefault(name, ""));
            }
        });
        ObjectNode values = node.putObject("values");
        record.values().forEach(values::put);
        change.conflict().ifPresent(conflict -> {
            ObjectNode c = node.putObject("conflict");
            c.put("kind", conflict.kind());
            ArrayNode both = c.putArray("fieldsChangedOnBothSides");
            conflict.fields().forEach(both::add);
            if (conflict.localValues().isPresent()) {
                ObjectNode yours = c.putObject("yourValues");
                conflict.localValues().get().forEach(yours::put);
            } else {
                c.putNull("yourValues"); // you deleted it
            }
        });
        return node;
    }

    private static void writeAtomically(ObjectNode root, Path target) {
        Path temp = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            WholeFile.write(temp, target, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the write failed already; that is what the user needs to hear about
            }
            throw new StoreException("Cannot write the unsynced changes to " + target + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "). Nothing was written; choose a folder you may write to.", e);
        }
    }
}
