package dev.outpost.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a person may type into each field, what is kept, and what they are told when it is wrong.
 * Date-times are read in Berlin time so that the conversion to UTC is visible.
 */
class ValidationTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String SOME_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    private final Validation validation = new Validation(BERLIN);

    /** The smallest valid record of each type, so that a test can vary one field. */
    private static Map<String, String> minimal(RecordType type) {
        return switch (type) {
            case ACCOUNT -> Map.of("name", "Acme Ltd");
            case CONTACT -> Map.of("lastName", "Lovelace");
            case OPPORTUNITY -> Map.of("name", "50 licences");
            case TASK -> Map.of("subject", "Call back");
            case APPOINTMENT -> Map.of("subject", "Visit", "start", "2026-11-21 10:00", "end", "2026-11-21 11:00");
            case EMAIL -> Map.of("subject", "Offer", "from", "ada@example.com");
        };
    }

    private Validation.ValidationResult checkWith(RecordType type, String field, String raw) {
        Map<String, String> input = new HashMap<>(minimal(type));
        input.put(field, raw);
        return validation.check(type, input);
    }

    /** The canonical value kept for a valid entry, failing the test if the entry is refused. */
    private String kept(RecordType type, String field, String raw) {
        Validation.ValidationResult result = checkWith(type, field, raw);
        assertThat(result.problems()).as("problems for %s=%s", field, raw).isEmpty();
        return result.values().get(field);
    }

    /** The one message given for a refused entry, failing the test unless exactly that field is refused. */
    private String refusal(RecordType type, String field, String raw) {
        Validation.ValidationResult result = checkWith(type, field, raw);
        assertThat(result.valid()).as("%s=%s is refused", field, raw).isFalse();
        assertThat(result.problems()).extracting(FieldProblem::field).containsExactly(field);
        assertThat(result.values()).as("a refused value is not kept").doesNotContainKey(field);
        return result.problems().getFirst().message();
    }

    @Nested
    class RequiredFields {

        @ParameterizedTest
        @EnumSource(RecordType.class)
        void theMinimalRecordOfEveryTypeIsValid(RecordType type) {
            assertThat(validation.check(type, minimal(type)).problems()).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({
                "ACCOUNT, name, Account name is required",
                "CONTACT, lastName, Last name is required",
                "OPPORTUNITY, name, Topic is required",
                "TASK, subject, Subject is required",
                "APPOINTMENT, subject, Subject is required",
                "APPOINTMENT, start, Start is required",
                "APPOINTMENT, end, End is required",
                "EMAIL, subject, Subject is required",
                "EMAIL, from, From is required"})
        void aMissingRequiredFieldIsNamedWithItsLabel(RecordType type, String field, String message) {
            Map<String, String> input = new HashMap<>(minimal(type));
            input.remove(field);

            assertThat(validation.check(type, input).problems()).containsExactly(new FieldProblem(field, message));
        }

        @Test
        void aBlankRequiredFieldCountsAsMissing() {
            assertThat(refusal(RecordType.CONTACT, "lastName", "   ")).isEqualTo("Last name is required");
        }

        @Test
        void everyMissingRequiredFieldIsReportedAtOnce() {
            assertThat(validation.check(RecordType.APPOINTMENT, Map.of()).problems())
                    .extracting(FieldProblem::field).containsExactly("subject", "start", "end");
        }

        @Test
        void optionalFieldsMayBeLeftEmpty() {
            Validation.ValidationResult result = checkWith(RecordType.CONTACT, "email", "");

            assertThat(result.problems()).isEmpty();
            assertThat(result.values()).doesNotContainKey("email");
        }

        @Test
        void theProblemsReadAsOneLinePerField() {
            Validation.ValidationResult result = validation.check(RecordType.EMAIL, Map.of("from", "nobody"));

            assertThat(result.describe().lines()).containsExactly(
                    "subject: Subject is required",
                    "from: 'nobody' is not an e-mail address; expected something like name@example.com");
        }
    }

    @Nested
    class UnknownFields {

        @Test
        void anUnknownFieldIsRefusedNamingTheValidFields() {
            Validation.ValidationResult result = checkWith(RecordType.ACCOUNT, "nickname", "Acme");

            assertThat(result.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.field()).isEqualTo("nickname");
                assertThat(problem.message()).contains("'nickname'", "an account", "name, phone, website, city");
            });
        }

        @Test
        void fieldNamesAreCaseSensitive() {
            assertThat(checkWith(RecordType.CONTACT, "lastname", "Lovelace").problems())
                    .extracting(FieldProblem::field).containsExactly("lastname");
        }

        @Test
        void aFieldOfAnotherTypeIsUnknownHere() {
            assertThat(checkWith(RecordType.TASK, "location", "Leeds").problems().getFirst().message())
                    .contains("on a task", "subject, notes, due, priority, done, regardingId");
        }
    }

    @Nested
    class Text {

        @Test
        void surroundingSpacesAreDropped() {
            assertThat(kept(RecordType.ACCOUNT, "city", "  Leeds \t")).isEqualTo("Leeds");
        }

        @Test
        void aTextUpToItsLimitIsKept() {
            assertThat(kept(RecordType.CONTACT, "lastName", "x".repeat(50))).hasSize(50);
        }

        @Test
        void aTextOverItsLimitIsRefusedSayingBothLengths() {
            assertThat(refusal(RecordType.CONTACT, "lastName", "x".repeat(51)))
                    .isEqualTo("is 51 characters long; at most 50 are allowed");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Acme\nLtd", "Acme\r\nLtd", "Acme\rLtd"})
        void aSingleLineFieldRefusesALineBreak(String raw) {
            assertThat(refusal(RecordType.ACCOUNT, "city", raw)).isEqualTo("must be a single line");
        }

        @Test
        void aLongTextKeepsItsLineBreaks() {
            assertThat(kept(RecordType.TASK, "notes", "\n first line\nsecond line\n\n"))
                    .isEqualTo("first line\nsecond line");
        }

        @Test
        void aLongTextMayBeVeryLong() {
            assertThat(kept(RecordType.TASK, "notes", "word ".repeat(20_000).strip())).hasSize(99_999);
        }
    }

    @Nested
    class Emails {

        @ParameterizedTest
        @ValueSource(strings = {"ada@example.com", "ada.lovelace+crm@mail.example.co.uk", "  ada@example.com "})
        void anAddressIsKeptAsTyped(String raw) {
            assertThat(kept(RecordType.CONTACT, "email", raw)).isEqualTo(raw.trim());
        }

        @ParameterizedTest
        @ValueSource(strings = {"ada", "ada@", "@example.com", "ada@example", "ada @example.com", "ada@@example.com",
                "ada@example.com."})
        void aBadAddressIsRefusedShowingAnExample(String raw) {
            assertThat(refusal(RecordType.CONTACT, "email", raw))
                    .isEqualTo("'" + raw + "' is not an e-mail address; expected something like name@example.com");
        }

        @Test
        void aListOfAddressesIsKeptSeparatedBySemicolons() {
            assertThat(kept(RecordType.EMAIL, "to", "ada@example.com, bob@example.org;carl@example.net"))
                    .isEqualTo("ada@example.com; bob@example.org; carl@example.net");
        }

        @Test
        void aListNamesItsBadAddress() {
            assertThat(refusal(RecordType.EMAIL, "to", "ada@example.com, bob"))
                    .startsWith("'bob' is not an e-mail address");
        }

        @Test
        void aListOfOnlySeparatorsIsEmpty() {
            Validation.ValidationResult result = checkWith(RecordType.EMAIL, "to", " ; , ");

            assertThat(result.problems()).isEmpty();
            assertThat(result.values()).doesNotContainKey("to");
        }
    }

    @Nested
    class Phones {

        @ParameterizedTest
        @ValueSource(strings = {"+49 30 1234567", "(0113) 496-0000", "030/123.456", "+1 555 0100 ext. 12", "555-0100 x3"})
        void aNumberIsKeptAsTyped(String raw) {
            assertThat(kept(RecordType.ACCOUNT, "phone", raw)).isEqualTo(raw);
        }

        @ParameterizedTest
        @ValueSource(strings = {"call me", "+49 30 CALL-NOW", "---", "12#34"})
        void aBadNumberIsRefusedSayingWhatMayBeUsed(String raw) {
            assertThat(refusal(RecordType.CONTACT, "mobile", raw))
                    .isEqualTo("'" + raw + "' is not a phone number; use digits, spaces and + ( ) - . /");
        }
    }

    @Nested
    class WebAddresses {

        @Test
        void anAddressWithoutSchemeGetsHttps() {
            assertThat(kept(RecordType.ACCOUNT, "website", "example.com")).isEqualTo("https://example.com");
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://example.com", "http://example.com", "https://www.example.co.uk:8443/about?x=1"})
        void anAddressWithSchemeIsKeptAsTyped(String raw) {
            assertThat(kept(RecordType.ACCOUNT, "website", raw)).isEqualTo(raw);
        }

        @ParameterizedTest
        @ValueSource(strings = {"example", "not a website", "ftp://example.com", "https://", "mailto:ada@example.com"})
        void aBadAddressIsRefusedShowingAnExample(String raw) {
            assertThat(refusal(RecordType.ACCOUNT, "website", raw))
                    .isEqualTo("'" + raw + "' is not a web address; expected something like https://example.com");
        }
    }

    @Nested
    class Dates {

        @Test
        void aDateIsKeptAsYearMonthDay() {
            assertThat(kept(RecordType.TASK, "due", " 2026-11-21 ")).isEqualTo("2026-11-21");
        }

        @ParameterizedTest
        @ValueSource(strings = {"21.11.2026", "2026-13-01", "2026-02-30", "tomorrow", "2026-11-21 10:00"})
        void aBadDateIsRefusedShowingTheExpectedForm(String raw) {
            assertThat(refusal(RecordType.OPPORTUNITY, "closeDate", raw))
                    .isEqualTo("'" + raw + "' is not a date; expected year-month-day, like 2026-11-21");
        }
    }

    @Nested
    class DateTimes {

        @Test
        void aLocalWinterTimeIsKeptInUtc() {
            assertThat(kept(RecordType.EMAIL, "sent", "2026-11-21 14:30")).isEqualTo("2026-11-21T13:30:00Z");
        }

        @Test
        void aLocalSummerTimeIsKeptInUtc() {
            assertThat(kept(RecordType.EMAIL, "sent", "2026-07-01T14:30")).isEqualTo("2026-07-01T12:30:00Z");
        }

        @Test
        void aUtcTimeIsKeptAsGiven() {
            assertThat(kept(RecordType.EMAIL, "sent", "2026-11-21T13:30:00Z")).isEqualTo("2026-11-21T13:30:00Z");
        }

        @Test
        void aTimeWithAnOffsetIsKeptInUtc() {
            assertThat(kept(RecordType.EMAIL, "sent", "2026-11-21T09:30-05:00")).isEqualTo("2026-11-21T14:30:00Z");
        }

        @Test
        void fractionsOfASecondAreDropped() {
            assertThat(kept(RecordType.EMAIL, "sent", "2026-11-21T13:30:15.987Z")).isEqualTo("2026-11-21T13:30:15Z");
        }

        @Test
        void theKeptTimeIsShownBackInTheLocalZone() {
            Field sent = RecordType.EMAIL.field("sent").orElseThrow();
            String canonical = kept(RecordType.EMAIL, "sent", "2026-11-21 14:30");

            assertThat(validation.format().display(sent, canonical)).isEqualTo("2026-11-21 14:30");
        }

        @Test
        void theSameMomentIsShownInEachPersonsZone() {
            Field sent = RecordType.EMAIL.field("sent").orElseThrow();

            assertThat(new FieldFormat(ZoneId.of("America/New_York")).display(sent, "2026-11-21T13:30:00Z"))
                    .isEqualTo("2026-11-21 08:30");
        }

        @ParameterizedTest
        @ValueSource(strings = {"21.11.2026 14:30", "2026-11-21", "14:30", "2026-11-21 25:00", "soon"})
        void aBadDateTimeIsRefusedShowingBothAcceptedForms(String raw) {
            assertThat(refusal(RecordType.EMAIL, "sent", raw)).isEqualTo("'" + raw + "' is not a date and time; "
                    + "expected like 2026-11-21 14:30 (your time zone) or 2026-11-21T13:30:00Z");
        }
    }

    @Nested
    class Money {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "12500 | 12500.00",
                "12500.5 | 12500.50",
                "12,500.5 | 12500.50",
                "1,234,567.89 | 1234567.89",
                "0 | 0.00",
                "' 99.90 ' | 99.90"})
        void anAmountIsKeptWithTwoDecimalsAndNoSeparators(String raw, String expected) {
            assertThat(kept(RecordType.OPPORTUNITY, "estimatedValue", raw)).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "-0.01", "12.345", "twelve", "12,50", "1,2345.00", "€100"})
        void aBadAmountIsRefusedShowingTheExpectedForm(String raw) {
            assertThat(refusal(RecordType.OPPORTUNITY, "estimatedValue", raw)).isEqualTo("'" + raw
                    + "' is not an amount; expected a number like 12500 or 12500.50, not negative");
        }
    }

    @Nested
    class Probability {

        @ParameterizedTest
        @CsvSource({"0, 0", "75, 75", "75%, 75", "' 75 % ', 75", "100, 100"})
        void aWholeNumberFrom0To100IsKept(String raw, String expected) {
            assertThat(kept(RecordType.OPPORTUNITY, "probability", raw)).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "101", "abc", "75.5", "%"})
        void anythingElseIsRefusedSayingTheRange(String raw) {
            assertThat(refusal(RecordType.OPPORTUNITY, "probability", raw))
                    .isEqualTo("'" + raw + "' is not a percentage; expected a whole number from 0 to 100");
        }
    }

    @Nested
    class YesNo {

        @ParameterizedTest
        @ValueSource(strings = {"yes", "YES", "Y", "true", "True", "1"})
        void yesVariantsAreKeptAsTrue(String raw) {
            assertThat(kept(RecordType.CONTACT, "private", raw)).isEqualTo("true");
        }

        @ParameterizedTest
        @ValueSource(strings = {"no", "No", "n", "FALSE", "0"})
        void noVariantsAreKeptAsFalse(String raw) {
            assertThat(kept(RecordType.TASK, "done", raw)).isEqualTo("false");
        }

        @ParameterizedTest
        @ValueSource(strings = {"maybe", "ja", "2", "on"})
        void anythingElseIsRefused(String raw) {
            assertThat(refusal(RecordType.TASK, "done", raw))
                    .isEqualTo("'" + raw + "' is not yes or no; expected true or false");
        }
    }

    @Nested
    class Choices {

        @ParameterizedTest
        @CsvSource({"low, low", "Normal, normal", "HIGH, high", "' high ', high"})
        void aChoiceIsKeptInLowerCaseWhateverTheCaseTyped(String raw, String expected) {
            assertThat(kept(RecordType.TASK, "priority", raw)).isEqualTo(expected);
        }

        @Test
        void anotherValueIsRefusedListingTheChoices() {
            assertThat(refusal(RecordType.TASK, "priority", "urgent"))
                    .isEqualTo("'urgent' is not allowed; choose one of: low, normal, high");
        }
    }

    @Nested
    class References {

        @Test
        void anIdIsKeptInLowerCase() {
            assertThat(kept(RecordType.CONTACT, "accountId", SOME_ID.toUpperCase())).isEqualTo(SOME_ID);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Acme Ltd", "3f2504e0", "1-2-3-4-5", "3f2504e0-4f89-41d3-9a0c-0305e82c330g"})
        void somethingOtherThanAnIdIsRefusedNamingTheTargetType(String raw) {
            assertThat(refusal(RecordType.CONTACT, "accountId", raw))
                    .isEqualTo("'" + raw + "' is not a record id; expected the id of an account");
        }

        @Test
        void aReferenceToSeveralTypesNamesThemAll() {
            assertThat(refusal(RecordType.TASK, "regardingId", "Acme"))
                    .isEqualTo("'Acme' is not a record id; expected the id of an account or a contact or an opportunity");
        }
    }

    @Nested
    class Appointments {

        @Test
        void anAppointmentMayEndWhenItStarts() {
            assertThat(validation.check(RecordType.APPOINTMENT,
                    Map.of("subject", "Call", "start", "2026-11-21 10:00", "end", "2026-11-21 10:00")).problems())
                    .isEmpty();
        }

        @Test
        void anEndBeforeTheStartIsAProblemOfTheEnd() {
            assertThat(validation.check(RecordType.APPOINTMENT,
                    Map.of("subject", "Call", "start", "2026-11-21 10:00", "end", "2026-11-21 09:59")).problems())
                    .containsExactly(new FieldProblem("end",
                            "End is before Start; an appointment must end at or after its start"));
        }

        @Test
        void startAndEndAreComparedAsMomentsNotAsTypedText() {
            // 10:30 in Berlin is 09:30Z; an end given as 09:45Z is after it though "09:45" < "10:30" as text.
            assertThat(validation.check(RecordType.APPOINTMENT,
                    Map.of("subject", "Call", "start", "2026-11-21 10:30", "end", "2026-11-21T09:45:00Z")).problems())
                    .isEmpty();
        }
    }

    @Nested
    class WholeRecords {

        @Test
        void everyBadFieldIsReportedAtOnceAndTheGoodOnesAreKept() {
            Validation.ValidationResult result = validation.check(RecordType.CONTACT, Map.of(
                    "firstName", "Ada", "email", "ada@", "phone", "call me", "private", "maybe", "x", "y"));

            assertThat(result.problems()).extracting(FieldProblem::field)
                    .containsExactlyInAnyOrder("x", "lastName", "email", "phone", "private");
            assertThat(result.values()).isEqualTo(Map.of("firstName", "Ada"));
        }

        @Test
        void theValuesOfAValidRecordAreItsCanonicalValues() {
            Validation.ValidationResult result = validation.check(RecordType.OPPORTUNITY, Map.of(
                    "name", " 50 licences ", "estimatedValue", "12,500.5", "probability", "75%",
                    "closeDate", "2026-12-31", "accountId", SOME_ID.toUpperCase()));

            assertThat(result.valid()).isTrue();
            assertThat(result.values()).isEqualTo(Map.of("name", "50 licences", "estimatedValue", "12500.50",
                    "probability", "75", "closeDate", "2026-12-31", "accountId", SOME_ID));
        }

        @Test
        void validValuesHaveNoProblemsToDescribe() {
            assertThat(validation.check(RecordType.TASK, Map.of("subject", "Call")).describe()).isEmpty();
            assertThat(validation.check(RecordType.TASK, Map.of("subject", "Call")).problems()).isEqualTo(List.of());
        }
    }
}
