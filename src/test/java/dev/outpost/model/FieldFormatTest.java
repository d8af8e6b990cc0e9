package dev.outpost.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Showing canonical values to a person, and normalizing one field on its own. */
class FieldFormatTest {

    private final FieldFormat format = new FieldFormat(ZoneId.of("Asia/Tokyo"));

    private static Field field(RecordType type, String name) {
        return type.field(name).orElseThrow();
    }

    @Test
    void anEmptyValueIsShownAsNothing() {
        assertThat(format.display(field(RecordType.EMAIL, "sent"), "")).isEmpty();
        assertThat(format.display(field(RecordType.EMAIL, "sent"), null)).isEmpty();
    }

    @Test
    void aDateTimeIsShownToTheMinuteInTheLocalZone() {
        assertThat(format.display(field(RecordType.APPOINTMENT, "start"), "2026-11-21T13:30:45Z"))
                .isEqualTo("2026-11-21 22:30");
    }

    @Test
    void aDamagedDateTimeIsShownAsStoredRatherThanHidden() {
        assertThat(format.display(field(RecordType.APPOINTMENT, "start"), "next week")).isEqualTo("next week");
    }

    @Test
    void otherValuesAreShownAsStored() {
        assertThat(format.display(field(RecordType.OPPORTUNITY, "estimatedValue"), "12500.50")).isEqualTo("12500.50");
        assertThat(format.display(field(RecordType.ACCOUNT, "website"), "https://example.com"))
                .isEqualTo("https://example.com");
    }

    @Test
    void aLocalTimeIsReadInTheFormatsZone() throws InvalidValueException {
        assertThat(format.normalize(field(RecordType.APPOINTMENT, "start"), "2026-11-21 22:30"))
                .isEqualTo("2026-11-21T13:30:00Z");
    }

    @Test
    void aRefusedValueSaysWhatIsWrongAndWhatIsExpected() {
        assertThatThrownBy(() -> format.normalize(field(RecordType.OPPORTUNITY, "probability"), "101"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'101' is not a percentage; expected a whole number from 0 to 100");
    }
}
