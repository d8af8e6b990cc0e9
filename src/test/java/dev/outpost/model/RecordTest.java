package dev.outpost.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RecordTest {

    private static final String ID = "00000000-0000-4000-8000-000000000001";

    @Test
    void blankValuesAreLeftOut() {
        Map<String, String> values = new HashMap<>();
        values.put("lastName", "Lovelace");
        values.put("firstName", "  ");
        values.put("email", null);

        Record record = new Record(ID, RecordType.CONTACT, values, 1, false);

        assertThat(record.values()).containsOnlyKeys("lastName");
    }

    @Test
    void anEmptyFieldReadsAsEmptyText() {
        Record record = new Record(ID, RecordType.CONTACT, Map.of("lastName", "Lovelace"), 1, false);

        assertThat(record.get("email")).isEmpty();
    }

    @Test
    void valuesCannotBeChangedAfterwards() {
        Map<String, String> values = new HashMap<>(Map.of("lastName", "Lovelace"));
        Record record = new Record(ID, RecordType.CONTACT, values, 1, false);
        values.put("lastName", "Byron");

        assertThat(record.get("lastName")).isEqualTo("Lovelace");
        assertThatThrownBy(() -> record.values().put("email", "x@example.com"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
