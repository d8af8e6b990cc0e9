package dev.outpost.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import dev.outpost.model.Field;
import dev.outpost.model.FieldFormat;
import dev.outpost.model.FieldKind;
import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/** Records as an aligned text table: the short id, the title, then the type's first few short fields. */
final class TextTable {

    private static final int SHORT_ID = 8;
    private static final int MAX_WIDTH = 40;
    private static final int COLUMNS = 3;

    private TextTable() {
    }

    static void print(PrintWriter out, RecordType type, List<Record> records) {
        if (records.isEmpty()) {
            out.println("No " + type.plural() + " found.");
            return;
        }
        List<Field> fields = type.fields().stream()
                .filter(f -> f.kind() != FieldKind.LONG_TEXT && f.kind() != FieldKind.REFERENCE)
                .filter(f -> !type.titleOf(java.util.Map.of(f.name(), "x")).equals("x")) // not already the title
                .limit(COLUMNS).toList();
        FieldFormat format = new FieldFormat(java.time.ZoneId.systemDefault());
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[fields.size() + 2];
        header[0] = "ID";
        header[1] = type.label().toUpperCase(java.util.Locale.ROOT);
        for (int i = 0; i < fields.size(); i++) {
            header[i + 2] = fields.get(i).label().toUpperCase(java.util.Locale.ROOT);
        }
        rows.add(header);
        for (Record record : records) {
            String[] row = new String[fields.size() + 2];
            row[0] = record.id().substring(0, SHORT_ID);
            row[1] = record.title();
            for (int i = 0; i < fields.size(); i++) {
                row[i + 2] = format.display(fields.get(i), record.get(fields.get(i).name()));
            }
            rows.add(row);
        }
        int[] widths = new int[header.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.min(MAX_WIDTH, Math.max(widths[i], row[i].length()));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = row[i].length() > MAX_WIDTH ? row[i].substring(0, MAX_WIDTH - 1) + "…" : row[i];
                line.append(i == row.length - 1 ? cell : String.format("%-" + widths[i] + "s  ", cell));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println(records.size() + " " + (records.size() == 1 ? type.id() : type.plural()));
    }
}
