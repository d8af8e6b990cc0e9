package dev.outpost.ui.records;

import java.util.List;

import dev.outpost.model.Field;
import dev.outpost.model.RecordType;

/**
 * Which fields a record type's table shows, most telling first. Contacts also get a name column
 * (first and last name together) before these.
 */
public final class RecordColumns {

    private RecordColumns() {
    }

    public static List<Field> of(RecordType type) {
        List<String> names = switch (type) {
            case ACCOUNT -> List.of("name", "city", "phone", "website");
            case CONTACT -> List.of("email", "phone", "jobTitle");
            case OPPORTUNITY -> List.of("name", "stage", "estimatedValue", "closeDate");
            case TASK -> List.of("subject", "due", "priority", "done");
            case APPOINTMENT -> List.of("subject", "start", "end", "location");
            case EMAIL -> List.of("subject", "from", "to", "sent");
        };
        return names.stream().map(name -> type.field(name).orElseThrow()).toList();
    }
}
