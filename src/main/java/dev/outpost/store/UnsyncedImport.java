package dev.outpost.store;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.model.Validation.ValidationResult;
import dev.outpost.store.ImportSummary.Outcome;

/**
 * Re-imports a file written by {@link UnsyncedExport} as local edits, which the next sync sends. Each entry is
 * applied on its own: a bad entry is reported and the others still import. Records keep their local id, which is
 * what makes a second import of the same file change nothing:
 * <ul>
 * <li>created: a new record with that id and the values; if the id is here already with the same values it is
 *     skipped as imported before; with other values, or deleted here, it is skipped and left as it is (named in
 *     the summary, so nothing is dropped silently);</li>
 * <li>changed: the changed fields are applied to the record with that id; when it is not here, a new record with
 *     that id holds all the entry's values; when it is deleted here, it is skipped;</li>
 * <li>deleted: the record with that id is deleted; when it is not here or deleted already, nothing is to do.</li>
 * </ul>
 * Every value goes through the model's validation, as a value typed in the window would.
 */
public final class UnsyncedImport {

    private static final Pattern LOCAL_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final OfflineStore store;
    private final Validation validation = Validation.inSystemZone();

    private UnsyncedImport(OfflineStore store) {
        this.store = store;
    }

    /**
     * Imports the file into the store.
     *
     * @throws StoreException when the file cannot be read or is not an export of a version this Outpost knows;
     *                        nothing is imported then
     */
    public static ImportSummary read(OfflineStore store, Path file) {
        JsonNode root;
        try {
            root = UnsyncedExport.JSON.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new StoreException("There is no file " + file + ". Give the file 'outpost export-unsynced' wrote.", e);
        } catch (JsonProcessingException e) {
            throw new StoreException(file + " is not a JSON file (" + e.getOriginalMessage() + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + "). Nothing was imported.", e);
        } catch (IOException e) {
            throw new StoreException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !UnsyncedExport.FORMAT.equals(root.path("format").asText())) {
            throw new StoreException(file + " is not a file of unsynced changes written by Outpost (its \"format\" is not \""
                    + UnsyncedExport.FORMAT + "\"). Nothing was imported.");
        }
        if (root.path("version").asInt(-1) != UnsyncedExport.VERSION) {
            throw new StoreException(file + " has version " + root.path("version") + "; this Outpost reads version "
                    + UnsyncedExport.VERSION + ". Import it with the Outpost that wrote it, or a newer one. Nothing was imported.");
        }
        if (!root.path("changes").isArray()) {
            throw new StoreException(file + " has no list of \"changes\". Nothing was imported.");
        }
        UnsyncedImport importer = new UnsyncedImport(store);
        List<ImportSummary.Entry> entries = new ArrayList<>();
        int number = 0;
        for (JsonNode node : root.path("changes")) {
            number++;
            entries.add(importer.entry(number, node));
        }
        return new ImportSummary(entries);
    }

    private ImportSummary.Entry entry(int number, JsonNode node) {
        String id = node.path("localId").asText("");
        String name = node.path("type").asText("?") + " '" + node.path("title").asText("") + "'"
                + (id.length() >= 8 ? " (" + id.substring(0, 8) + ")" : "");
        try {
            RecordType type = RecordType.parse(node.path("type").asText(""));
            if (!LOCAL_ID.matcher(id).matches()) {
                return failed(number, name, "its \"localId\" '" + id + "' is not a record id; correct the file");
            }
            id = id.toLowerCase(Locale.ROOT);
            return switch (node.path("what").asText("")) {
                case "created" -> created(number, name, type, id, values(node.path("values")));
                case "changed" -> changed(number, name, type, id, node);
                case "deleted" -> deleted(number, name, id);
                default -> failed(number, name, "\"what\" is '" + node.path("what").asText("")
                        + "'; expected created, changed or deleted");
            };
        } catch (IllegalArgumentException e) {
            return failed(number, name, e.getMessage() + " Correct the entry and import the file again");
        } catch (InvalidRecordException e) {
            return failed(number, name, "not imported: " + e.getMessage().replaceFirst("^The \\w+ was not saved: ", "")
                    + ". Correct the value in the file and import it again");
        } catch (StoreException e) {
            return failed(number, name, e.getMessage());
        }
    }

    private ImportSummary.Entry created(int number, String name, RecordType type, String id, Map<String, String> values) {
        Map<String, String> checked = check(type, values);
        Optional<Record> here = store.records().find(id);
        if (here.isEmpty()) {
            store.sync().putRecords(List.of(new Record(id, type, checked, 0, false)), java.util.Set.of(id));
            return new ImportSummary.Entry(number, name, Outcome.IMPORTED, "created");
        }
        if (here.get().deleted()) {
            return skipped(number, name, "it is deleted here; restore it with 'outpost restore " + type.id() + " " + id
                    + "' if you want it back");
        }
        if (here.get().values().equals(checked)) {
            return skipped(number, name, "already here (imported before)");
        }
        return skipped(number, name, "a record with this id is here with other values; it was left as it is. Compare "
                + "it with the file: outpost show " + type.id() + " " + id);
    }

    private ImportSummary.Entry changed(int number, String name, RecordType type, String id, JsonNode node) {
        Optional<Record> here = store.records().find(id);
        if (here.isEmpty()) {
            ImportSummary.Entry made = created(number, name, type, id, values(node.path("values")));
            return made.outcome() == Outcome.IMPORTED
                    ? new ImportSummary.Entry(number, name, Outcome.IMPORTED, "created: the record was not here") : made;
        }
        if (here.get().deleted()) {
            return skipped(number, name, "it is deleted here; restore it with 'outpost restore " + type.id() + " " + id
                    + "' and import again to apply the change");
        }
        Map<String, String> changes = new LinkedHashMap<>();
        for (JsonNode field : node.path("changedFields")) {
            changes.put(field.path("field").asText(""), field.path("value").asText(""));
        }
        Map<String, String> merged = new LinkedHashMap<>(here.get().values());
        merged.putAll(changes);
        if (check(here.get().type(), merged).equals(here.get().values())) {
            return skipped(number, name, "already applied");
        }
        store.records().update(id, changes);
        return new ImportSummary.Entry(number, name, Outcome.IMPORTED, "changed " + String.join(", ", changes.keySet()));
    }

    private ImportSummary.Entry deleted(int number, String name, String id) {
        Optional<Record> here = store.records().find(id);
        if (here.isEmpty()) {
            return skipped(number, name, "nothing to delete: the record is not here");
        }
        if (here.get().deleted()) {
            return skipped(number, name, "already deleted");
        }
        store.records().delete(id);
        return new ImportSummary.Entry(number, name, Outcome.IMPORTED, "deleted");
    }

    private Map<String, String> check(RecordType type, Map<String, String> values) {
        ValidationResult checked = validation.check(type, values);
        if (!checked.valid()) {
            throw new InvalidRecordException(type, checked.problems());
        }
        return new Record("check", type, checked.values(), 0, false).values();
    }

    /** The entry's values as text: numbers and true/false are taken as typed, null as empty. */
    private static Map<String, String> values(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("Its \"values\" are missing.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.properties().forEach(e -> values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return values;
    }

    private static ImportSummary.Entry skipped(int number, String name, String why) {
        return new ImportSummary.Entry(number, name, Outcome.SKIPPED, why);
    }

    private static ImportSummary.Entry failed(int number, String name, String why) {
        return new ImportSummary.Entry(number, name, Outcome.FAILED, why);
    }
}
