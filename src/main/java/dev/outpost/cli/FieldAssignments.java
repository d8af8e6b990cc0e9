package dev.outpost.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.outpost.model.RecordType;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Reads {@code field=value} arguments; a malformed one or an unknown field is a usage error. */
final class FieldAssignments {

    private FieldAssignments() {
    }

    static Map<String, String> parse(CommandLine cli, RecordType type, List<String> assignments) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(cli, "'" + assignment + "' is not of the form field=value "
                        + "(for example lastName=Berg; an empty value clears the field: phone=).");
            }
            String field = assignment.substring(0, eq).trim();
            if (type.field(field).isEmpty()) {
                throw new ParameterException(cli, "There is no field '" + field + "' on " + type.withArticle()
                        + ". The fields are: " + String.join(", ", type.fieldNames()) + ".");
            }
            if (values.put(field, assignment.substring(eq + 1)) != null) {
                throw new ParameterException(cli, "The field '" + field + "' is given twice.");
            }
        }
        return values;
    }
}
