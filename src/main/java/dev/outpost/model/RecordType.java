package dev.outpost.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.outpost.model.FieldKind.*; // FieldKind.EMAIL is written out: RecordType.EMAIL shadows it

/**
 * The six kinds of CRM record Outpost keeps offline, each with its field descriptors.
 * The field names are the public contract of the CLI, the JSON output and the UI.
 */
public enum RecordType {
    ACCOUNT("account", "accounts", "Account", "Accounts"),
    CONTACT("contact", "contacts", "Contact", "Contacts"),
    OPPORTUNITY("opportunity", "opportunities", "Opportunity", "Opportunities"),
    TASK("task", "tasks", "Task", "Tasks"),
    APPOINTMENT("appointment", "appointments", "Appointment", "Appointments"),
    EMAIL("email", "emails", "E-mail", "E-mails");

    private final String singular;
    private final String plural;
    private final String label;
    private final String pluralLabel;

    RecordType(String singular, String plural, String label, String pluralLabel) {
        this.singular = singular;
        this.plural = plural;
        this.label = label;
        this.pluralLabel = pluralLabel;
    }

    /** The name used in the CLI, in JSON and in the store, e.g. {@code contact}. */
    public String id() {
        return singular;
    }

    /** "a contact", "an account": the name with its English article, for messages. */
    public String withArticle() {
        return ("aeiou".indexOf(singular.charAt(0)) >= 0 ? "an " : "a ") + singular;
    }

    public String plural() {
        return plural;
    }

    /** "Contact", as a person reads it. */
    public String label() {
        return label;
    }

    /** "Contacts", as a person reads it. */
    public String pluralLabel() {
        return pluralLabel;
    }

    public List<Field> fields() {
        return Schema.FIELDS.get(this);
    }

    public Optional<Field> field(String name) {
        return fields().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<String> fieldNames() {
        return fields().stream().map(Field::name).toList();
    }

    /** The text that names a record of this type in lists and messages, e.g. a contact's full name. */
    public String titleOf(Map<String, String> values) {
        String title = switch (this) {
            case ACCOUNT, OPPORTUNITY -> values.getOrDefault("name", "");
            case CONTACT -> (values.getOrDefault("firstName", "") + " " + values.getOrDefault("lastName", "")).trim();
            case TASK, APPOINTMENT, EMAIL -> values.getOrDefault("subject", "");
        };
        return title.isBlank() ? "(untitled " + singular + ")" : title;
    }

    /**
     * Finds a type by its singular or plural name, ignoring case ("contact", "Contacts").
     *
     * @throws IllegalArgumentException naming the accepted names when none matches
     */
    public static RecordType parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.singular.equals(wanted) || t.plural.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown record type '" + name + "'. Use one of: "
                        + Arrays.stream(values()).map(RecordType::id).collect(Collectors.joining(", ")) + "."));
    }

    /** The field lists, kept apart from the constants because a reference field names other constants. */
    private static final class Schema {
        static final Map<RecordType, List<Field>> FIELDS = Map.of(
                ACCOUNT, List.of(
                        Field.of("name", "Account name", TEXT, 160).asRequired(),
                        Field.of("phone", "Phone", PHONE, 50),
                        Field.of("website", "Website", URL, 200),
                        Field.of("city", "City", TEXT, 80)),
                CONTACT, List.of(
                        Field.of("firstName", "First name", TEXT, 50),
                        Field.of("lastName", "Last name", TEXT, 50).asRequired(),
                        Field.of("email", "E-mail", FieldKind.EMAIL, 100),
                        Field.of("phone", "Business phone", PHONE, 50),
                        Field.of("mobile", "Mobile phone", PHONE, 50),
                        Field.of("jobTitle", "Job title", TEXT, 100),
                        Field.reference("accountId", "Account", ACCOUNT),
                        Field.of("private", "Private", YES_NO, 5),
                        Field.of("category", "Category", TEXT, 250)),
                OPPORTUNITY, List.of(
                        Field.of("name", "Topic", TEXT, 300).asRequired(),
                        Field.reference("accountId", "Account", ACCOUNT),
                        Field.of("estimatedValue", "Estimated value", MONEY, 20),
                        Field.of("closeDate", "Estimated close date", DATE, 10),
                        Field.of("probability", "Probability (%)", PERCENT, 3),
                        Field.of("stage", "Stage", TEXT, 200)),
                TASK, List.of(
                        Field.of("subject", "Subject", TEXT, 200).asRequired(),
                        Field.of("notes", "Notes", LONG_TEXT, 100_000),
                        Field.of("due", "Due date", DATE, 10),
                        Field.choice("priority", "Priority", "low", "normal", "high"),
                        Field.of("done", "Done", YES_NO, 5),
                        Field.reference("regardingId", "Regarding", ACCOUNT, CONTACT, OPPORTUNITY)),
                APPOINTMENT, List.of(
                        Field.of("subject", "Subject", TEXT, 200).asRequired(),
                        Field.of("start", "Start", DATE_TIME, 25).asRequired(),
                        Field.of("end", "End", DATE_TIME, 25).asRequired(),
                        Field.of("location", "Location", TEXT, 200),
                        Field.of("notes", "Notes", LONG_TEXT, 100_000),
                        Field.reference("regardingId", "Regarding", ACCOUNT, CONTACT, OPPORTUNITY)),
                EMAIL, List.of(
                        Field.of("subject", "Subject", TEXT, 200).asRequired(),
                        Field.of("from", "From", FieldKind.EMAIL, 100).asRequired(),
                        Field.of("to", "To", EMAIL_LIST, 2000),
                        Field.of("sent", "Sent", DATE_TIME, 25),
                        Field.of("body", "Body", LONG_TEXT, 1_000_000),
                        Field.reference("regardingId", "Regarding", ACCOUNT, CONTACT, OPPORTUNITY)));
    }
}
