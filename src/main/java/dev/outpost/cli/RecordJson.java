package dev.outpost.cli;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.model.Field;
import dev.outpost.model.Record;

/**
 * Records as JSON for scripts: {@code id} plus every field of the type by its name, typed (numbers,
 * true/false), {@code null} when empty, so every record of a type has the same keys.
 */
final class RecordJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RecordJson() {
    }

    static ObjectNode of(Record record) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", record.id());
        for (Field field : record.type().fields()) {
            String value = record.get(field.name());
            if (value.isEmpty()) {
                node.putNull(field.name());
                continue;
            }
            switch (field.kind()) {
                case MONEY -> node.put(field.name(), new BigDecimal(value));
                case PERCENT -> node.put(field.name(), Integer.parseInt(value));
                case YES_NO -> node.put(field.name(), Boolean.parseBoolean(value));
                default -> node.put(field.name(), value);
            }
        }
        return node;
    }
}
