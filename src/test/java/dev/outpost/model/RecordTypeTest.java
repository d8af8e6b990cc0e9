package dev.outpost.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordTypeTest {

    @Nested
    class Parsing {

        @ParameterizedTest
        @CsvSource({
                "account, ACCOUNT", "accounts, ACCOUNT",
                "contact, CONTACT", "Contacts, CONTACT",
                "OPPORTUNITY, OPPORTUNITY", "opportunities, OPPORTUNITY",
                "task, TASK", "TASKS, TASK",
                "Appointment, APPOINTMENT", "appointments, APPOINTMENT",
                "email, EMAIL", "eMails, EMAIL"})
        void acceptsTheSingularAndThePluralInAnyCase(String name, RecordType expected) {
            assertThat(RecordType.parse(name)).isEqualTo(expected);
        }

        @Test
        void ignoresSurroundingSpaces() {
            assertThat(RecordType.parse("  contacts ")).isEqualTo(RecordType.CONTACT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"lead", "contactz", "", "e-mail", "opportunitys"})
        void rejectsOtherNamesListingTheTypes(String name) {
            assertThatThrownBy(() -> RecordType.parse(name))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + name + "'")
                    .hasMessageContaining("account, contact, opportunity, task, appointment, email");
        }
    }

    @Nested
    class Fields {

        @Test
        void everyTypeHasTheFieldNamesOfTheContract() {
            assertThat(RecordType.ACCOUNT.fieldNames()).containsExactly("name", "phone", "website", "city");
            assertThat(RecordType.CONTACT.fieldNames()).containsExactly("firstName", "lastName", "email", "phone",
                    "mobile", "jobTitle", "accountId", "private", "category");
            assertThat(RecordType.OPPORTUNITY.fieldNames()).containsExactly("name", "accountId", "estimatedValue",
                    "closeDate", "probability", "stage");
            assertThat(RecordType.TASK.fieldNames()).containsExactly("subject", "notes", "due", "priority", "done",
                    "regardingId");
            assertThat(RecordType.APPOINTMENT.fieldNames()).containsExactly("subject", "start", "end", "location",
                    "notes", "regardingId");
            assertThat(RecordType.EMAIL.fieldNames()).containsExactly("subject", "from", "to", "sent", "body",
                    "regardingId");
        }

        @Test
        void requiredFieldsAreTheStarredOnesOfTheContract() {
            assertThat(requiredOf(RecordType.ACCOUNT)).containsExactly("name");
            assertThat(requiredOf(RecordType.CONTACT)).containsExactly("lastName");
            assertThat(requiredOf(RecordType.OPPORTUNITY)).containsExactly("name");
            assertThat(requiredOf(RecordType.TASK)).containsExactly("subject");
            assertThat(requiredOf(RecordType.APPOINTMENT)).containsExactly("subject", "start", "end");
            assertThat(requiredOf(RecordType.EMAIL)).containsExactly("subject", "from");
        }

        @Test
        void onlyLongTextsAreEditedOverSeveralLines() {
            assertThat(RecordType.TASK.field("notes").orElseThrow().multiLine()).isTrue();
            assertThat(RecordType.EMAIL.field("body").orElseThrow().multiLine()).isTrue();
            assertThat(RecordType.TASK.field("subject").orElseThrow().multiLine()).isFalse();
        }

        @Test
        void anUnknownFieldNameFindsNoField() {
            assertThat(RecordType.ACCOUNT.field("lastName")).isEmpty();
        }

        private static java.util.List<String> requiredOf(RecordType type) {
            return type.fields().stream().filter(Field::required).map(Field::name).toList();
        }
    }

    @Nested
    class Titles {

        @Test
        void anAccountIsNamedByItsName() {
            assertThat(title(RecordType.ACCOUNT, Map.of("name", "Acme Ltd", "city", "Leeds"))).isEqualTo("Acme Ltd");
        }

        @Test
        void aContactIsNamedByFirstAndLastName() {
            assertThat(title(RecordType.CONTACT, Map.of("firstName", "Ada", "lastName", "Lovelace")))
                    .isEqualTo("Ada Lovelace");
        }

        @Test
        void aContactWithoutFirstNameIsNamedByLastNameAlone() {
            assertThat(title(RecordType.CONTACT, Map.of("lastName", "Lovelace"))).isEqualTo("Lovelace");
        }

        @Test
        void anOpportunityIsNamedByItsTopic() {
            assertThat(title(RecordType.OPPORTUNITY, Map.of("name", "50 licences"))).isEqualTo("50 licences");
        }

        @ParameterizedTest
        @ValueSource(strings = {"TASK", "APPOINTMENT", "EMAIL"})
        void tasksAppointmentsAndEmailsAreNamedBySubject(RecordType type) {
            assertThat(title(type, Map.of("subject", "Call back"))).isEqualTo("Call back");
        }

        @Test
        void aRecordWithoutItsNamingFieldsIsCalledUntitled() {
            assertThat(title(RecordType.CONTACT, Map.of("email", "ada@example.com"))).isEqualTo("(untitled contact)");
            assertThat(title(RecordType.TASK, Map.of())).isEqualTo("(untitled task)");
        }

        private static String title(RecordType type, Map<String, String> values) {
            return new Record("00000000-0000-4000-8000-000000000001", type, values, 1, false).title();
        }
    }
}
